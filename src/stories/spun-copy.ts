import { textFeatures } from './text-features.js';
import { wordRarity } from './word-rarity.js';

/** Longest run of words on either side of a change that still reads as a word swap. */
const SWAP_MAX_WORDS = 4;
/** Longest article prefix compared (words outside quotations); keeps alignment cost bounded. */
const MAX_WORDS = 1500;

/** How two copies of one text differ in word choice where they differ word for word. */
export interface SpinComparison {
  /** Places where one copy has a short run of words and the other a different short run. */
  swaps: number;
  /** Mean over swaps of (rarity of a's words) - (rarity of b's words): positive when a reads rarer. */
  rarer: number;
}

const ALPHA = /^\p{L}/u;

function meanRarityOf(words: readonly string[]): number | null {
  const scored = words.filter((w) => ALPHA.test(w));
  if (scored.length === 0) return null;
  let sum = 0;
  for (const w of scored) sum += wordRarity(w);
  return sum / scored.length;
}

/**
 * Aligns two word sequences (longest common subsequence) and returns the swaps: gaps between aligned
 * words where both sides have 1..SWAP_MAX_WORDS words. Insertions alone (boilerplate, a trimmed
 * paragraph) and long rewrites are not swaps.
 */
export function wordSwaps(a: readonly string[], b: readonly string[]): [string[], string[]][] {
  const n = Math.min(a.length, MAX_WORDS);
  const m = Math.min(b.length, MAX_WORDS);
  const w = m + 1;
  const lcs = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const swaps: [string[], string[]][] = [];
  let i = 0;
  let j = 0;
  let gi = 0;
  let gj = 0;
  const close = () => {
    const da = i - gi;
    const db = j - gj;
    if (da > 0 && db > 0 && da <= SWAP_MAX_WORDS && db <= SWAP_MAX_WORDS) {
      swaps.push([a.slice(gi, i) as string[], b.slice(gj, j) as string[]]);
    }
  };
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      close();
      i++;
      j++;
      gi = i;
      gj = j;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) i++;
    else j++;
  }
  return swaps;
}

/** Compares the word choices of two copies of one story (texts as stored). */
export function compareWordChoice(a: string, b: string): SpinComparison {
  const swaps = wordSwaps(textFeatures(a).outside, textFeatures(b).outside);
  let sum = 0;
  let counted = 0;
  for (const [x, y] of swaps) {
    const rx = meanRarityOf(x);
    const ry = meanRarityOf(y);
    if (rx === null || ry === null) continue;
    sum += rx - ry;
    counted++;
  }
  return { swaps: counted, rarer: counted ? sum / counted : 0 };
}
