import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';

const brief = (text: string) =>
  extractQuotes(text).map((q) => ({
    text: q.text,
    name: q.speaker.name,
    kind: q.speaker.kind,
    role: q.speaker.role,
    cue: q.cue,
  }));

describe('extractQuotes', () => {
  it('gives ids in text order and exact offsets', () => {
    const text = '"First," said Jack Gold. "Second," Gold added.';
    const qs = extractQuotes(text);
    expect(qs.map((q) => q.id)).toEqual(['q0', 'q1']);
    for (const q of qs) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.verified).toBe(true);
    }
  });

  it('keeps the cue phrase: "told NPR", "according to", and null when inherited', () => {
    const text =
      '"We adapt," Kevin Lo told NPR. "That is the business now." "It is over," according to an industry analyst.';
    expect(brief(text).map((q) => q.cue)).toEqual(['told NPR', null, 'according to']);
  });

  it('attributes both halves of a split quotation to the same speaker and cue', () => {
    const text =
      'Meredith Lane used to enforce the rules. "The controls," she said, "are only as good as their enforcement."';
    expect(brief(text)).toEqual([
      { text: 'The controls,', name: 'Meredith Lane', kind: 'person', role: null, cue: 'said' },
      {
        text: 'are only as good as their enforcement.',
        name: 'Meredith Lane',
        kind: 'person',
        role: null,
        cue: 'said',
      },
    ]);
  });

  it('reads titles before names and appositive roles', () => {
    expect(brief('Commerce Secretary Howard Lutnick said: "We will act."')[0]).toMatchObject({
      name: 'Howard Lutnick',
      role: 'Commerce Secretary',
    });
    expect(
      brief('"We will ship," Jensen Huang, CEO of US semiconductor firm Nvidia, said.')[0],
    ).toMatchObject({
      name: 'Jensen Huang',
      role: 'CEO of US semiconductor firm Nvidia',
    });
  });

  it('tells unnamed sources and organisations apart from people', () => {
    expect(brief('"It is not over," said an industry analyst.')[0]).toMatchObject({
      name: null,
      kind: 'unnamed',
      role: 'industry analyst',
    });
    expect(brief('"Demand is strong," ICwise added.')[0]).toMatchObject({
      name: 'ICwise',
      kind: 'organization',
    });
    expect(brief('"We comply with all laws," Nvidia said in a statement.')[0]).toMatchObject({
      name: 'Nvidia',
      kind: 'organization',
    });
  });

  it('does not guess a pronoun across a speaker named in between', () => {
    const text = 'Morris Chang and C.C. Wei spoke on the same panel. "We are sold out," he said.';
    expect(extractQuotes(text)).toEqual([]);
    // A pronoun only one of them can be is not ambiguous.
    expect(
      brief('Lisa Su and Jensen Huang spoke on the same panel. "We are sold out," he said.')[0]?.name,
    ).toBe('Jensen Huang');
  });

  it('resolves a pronoun to the last person named, and a surname to the full name', () => {
    const text =
      'Jack Gold said the rule was overdue. Maria Kowalczyk disagreed. "It is far too late," she said. "Nobody listens," Gold said.';
    expect(brief(text).map((q) => q.name)).toEqual(['Maria Kowalczyk', 'Jack Gold']);
  });

  it('ignores scare quotes, terms and titles', () => {
    const text = [
      'Critics call it the chip "blockade," as some see it. China\'s "national team" keeps buying "small chips."',
      'The so-called "chokepoints" matter, Miller argues in his book "Chip War."',
    ].join('\n');
    expect(extractQuotes(text)).toEqual([]);
  });

  it('accepts a partial quote that has a cue and a speaker', () => {
    expect(brief('Jack Gold said the controls were "a failure" and would not last.')).toEqual([
      { text: 'a failure', name: 'Jack Gold', kind: 'person', role: null, cue: 'said' },
    ]);
    expect(brief('Jack Gold called the deal "fantastic" on Tuesday.')[0]).toMatchObject({
      text: 'fantastic',
      cue: 'called',
    });
    expect(brief('Jack Gold described the rules as "tight."')[0]).toMatchObject({
      text: 'tight.',
      cue: 'described',
    });
    expect(extractQuotes('Jack Gold calls it the chip "blockade" in his notes.')).toEqual([]);
  });

  it('returns nothing for text without quotes, and for empty text', () => {
    expect(extractQuotes('')).toEqual([]);
    expect(extractQuotes('Nvidia said the rules would cost it $5.5 billion. Shares fell.')).toEqual([]);
  });
});
