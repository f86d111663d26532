import type { Article } from '../articles/article.js';
import type { Store } from '../store/port.js';
import type { Candidate } from './retrieve.js';
import { stem, wordStems } from './text-match.js';

const BRIEF_LIMIT = 12;
/** Stories found through their briefs alone: their copies are loaded, a query each. */
const BRIEF_NEW_STORIES = 4;

/**
 * Stories whose briefs match the topic words: a brief (an LLM's above all) may say in other words what
 * the copies say, so the words of a story's latest brief — the one its answer speaks from — count
 * toward its coverage too, in ranking and in the required-words check.
 *
 * A story the article search had not found (below its cut, or not in the copies' words) joins when its
 * canonical copy and brief hold a topic word, scored as an article hit is with its brief's bm25 in
 * place of its copies' (`cut`: the lowest article score kept, relative to the best, when the search
 * was cut at its limit, else 1). Stories already found get no bonus for a brief beyond the words it
 * adds: not every story has one (briefs are made for digests), and extractive briefs repeat their
 * copies' title and lead, so a story with one ranks as it would without it.
 */
export async function addBriefEvidence(
  store: Store,
  terms: readonly string[],
  cands: ReadonlyMap<string, Candidate>,
  cand: (a: Article) => Candidate,
  stems: (a: Article) => Set<string>,
  cut: number,
): Promise<void> {
  const hits = await store.searchBriefs(terms.join(' '), BRIEF_LIMIT);
  const top = Math.max(1e-9, ...hits.map((h) => h.score));
  const seen = new Set<string>();
  let added = 0;
  for (const h of hits) {
    if (seen.has(h.storyId)) continue;
    seen.add(h.storyId);
    let c = cands.get(h.storyId);
    // A story whose copies hold every word gains nothing from its brief.
    if (c ? c.coverage >= 1 : added >= BRIEF_NEW_STORIES) continue;
    const brief = await store.latestBrief(h.storyId);
    if (!brief) continue;
    const briefStems = wordStems(`${brief.headline}\n${brief.bullets.join('\n')}`);
    if (c) {
      c.brief = briefStems;
      const cov = Math.max(...[...c.matched.values()].map((a) => coverageWith(terms, stems(a), briefStems)));
      // The best copy's share rises by what the brief adds, and its score with it.
      if (cov > c.coverage) c.fts += 0.5 * (cov - c.coverage);
      c.coverage = Math.max(c.coverage, cov);
      continue;
    }
    // Its canonical copy stands for it (copies say the same; reading every one costs more than it adds).
    const [canonical] = await store.storyMembers(h.storyId);
    if (!canonical) continue;
    const cov = coverageWith(terms, stems(canonical), briefStems);
    if (cov === 0) continue;
    added++;
    c = cand(canonical);
    c.brief = briefStems;
    c.coverage = Math.max(c.coverage, cov);
    // The brief's bm25 stands for the copies', but no higher than its share of the words (the top brief
    // scores 1 however little of the question it holds) nor than the article search's cut.
    c.fts = Math.max(c.fts, 0.5 * Math.min(h.score / top, c.coverage, cut) + 0.5 * c.coverage);
  }
}

/** Share (0..1) of `terms` whose stem is in either set (an article's words and its story's brief's). */
export function coverageWith(terms: readonly string[], a: Set<string>, b?: Set<string>): number {
  if (terms.length === 0) return 1;
  let hit = 0;
  for (const t of terms) {
    const s = stem(t);
    if (a.has(s) || b?.has(s)) hit++;
  }
  return hit / terms.length;
}
