import { seeded } from '../../bench/generate/rng.js';
import { PROPER, SYNONYMS } from './spinner-synonyms.js';

/** Seeded PRNG (mulberry32, bench/generate/rng.ts): the same seed gives the same spun copy on every machine. */
export function prng(seed: number): () => number {
  return seeded(seed).next;
}

/** Deterministic Fisher-Yates shuffle. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  return seeded(seed).shuffle(items);
}

/** Character ranges of quoted text (marks included), paragraph by paragraph. */
export function quoteRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (open >= 0) out.push([open, i]);
      open = -1;
    } else if (c === '"' || c === '\u201c' || c === '\u201d') {
      if (open < 0) open = i;
      else {
        out.push([open, i + 1]);
        open = -1;
      }
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

export interface SpinResult {
  text: string;
  /** Prose words (outside quotes) of the input. */
  proseWords: number;
  /** Input prose words that were replaced. */
  swappedWords: number;
  rate: number;
}

interface Spot {
  start: number;
  end: number;
  words: number;
  phrase: string;
}

const WORD = /[A-Za-z][A-Za-z'\u2019-]*|\d[\d.,]*/g;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Spins a text the way copy-sites do: replaces about `rate` of the prose words (outside quotation
 * marks) with thesaurus picks, keeping every quotation verbatim. Deterministic for a seed.
 */
export function spin(text: string, options: { seed: number; rate: number }): SpinResult {
  const rnd = prng(options.seed);
  const quoted = quoteRanges(text);
  const inQuote = (i: number) => quoted.some(([s, e]) => i >= s && i < e);
  const tokens = [...text.matchAll(WORD)].filter((m) => !inQuote(m.index!));
  const spots: Spot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let n = 3; n >= 1; n--) {
      const run = tokens.slice(i, i + n);
      if (run.length < n) continue;
      const start = run[0]!.index!;
      const last = run[n - 1]!;
      const end = last.index! + last[0].length;
      const surface = text.slice(start, end);
      if (n > 1 && surface !== run.map((m) => m[0]).join(' ')) continue;
      const phrase = surface.toLowerCase();
      if (!SYNONYMS[phrase]) continue;
      const first = run[0]![0];
      const before = text.slice(Math.max(0, start - 2), start);
      const initial = start === 0 || /[.!?\n]\s?$/.test(before) || before.endsWith('\n');
      if (/^[A-Z]/.test(first) && !initial && !PROPER.has(phrase)) continue;
      spots.push({ start, end, words: n, phrase });
      break;
    }
  }
  const target = Math.round(options.rate * tokens.length);
  const order = shuffle(
    spots.map((_, i) => i),
    options.seed ^ 0x9e37,
  );
  const chosen: Spot[] = [];
  let swapped = 0;
  for (const i of order) {
    if (swapped >= target) break;
    const s = spots[i]!;
    if (chosen.some((c) => s.start < c.end && c.start < s.end)) continue;
    chosen.push(s);
    swapped += s.words;
  }
  chosen.sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of chosen) {
    const alts = SYNONYMS[s.phrase]!;
    let rep = alts[Math.floor(rnd() * alts.length)]!;
    if (/^[A-Z]/.test(text[s.start]!)) rep = capitalise(rep);
    out = out.slice(0, s.start) + rep + out.slice(s.end);
  }
  return {
    text: out,
    proseWords: tokens.length,
    swappedWords: swapped,
    rate: swapped / Math.max(1, tokens.length),
  };
}
