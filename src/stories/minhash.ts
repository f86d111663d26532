import { combine32, fnv32, key36, mix32 } from './hash.js';

/** Hashes of the word n-grams (shingles) of a word sequence; a text shorter than n is one shingle. */
export function shingleHashes(words: readonly string[], n: number): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wh = words.map((w) => fnv32(w));
  const out = new Set<number>();
  const last = Math.max(0, wh.length - n);
  for (let i = 0; i <= last; i++) {
    let h = 0x2545f491;
    for (let j = i; j < Math.min(i + n, wh.length); j++) h = combine32(h, wh[j]!);
    out.add(h);
  }
  return Uint32Array.from(out);
}

const seedCache = new Map<string, Uint32Array>();

function seeds(k: number, salt: number): Uint32Array {
  const id = `${k}:${salt}`;
  let s = seedCache.get(id);
  if (!s) {
    s = new Uint32Array(k);
    for (let i = 0; i < k; i++) s[i] = mix32(Math.imul(i + 1, 0x9e3779b1) ^ salt);
    seedCache.set(id, s);
  }
  return s;
}

/**
 * MinHash signature of a set of 32-bit hashes: for each of `k` hash functions, the smallest value.
 * The fraction of equal positions of two signatures estimates the sets' Jaccard similarity.
 */
export function minhash(hashes: Uint32Array, k: number, salt = 0): Uint32Array {
  const sig = new Uint32Array(k).fill(0xffffffff);
  const sd = seeds(k, salt);
  for (let j = 0; j < hashes.length; j++) {
    const x = hashes[j]!;
    for (let i = 0; i < k; i++) {
      const v = mix32(x ^ sd[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures of equal length. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * LSH band keys: the signature cut into `bands` runs of `rows` values, each run hashed to one key.
 * Two sets share a key with probability 1 - (1 - J^rows)^bands, so only similar ones meet.
 */
export function bandKeys(sig: Uint32Array, bands: number, rows: number, prefix: string): string[] {
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < rows; r++) h = combine32(h, sig[b * rows + r]!);
    keys.push(`${prefix}${b.toString(36)}.${key36(h)}`);
  }
  return keys;
}

/** The `k` smallest distinct values of a set, ascending: a bottom-k sketch. */
export function bottomK(hashes: Uint32Array, k: number): Uint32Array {
  const sorted = Uint32Array.from(new Set(hashes)).sort();
  return sorted.length > k ? sorted.slice(0, k) : sorted;
}

/** Jaccard similarity estimated from two bottom-k sketches (exact when both sets fit in k). */
export function bottomKSimilarity(a: Uint32Array, b: Uint32Array, k: number): number {
  let i = 0;
  let j = 0;
  let seen = 0;
  let both = 0;
  // Past the last value of a full sketch, membership in that set is unknown.
  const limit = Math.min(
    a.length >= k ? a[k - 1]! : Number.POSITIVE_INFINITY,
    b.length >= k ? b[k - 1]! : Number.POSITIVE_INFINITY,
  );
  while (seen < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Number.POSITIVE_INFINITY;
    const y = j < b.length ? b[j]! : Number.POSITIVE_INFINITY;
    if (Math.min(x, y) > limit) break;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    seen++;
  }
  return seen === 0 ? 0 : both / seen;
}

/** Share of the smaller set found in the larger, from a Jaccard estimate and the set sizes. */
export function containment(jaccard: number, sizeA: number, sizeB: number): number {
  const small = Math.min(sizeA, sizeB);
  if (small === 0) return 0;
  const inter = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, inter / small);
}
