import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Embed, embedChars, LIMITS } from '../../../../adapters/discord/limits.js';
import { escapeMarkdown, isUnsafeCut } from '../../../../adapters/discord/markdown.js';
import { packEmbeds, splitText, textEmbeds } from '../../../../adapters/discord/split.js';

const words = fc
  .array(
    fc.oneof(
      fc.constantFrom('export', 'controls', 'Natarajan', '*', '\\', '\n', '\n\n', ' ', '😀', '中文'),
      fc.string({ minLength: 1, maxLength: 30 }),
    ),
    { maxLength: 300 },
  )
  .map((p) => p.join(' '));

describe('splitText', () => {
  it('keeps every non-space character, in order, in chunks within the limit', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 200 }), (text, max) => {
        const chunks = splitText(text, max);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(max);
          expect(c.length).toBeGreaterThan(0);
        }
        expect(chunks.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('never cuts an escape or a surrogate pair', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 3, max: 50 }), (text, max) => {
        const esc = escapeMarkdown(text);
        let rest = esc.trim();
        for (const c of splitText(esc, max)) {
          expect(isUnsafeCut(c, c.length)).toBe(false);
          const at = rest.indexOf(c);
          expect(at).toBeGreaterThanOrEqual(0);
          rest = rest.slice(at + c.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('prefers paragraph, then line, then word breaks', () => {
    expect(splitText('aaaa bbbb\n\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitText('aaaa bbbb\ncccc dddd', 12)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(splitText('aaaa bbbb cccc', 10)).toEqual(['aaaa bbbb', 'cccc']);
    expect(splitText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('textEmbeds and packEmbeds', () => {
  it('puts a very long text in several embeds, the first carrying the title', () => {
    const text = 'Licence applications are piling up at the agency. '.repeat(300);
    const embeds = textEmbeds(text, { title: 'T', color: 1 });
    expect(embeds.length).toBeGreaterThan(3);
    expect(embeds[0]!.title).toBe('T');
    expect(embeds.slice(1).every((e) => e.title === undefined && e.color === 1)).toBe(true);
    for (const e of embeds) expect(e.description!.length).toBeLessThanOrEqual(LIMITS.description);
  });

  it('packs within 10 embeds and 6000 characters per message, keeping order and groups when they fit', () => {
    const embed = fc.integer({ min: 1, max: 4096 }).map((n): Embed => ({ description: 'x'.repeat(n) }));
    fc.assert(
      fc.property(fc.array(fc.array(embed, { minLength: 1, maxLength: 4 }), { maxLength: 30 }), (groups) => {
        const messages = packEmbeds(groups);
        for (const m of messages) {
          expect(m.length).toBeGreaterThan(0);
          expect(m.length).toBeLessThanOrEqual(10);
          expect(m.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
        }
        expect(messages.flat()).toEqual(groups.flat());
        for (const g of groups) {
          const size = g.reduce((n, e) => n + embedChars(e), 0);
          if (size > 6000) continue;
          const homes = new Set(g.map((e) => messages.findIndex((m) => m.includes(e))));
          expect(homes.size).toBe(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
