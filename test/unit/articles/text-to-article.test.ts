import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToDraft } from '../../../src/articles/text-to-article.js';
import { ChipbriefError } from '../../../src/errors.js';

const flattened = readFileSync(
  new URL('../../fixtures/articles/flattened-subsidies.txt', import.meta.url),
  'utf8',
);

describe('textToDraft: a page flattened to text', () => {
  const draft = textToDraft(flattened, 'file:///tmp/flattened-subsidies.txt');

  it('takes title, byline and date from the head of the file', () => {
    expect(draft.title).toBe('Chip subsidy deal keeps new fab on schedule, state officials say');
    expect(draft.byline).toBe('Tomas Herrera');
    expect(draft.publishedAt).toBe('2025-11-03T00:00:00.000Z');
    expect(draft.url).toBe('file:///tmp/flattened-subsidies.txt');
  });

  it('keeps exactly the story paragraphs', () => {
    expect(draft.text.split('\n')).toEqual([
      'A state grant and a federal award announced on Monday will keep a planned memory-chip factory on schedule, officials said, after months of uncertainty over how the project would be financed.',
      'The package combines $1.2 billion in federal incentives with a state grant tied to hiring targets. If the company misses those targets, part of the state money must be repaid.',
      '"Nobody in this building wanted to subscribe to a promise without a clawback," said state commerce secretary Ruth Okafor. "Now there is one."',
      'The company said the first phase would employ about 2,000 people once production begins.',
      'Critics questioned the price.',
      'A coalition of local groups argued that a photo of the site taken in September already showed work had started, so the grant rewarded a decision the company had made anyway.',
      'The dispute echoes a wider argument in copyright and patent circles about who owns the process designs that public money helps develop.',
      'Production is expected to begin in 2028.',
    ]);
  });
});

describe('textToDraft: shapes', () => {
  it('does not take a sentence for a title', () => {
    const draft = textToDraft(
      'Japan added 23 items to its export list on Friday.\nThe additions take effect in July.',
      'file:///a.txt',
    );
    expect(draft.text.split('\n')).toHaveLength(2);
    expect(draft.title).toBe('Japan added 23 items to its export list on Friday.');
  });

  it('reads a byline with a date after it and a labelled date', () => {
    const draft = textToDraft(
      'Korea extends chip tax credit\nBy Min-jun Park | Nov 4, 2025\nSeoul will extend a tax credit for chip investment by three years, the finance ministry said.',
      'file:///b.txt',
    );
    expect(draft.byline).toBe('Min-jun Park');
    expect(draft.publishedAt).toBe('2025-11-04T00:00:00.000Z');
    const dated = textToDraft(
      'Korea extends chip tax credit\nPublished: November 5, 2025\nSeoul will extend the credit.',
      'file:///c.txt',
    );
    expect(dated.publishedAt).toBe('2025-11-05T00:00:00.000Z');
    expect(dated.text).toBe('Seoul will extend the credit.');
  });

  it('handles CRLF and blank lines between paragraphs', () => {
    const draft = textToDraft(
      'Headline about wafers\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\n',
      'file:///d.txt',
    );
    expect(draft.text).toBe('First paragraph.\nSecond paragraph.');
  });

  it('throws INPUT_EMPTY when nothing but boilerplate is left', () => {
    expect(() => textToDraft('Play Live Radio\n0:00\n© 2025 Harbor Public Radio', 'file:///e.txt')).toThrow(
      ChipbriefError,
    );
    try {
      textToDraft('  \n\n ', 'file:///f.txt');
    } catch (err) {
      expect((err as ChipbriefError).code).toBe('INPUT_EMPTY');
    }
  });
});
