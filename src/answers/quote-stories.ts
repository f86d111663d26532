import type { QuoteHit, Store } from '../store/port.js';
import { storyOf } from './quote-picks.js';
import { dateOf, type RetrievedStory, recency, storyKeyOf } from './retrieve.js';
import { termCoverage } from './text-match.js';

/**
 * The stories that quote hits come from, best first: ranked by their best quote's BM25 score, how much
 * of the topic their canonical article covers, recency, and the thread's preference. The quote index
 * finds stories this way so the expensive article search runs only when quotes say too little.
 */
export async function storiesFromQuotes(
  store: Store,
  hits: readonly QuoteHit[],
  q: { terms: readonly string[]; prefer: readonly string[]; limit: number; now: Date },
): Promise<RetrievedStory[]> {
  const arts = new Map(
    (await store.getArticles([...new Set(hits.map((h) => h.quote.articleId))])).map((a) => [a.id, a]),
  );
  const top = Math.max(1e-9, ...hits.map((h) => h.score));
  const best = new Map<string, { score: number; articleId: string }>();
  for (const h of hits) {
    const a = arts.get(h.quote.articleId);
    if (!a) continue;
    const key = storyKeyOf(a);
    const s = h.score / top;
    if ((best.get(key)?.score ?? -1) < s) best.set(key, { score: s, articleId: a.id });
  }
  const prefer = new Set(q.prefer);
  const ranked = [...best.entries()].sort((x, y) => y[1].score - x[1].score).slice(0, q.limit * 2);
  const known = new Map<string, RetrievedStory>();
  const out: RetrievedStory[] = [];
  for (const [key, b] of ranked) {
    const story = await storyOf(store, { storyId: key, article: arts.get(b.articleId)! }, known);
    const coverage = termCoverage(q.terms, `${story.canonical.title}\n${story.canonical.text}`);
    const score =
      (0.5 * b.score + 0.5 * coverage + (prefer.has(key) ? 0.6 : 0)) *
      recency(q.now.getTime(), dateOf(story.canonical));
    out.push({ ...story, score, coverage });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, q.limit);
}
