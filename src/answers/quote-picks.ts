import type { RenderedQuote } from '../briefs/brief.js';
import type { Store, StoredQuote } from '../store/port.js';
import { type CitationList, renderQuote } from './citations.js';
import type { IndexedQuote } from './quote-index.js';
import type { RetrievedStory } from './retrieve.js';

/** The best quotes, at most `perSpeaker` from one speaker so one voice does not drown the rest. */
export function pickQuotes(items: readonly IndexedQuote[], max: number, perSpeaker: number): IndexedQuote[] {
  const per = new Map<string, number>();
  const out: IndexedQuote[] = [];
  for (const i of items) {
    const n = per.get(i.speakerKey) ?? 0;
    if (n >= perSpeaker) continue;
    per.set(i.speakerKey, n + 1);
    out.push(i);
    if (out.length >= max) break;
  }
  return out;
}

/** The story a quote belongs to, loaded when the retrieval did not already have it. */
export async function storyOf(
  store: Store,
  item: Pick<IndexedQuote, 'storyId' | 'article'>,
  known: Map<string, RetrievedStory>,
): Promise<RetrievedStory> {
  const have = known.get(item.storyId);
  if (have) return have;
  const members = item.storyId.startsWith('article:') ? [] : await store.storyMembers(item.storyId);
  const all = members.length > 0 ? members : [item.article];
  const s: RetrievedStory = {
    storyId: item.storyId,
    score: 0,
    canonical: all[0]!,
    members: all,
    matched: [item.article],
    entityHits: [],
    coverage: 0,
  };
  known.set(s.storyId, s);
  return s;
}

/** Renders picked quotes verbatim, each numbered with its story's citation. */
export async function citeQuotes(
  store: Store,
  picks: readonly IndexedQuote[],
  citations: CitationList,
  known: Map<string, RetrievedStory>,
): Promise<RenderedQuote[]> {
  const out: RenderedQuote[] = [];
  for (const p of picks) {
    const r = renderQuote(p.quote, p.article);
    if (!r) continue;
    r.n = citations.cite(await storyOf(store, p, known));
    out.push(r);
  }
  return out;
}

/** Every stored quote of every copy of these stories (the index collapses the repeats). */
export async function quotesOfStories(
  store: Store,
  stories: readonly RetrievedStory[],
): Promise<StoredQuote[]> {
  const out: StoredQuote[] = [];
  for (const s of stories) for (const m of s.members) out.push(...(await store.getQuotes(m.id)));
  return out;
}

/** Named people among the quotes' speakers, in order: who "he" or "she" most likely means next. */
export function peopleOf(quotes: readonly RenderedQuote[]): string[] {
  const out: string[] = [];
  for (const q of quotes) {
    if (q.speaker.kind === 'person' && q.speaker.name && !out.includes(q.speaker.name))
      out.push(q.speaker.name);
  }
  return out;
}
