import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bottomK,
  bottomKSimilarity,
  minhash,
  shingleHashes,
  signatureSimilarity,
} from '../../../src/stories/minhash.js';
import { decodeSketch, encodeSketch, sketchInput } from '../../../src/stories/sketch.js';
import { textFeatures } from '../../../src/stories/text-features.js';
import { BASE_STORIES, quotesOf } from '../../support/story-corpus.js';

const text = BASE_STORIES[0]!.paragraphs.join('\n');

describe('text features', () => {
  it('separates quotations, anchors and prose', () => {
    const f = textFeatures(
      'The ministry said exports of 2,500 tonnes to Japan would need a "national team" review.\n' +
        '"We will act against anyone who abuses our openness," Trade Minister Aziz said. Officials agreed.',
    );
    expect(f.quotes).toEqual(['we will act against anyone who abuses our openness']);
    expect(f.anchors).toEqual(['2500', 'japan', 'national', 'team', 'trade', 'minister', 'aziz']);
    expect(f.outside).toContain('officials');
    expect(f.outside).not.toContain('abuses');
    expect(f.words).toContain('abuses');
  });

  it('adds the extractor quotes and drops short ones', () => {
    const f = textFeatures('No quotation marks here.', ['A long enough quote of several words', 'too short']);
    expect(f.quotes).toEqual(['a long enough quote of several words']);
  });
});

describe('MinHash and bottom-k estimates', () => {
  it('estimate Jaccard similarity within a few points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 400 }), fc.integer({ min: 0, max: 400 }), (shared, own) => {
        const a = Uint32Array.from({ length: shared + own }, (_, i) => (i * 2654435761) >>> 0);
        const b = Uint32Array.from(
          { length: shared + own },
          (_, i) => ((i < shared ? i : i + 10_000) * 2654435761) >>> 0,
        );
        const exact = shared / (shared + 2 * own);
        expect(Math.abs(signatureSimilarity(minhash(a, 128), minhash(b, 128)) - exact)).toBeLessThan(0.2);
        expect(Math.abs(bottomKSimilarity(bottomK(a, 128), bottomK(b, 128), 128) - exact)).toBeLessThan(0.2);
      }),
      { numRuns: 30 },
    );
  });

  it('shingles a short text as one shingle and an empty one as none', () => {
    expect(shingleHashes(['a', 'b'], 4)).toHaveLength(1);
    expect(shingleHashes([], 4)).toHaveLength(0);
  });
});

describe('sketch', () => {
  it('round-trips through its one-line text form', () => {
    const { sketch } = sketchInput({ url: 'https://a.example/x', text, quotes: quotesOf(text) });
    const line = encodeSketch(sketch);
    expect(line).not.toMatch(/\n/);
    expect(line.length).toBeLessThan(2000);
    expect(decodeSketch(line)).toEqual(sketch);
  });

  it('derives exact, band, quote and anchor keys', () => {
    const { keys, sketch } = sketchInput({ url: 'https://a.example/x', text, quotes: [] });
    expect(keys.filter((k) => k.startsWith('u'))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith('h'))).toHaveLength(1);
    expect(keys.filter((k) => k.startsWith('b'))).toHaveLength(32);
    expect(keys.filter((k) => k.startsWith('a'))).toHaveLength(12);
    expect(keys.filter((k) => k.startsWith('q'))).toHaveLength(sketch.quotes.length);
    expect(sketch.quotes.length).toBeGreaterThanOrEqual(4);
  });

  it('is empty but valid for an empty article', () => {
    const { keys, sketch } = sketchInput({ url: '', text: '', quotes: [] });
    expect(keys).toEqual([]);
    expect(decodeSketch(encodeSketch(sketch))).toEqual(sketch);
  });

  it('rejects a sketch of another version', () => {
    expect(() => decodeSketch('s0;x')).toThrow(/version/);
  });
});
