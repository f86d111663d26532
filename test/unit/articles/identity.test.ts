import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleId,
  contentHash,
  contentHashOfNormalized,
  normalizeText,
} from '../../../src/articles/identity.js';

/** The definition normalizeText implements in one scan (and the form every stored hash was made with). */
function byDefinition(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const TRICKY = [
  'a',
  'Z',
  ' ',
  '\n',
  '’',
  '\u2032',
  '\ud835',
  '\udc00',
  '𝐀',
  'İ',
  'ß',
  'ﬁ',
  '①',
  '½',
  '\u0301',
  '-',
  '٣',
  '“',
  '\u00a0',
  '中',
];

describe('normalizeText', () => {
  it('lower-cases words and joins them with single spaces', () => {
    expect(normalizeText('  “Export controls,” she said — don’t   WAIT.\n')).toBe(
      'export controls she said don t wait',
    );
    expect(normalizeText('ＡＳＭＬ’s 2nm ﬁrst-half')).toBe('asml s 2nm first half');
    expect(normalizeText('¿…!')).toBe('');
  });

  it('matches its regex definition on any text, astral and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 60 }), (s) => {
        expect(normalizeText(s)).toBe(byDefinition(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (s) => {
        expect(normalizeText(s)).toBe(byDefinition(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same content hash and id from the text or from its normalised form', () => {
    const text = 'The ministry’s review covers “servicing contracts” from March.';
    const norm = normalizeText(text);
    expect(contentHashOfNormalized(norm)).toBe(contentHash(text));
    expect(articleId(null, text, norm)).toBe(articleId(null, text));
    expect(articleId('https://x.example/a', text, norm)).toBe(articleId('https://x.example/a', text));
  });
});
