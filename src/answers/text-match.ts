import { normalizeText } from '../articles/identity.js';
import { queryTerms } from '../store/fts-query.js';

/** Question filler the store's stop list keeps but that names no topic. */
const FILLER = new Set(
  (
    'explain define know much more please quote quotes quoted saying think thinks thought told tell ' +
    'view views stance position opinion comment comments mean means else recently today week anyone ' +
    'people someone somebody'
  ).split(' '),
);

/** Topic words of a question: the store's stop words and question filler removed. */
export function topicTerms(text: string, max = 10): string[] {
  return (
    queryTerms(text, max + 8)
      // "what's" leaves an "s"; a lone letter names no topic (a lone digit might: "Section 2").
      .filter((t) => !FILLER.has(t) && (t.length > 1 || /\d/.test(t)))
      .slice(0, max)
  );
}

/**
 * A light stem so "tariffs" finds "tariff" and "controls" finds "control" — the same leniency the
 * store's porter tokenizer gives its own FTS matches, so our coverage checks agree with its ranking.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 5 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

/** The stems of every word of a text. */
export function wordStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of normalizeText(text).split(' ')) if (w) out.add(stem(w));
  return out;
}

/** Share (0..1) of `terms` found in `text` (stemmed). 1 when there are no terms. */
export function termCoverage(terms: readonly string[], text: string | Set<string>): number {
  if (terms.length === 0) return 1;
  const stems = typeof text === 'string' ? wordStems(text) : text;
  let hit = 0;
  for (const t of terms) if (stems.has(stem(t))) hit++;
  return hit / terms.length;
}

/** True when `phrase` occurs in `text` as whole words, ignoring case, punctuation and quote style. */
export function containsPhrase(text: string, phrase: string): boolean {
  const p = normalizeText(phrase);
  if (!p) return false;
  return ` ${normalizeText(text)} `.includes(` ${p} `);
}
