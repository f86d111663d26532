import type { Rng } from './rng.js';

/**
 * What copy sites do to a story they take: swap words and phrases for synonyms in the prose, keep the
 * quotes word for word (changing a quote would make it a different claim, and they know it).
 */
const SWAPS: ReadonlyArray<[string, string]> = [
  ['people familiar with the matter', 'sources close to the situation'],
  ['industry groups', 'trade associations'],
  ['take effect', 'come into force'],
  ['held steady', 'remained stable'],
  ['according to', 'based on'],
  ['comply with', 'abide by'],
  ['signalled', 'indicated'],
  ['changes', 'revisions'],
  ['analysts', 'market watchers'],
  ['measures', 'steps'],
  ['asked', 'requested'],
  ['extend', 'lengthen'],
  ['fell', 'dropped'],
  ['latest', 'most recent'],
  ['prices', 'costs'],
  ['older', 'legacy'],
  ['weighing', 'considering'],
  ['similar', 'comparable'],
  ['decision', 'determination'],
  ['approach', 'strategy'],
  ['widened', 'expanded'],
  ['steadily', 'gradually'],
  ['companies', 'businesses'],
  ['rose', 'climbed'],
  ['slipped', 'dipped'],
  ['announcement', 'declaration'],
  ['smaller', 'minor'],
  ['suppliers', 'vendors'],
  ['estimate', 'reckon'],
  ['affected', 'impacted'],
  ['expect', 'anticipate'],
  ['redirect', 'reroute'],
  ['growing', 'rising'],
  ['spending', 'outlays'],
  ['building', 'constructing'],
  ['declined', 'refused'],
  ['plans', 'intentions'],
  ['would', 'will'],
  ['after', 'following'],
  ['move', 'step'],
  ['shift', 'alter'],
  ['orders', 'purchases'],
  ['about', 'roughly'],
  ['timing', 'schedule'],
  ['weighs', 'considers'],
  ['rethinks', 'reconsiders'],
  ['accelerates', 'speeds up'],
  ['pauses', 'halts'],
];

const PATTERN = new RegExp(`\\b(${SWAPS.map(([w]) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
const TABLE = new Map(SWAPS.map(([w, s]) => [w, s]));

function swapProse(text: string, r: Rng, rate: number): string {
  return text.replace(PATTERN, (word) => {
    const key = word.toLowerCase().replace(/\s+/g, ' ');
    const sub = TABLE.get(key);
    if (!sub || !r.chance(rate)) return word;
    return word[0] === word[0]!.toUpperCase() ? sub.charAt(0).toUpperCase() + sub.slice(1) : sub;
  });
}

/** `text` with prose outside “…” quotations synonym-swapped at `rate`; quotations kept verbatim. */
export function spinText(text: string, r: Rng, rate = 0.75): string {
  return text
    .split(/(\u201c[^\u201d]*\u201d)/)
    .map((part) => (part.startsWith('\u201c') ? part : swapProse(part, r, rate)))
    .join('');
}
