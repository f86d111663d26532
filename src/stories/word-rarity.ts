import { WORD_TIERS } from './common-words.js';

/** Approximate frequency rank of each tier; a word in no tier counts as this rank. */
const TIER_RANK = [60, 400, 1500, 4000];
const UNKNOWN_RANK = 20_000;

let tierOf: Map<string, number> | undefined;

function tiers(): Map<string, number> {
  if (tierOf) return tierOf;
  tierOf = new Map();
  WORD_TIERS.forEach((list, tier) => {
    for (const w of list.split(/\s+/)) if (w && !tierOf!.has(w)) tierOf!.set(w, tier);
  });
  return tierOf;
}

const SUFFIXES: readonly [string, string][] = [
  ['ies', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
];

/** log2 of the word's approximate frequency rank: ~6 for "the", ~14 for a word in no list. */
export function wordRarity(word: string): number {
  const t = tiers();
  let tier = t.get(word);
  if (tier === undefined) {
    // Inflections of a listed word are about as ordinary as the word.
    for (const [suf, rep] of SUFFIXES) {
      if (word.length > suf.length + 2 && word.endsWith(suf)) {
        tier = t.get(word.slice(0, -suf.length) + rep);
        if (tier !== undefined) break;
      }
    }
  }
  return Math.log2(tier === undefined ? UNKNOWN_RANK : (TIER_RANK[tier] ?? UNKNOWN_RANK));
}
