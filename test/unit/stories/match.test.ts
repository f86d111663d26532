import { describe, expect, it } from 'vitest';
import { compareSketches } from '../../../src/stories/match.js';
import { sketchInput } from '../../../src/stories/sketch.js';
import type { StoryInput } from '../../../src/stories/story-input.js';
import { spin } from '../../support/spinner.js';
import { BASE_STORIES, quotesOf } from '../../support/story-corpus.js';

function input(id: string, text: string, url = `https://x.example/${id}`): StoryInput {
  return { id, url, title: id, text, quotes: quotesOf(text), publishedAt: null };
}
const sk = (i: StoryInput) => sketchInput(i).sketch;
const story = (key: string) => BASE_STORIES.find((b) => b.key === key)!.paragraphs.join('\n');

describe('compareSketches', () => {
  const h20 = input('h20', story('h20-licences'));
  const revenue = input('rev', story('nvidia-china-revenue'));

  it('keeps apart two stories on one firm and policy that share a stock quotation', () => {
    const c = compareSketches(sk(h20), sk(revenue));
    expect(c.sharedQuotes).toBe(1);
    expect(c.same).toBe(false);
  });

  it('matches a heavily spun copy by its quotations when its shingles no longer match', () => {
    const copy = input('copy', spin(h20.text, { seed: 8, rate: 0.3 }).text);
    const c = compareSketches(sk(h20), sk(copy));
    expect(c.text).toBeLessThan(0.5);
    expect(c).toMatchObject({ same: true, reason: 'quotes' });
  });

  it('matches a spun copy of a story without quotations by its names and numbers', () => {
    const text = story('huawei-ascend-output');
    const c = compareSketches(sk(input('a', text)), sk(input('b', spin(text, { seed: 4, rate: 0.25 }).text)));
    expect(c).toMatchObject({ same: true, reason: 'anchors' });
  });

  it('does not merge a follow-up that reuses two quotations around different facts', () => {
    const [q1, q2] = quotesOf(h20.text);
    const followUp = input(
      'follow',
      [
        `Lawmakers on Tuesday asked the Bureau of Industry and Security to publish the conditions attached to chip licences, citing statements from last month. "${q1}," a company spokesperson had said.`,
        'Senators Mara Quill and Tobias Fenn wrote that 14 licences had been granted to buyers in Shenzhen and Hangzhou without any public record of the end users.',
        `The letter recalled the department's own words: "${q2}," an official said at the time.`,
        'The senators asked for an answer by October 3 and for a briefing before the November recess, and said they would hold a hearing in Washington if the department declined.',
      ].join('\n'),
    );
    const c = compareSketches(sk(h20), sk(followUp));
    expect(c.sharedQuotes).toBe(2);
    expect(c.same).toBe(false);
  });

  it('does not merge a day-two story that repeats a background paragraph and one quotation', () => {
    const h20Paragraphs = BASE_STORIES.find((b) => b.key === 'h20-licences')!.paragraphs;
    const dayTwo = input(
      'day2',
      [
        'Nvidia has shipped the first H20 accelerators to two cloud providers in China since the licences were granted, three people with knowledge of the shipments said on Thursday, though volumes remain far below last year.',
        '"The first lots are small, a few thousand units, and customers are testing whether supply will hold," said Lin Ya-ting, a supply chain analyst at Crestview Research in Taipei.',
        h20Paragraphs[1]!,
        'Cloud buyers have asked for delivery guarantees before placing larger orders. "No one wants to plan a data centre around a product that could be stopped again next quarter," said Ravi Menon, an infrastructure executive at a Singapore-based data centre operator.',
        h20Paragraphs[3]!,
        'Nvidia declined to comment on the shipments. Shares rose 1.2 percent in New York.',
      ].join('\n'),
    );
    const c = compareSketches(sk(h20), sk(dayTwo));
    expect(c.sharedQuotes).toBe(1);
    expect(c.same).toBe(false);
  });

  it('matches exact reprints by canonical URL and by normalised text', () => {
    const amp = input('amp', revenue.text, 'https://www.chipledger.example/news/x/amp?utm_source=t');
    const plain = input('plain', 'other text', 'https://chipledger.example/news/x');
    expect(compareSketches(sk(amp), sk(plain))).toMatchObject({ same: true, reason: 'url' });
    const restyled = input('restyled', revenue.text.replace(/"/g, '\u201c').toUpperCase());
    expect(compareSketches(sk(revenue), sk(restyled))).toMatchObject({ same: true, reason: 'content' });
  });

  it('does not merge short unrelated stubs by their identical text', () => {
    const a = input('a', 'Page not found.');
    const b = input('b', 'Page not found.');
    expect(compareSketches(sk(a), sk(b)).reason).not.toBe('content');
  });
});
