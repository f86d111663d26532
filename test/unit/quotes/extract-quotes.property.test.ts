import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../../src/entities/tag-entities.js';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';
import { isVerbatim, type Quote } from '../../../src/quotes/quote.js';

function checkInvariants(text: string, quotes: Quote[]): void {
  let last = -1;
  quotes.forEach((q, i) => {
    expect(q.id).toBe(`q${i}`);
    expect(q.verified).toBe(true);
    expect(isVerbatim(text, q)).toBe(true);
    expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(q.start).toBeGreaterThan(last);
    last = q.start;
    expect(['person', 'organization', 'unnamed']).toContain(q.speaker.kind);
    if (q.speaker.kind === 'unnamed') expect(q.speaker.name).toBeNull();
    else expect(typeof q.speaker.name).toBe('string');
  });
}

const MARKS = ['"', '\u201c', '\u201d', '\u2018', '\u2019', "'", '\u00ab', '\u00bb', '\u201e', '\uff02'];
const ODD = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u0627\u0644\u0635\u064a\u0646',
  '\u05e9\u05d1\u05d1',
];
const WORDS = [
  'said',
  'says',
  'told',
  'NPR',
  'added',
  'according',
  'to',
  'he',
  'she',
  'they',
  'it',
  'the',
  'company',
  'an',
  'analyst',
  'Huang',
  'Jensen',
  'Lisa',
  'Su',
  'Nvidia',
  'Arm',
  'arm',
  'ICwise',
  'Mr.',
  'Commerce',
  'Secretary',
  'Howard',
  'Lutnick',
  'so-called',
  'blockade',
  'chips',
  'Wang',
  'of',
  'and',
  'called',
  'adding',
  'quoted',
  'as',
  'saying',
  'that',
  'who',
  'Ministry',
  'spokesperson',
  'people',
  'familiar',
  'with',
  'matter',
  'Nvidia\u2019s',
  "don't",
  'H20',
  'Xinkailai',
  'Entity',
  'List',
  'export',
  'controls',
];
const PUNCT = [',', '.', ':', ';', ' \u2014 ', '?', '!', '(', ')', '\n', '\n\n', ' ', ' ', ' '];

/** Text made of the pieces quotes are made of: cue words, names, every kind of mark, odd characters. */
const articleish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...MARKS),
      fc.constantFrom(...PUNCT),
      fc.constantFrom(...ODD),
    ),
    {
      maxLength: 400,
    },
  )
  .map((parts) => parts.join(' ').replace(/ {2,}/g, ' '));

const anyText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: fc.constantFrom(...MARKS, '\n', ' ', 'a', 'said'), maxLength: 2000 }),
  articleish,
);

describe('extractQuotes on any input', () => {
  it('never throws, and every quote is a verbatim span with a well-formed speaker', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const quotes = extractQuotes(text);
        checkInvariants(text, quotes);
        const mentions = tagEntities(text, quotes);
        for (const m of mentions) {
          expect(m.count).toBeGreaterThanOrEqual(1);
          expect(text.slice(m.start, m.start + m.surface.length)).toBe(m.surface);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('handles 5,000-character quotes and quotations over many paragraphs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.constantFrom('"', '\u201c'), (paras, mark) => {
        const close = mark === '"' ? '"' : '\u201d';
        const body = 'the rules are unworkable and everyone knows it '.repeat(110);
        const lines = Array.from({ length: paras }, (_, i) => `${mark}${body}${i}`);
        const text = `Jensen Huang, CEO of Nvidia, said:\n${lines.join('\n')}${close} he said.`;
        const quotes = extractQuotes(text);
        checkInvariants(text, quotes);
        expect(quotes.length).toBe(1);
        expect(quotes[0]!.text.length).toBeGreaterThan(5000 * Math.min(paras, 1));
      }),
      { numRuns: 20 },
    );
  });

  it('terminates quickly on huge and adversarial texts', () => {
    const cases: Record<string, string> = {
      onlyMarks: '"\u201c\u201d\u2018\u2019\''.repeat(60_000),
      unbalanced: `He said "${'word '.repeat(100_000)}`,
      openersOnly: '\u201cword '.repeat(60_000),
      manyQuotes: '"We will comply," he said. '.repeat(12_000),
      manyNames: Array.from(
        { length: 8_000 },
        (_, i) => `"Fine," said Person${i} Name${i}. Name${i} said: "Yes."`,
      ).join('\n'),
      apostrophes: "the firms' chips and 'national team' plans ".repeat(10_000),
      oneParagraph: 'Huang said the company '.repeat(40_000),
      rtlAndZeroWidth: '\u202e"\u200bsaid\u200f" he\u2066 said. '.repeat(20_000),
      newlines: '"\n'.repeat(100_000),
    };
    for (const [name, text] of Object.entries(cases)) {
      const t0 = performance.now();
      const quotes = extractQuotes(text);
      tagEntities(text, quotes);
      const ms = performance.now() - t0;
      checkInvariants(text, quotes);
      // Generous for a shared 2-core machine; a quadratic path would take minutes here.
      expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(4000);
    }
  });

  it('grows linearly with the text: 4x the text takes well under 16x the time', () => {
    const unit =
      '"We will comply," Lisa Su said. She added: "It will hurt." The so-called "blockade" goes on.\n';
    const time = (n: number) => {
      const text = unit.repeat(n);
      extractQuotes(text);
      const t0 = performance.now();
      for (let i = 0; i < 3; i++) extractQuotes(text);
      return (performance.now() - t0) / 3;
    };
    time(200);
    const small = time(1500);
    const big = time(6000);
    expect(big / small).toBeLessThan(10);
  });
});
