import { canonicalUrl, contentHashOfNormalized, normalizeText, sha256 } from '../articles/identity.js';
import { ChipbriefError } from '../errors.js';
import { fnv32, key36 } from './hash.js';
import { bandKeys, bottomK, minhash, shingleHashes } from './minhash.js';
import type { StoryInput } from './story-input.js';
import { textFeatures } from './text-features.js';

/** Sketch parameters. Changing one changes every sketch and key: bump SKETCH_VERSION and re-index. */
export const SKETCH_VERSION = 's1';
const SHINGLE = 4;
const PERMS = 128;
const BANDS = 32;
const ROWS = 4;
const ANCHOR_GRAM = 3;
const ANCHOR_K = 128;
const ANCHOR_PERMS = 36;
const ANCHOR_BANDS = 12;
const ANCHOR_ROWS = 3;
/** Fewer anchor n-grams than this say too little about an article to look it up by them. */
const MIN_ANCHOR_GRAMS = 6;
/** Shorter texts (error pages, stubs) must not all collapse into one story by their hash. */
const MIN_HASHED_WORDS = 25;

/** What story matching keeps about one article: compact, and enough to confirm a candidate. */
export interface StorySketch {
  /** Hash of the canonical URL ('' when none). */
  urlKey: string;
  /** Hash of the normalised text ('' when the text is too short to identify anything). */
  contentKey: string;
  /** Number of distinct word 4-shingles. */
  shingles: number;
  /** MinHash signature of the shingles (empty for an empty text). */
  minhash: Uint32Array;
  /** Number of distinct anchor trigrams (names, numbers, quoted terms in text order). */
  anchorGrams: number;
  /** Bottom-k sketch of the anchor trigram hashes. */
  anchors: Uint32Array;
  /** Sorted hashes of the normalised quotations. */
  quotes: Uint32Array;
}

/** A sketch with the index keys under which the article is found. */
export interface SketchedInput {
  sketch: StorySketch;
  keys: string[];
}

function gramHashes(tokens: readonly string[], n: number): Uint32Array {
  return tokens.length < n ? new Uint32Array(0) : shingleHashes(tokens, n);
}

/** Sketches an article and derives its index keys (exact, LSH bands, quotes, anchor bands). */
export function sketchInput(
  input: Pick<StoryInput, 'url' | 'text' | 'quotes' | 'normalized'>,
): SketchedInput {
  const normalized = input.normalized ?? normalizeText(input.text);
  const f = textFeatures(input.text, input.quotes, normalized);
  const url = input.url.trim();
  const urlKey = url ? sha256(canonicalUrl(url)).slice(0, 16) : '';
  const contentKey =
    f.words.length >= MIN_HASHED_WORDS ? contentHashOfNormalized(normalized).slice(0, 16) : '';
  const shingles = shingleHashes(f.words, SHINGLE);
  const sig = shingles.length ? minhash(shingles, PERMS) : new Uint32Array(0);
  const grams = gramHashes(f.anchors, ANCHOR_GRAM);
  const quotes = Uint32Array.from(new Set(f.quotes.map((q) => fnv32(q)))).sort();
  const sketch: StorySketch = {
    urlKey,
    contentKey,
    shingles: shingles.length,
    minhash: sig,
    anchorGrams: grams.length,
    anchors: bottomK(grams, ANCHOR_K),
    quotes,
  };
  const keys: string[] = [];
  if (urlKey) keys.push(`u${urlKey}`);
  if (contentKey) keys.push(`h${contentKey}`);
  if (sig.length) keys.push(...bandKeys(sig, BANDS, ROWS, 'b'));
  for (const q of quotes) keys.push(`q${key36(q)}`);
  if (grams.length >= MIN_ANCHOR_GRAMS)
    keys.push(...bandKeys(minhash(grams, ANCHOR_PERMS, 0x5eed), ANCHOR_BANDS, ANCHOR_ROWS, 'a'));
  return { sketch, keys };
}

function u32ToB64(a: Uint32Array): string {
  const buf = Buffer.alloc(a.length * 4);
  for (let i = 0; i < a.length; i++) buf.writeUInt32LE(a[i]!, i * 4);
  return buf.toString('base64');
}

function b64ToU32(s: string): Uint32Array {
  const buf = Buffer.from(s, 'base64');
  const out = new Uint32Array(buf.length >>> 2);
  for (let i = 0; i < out.length; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}

/** One-line text form of a sketch, for a single store column. */
export function encodeSketch(s: StorySketch): string {
  return [
    SKETCH_VERSION,
    s.urlKey,
    s.contentKey,
    s.shingles,
    s.anchorGrams,
    u32ToB64(s.minhash),
    u32ToB64(s.anchors),
    u32ToB64(s.quotes),
  ].join(';');
}

/** Parses `encodeSketch` output; throws INTERNAL on a sketch of another version or a damaged one. */
export function decodeSketch(text: string): StorySketch {
  const p = text.split(';');
  if (p.length !== 8 || p[0] !== SKETCH_VERSION) {
    throw new ChipbriefError(
      'INTERNAL',
      `story sketch is not of version ${SKETCH_VERSION}: re-index stories`,
    );
  }
  return {
    urlKey: p[1]!,
    contentKey: p[2]!,
    shingles: Number(p[3]),
    anchorGrams: Number(p[4]),
    minhash: b64ToU32(p[5]!),
    anchors: b64ToU32(p[6]!),
    quotes: b64ToU32(p[7]!),
  };
}

export { ANCHOR_K };
