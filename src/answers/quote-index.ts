import type { Article } from '../articles/article.js';
import { normalizeText } from '../articles/identity.js';
import type { Store, StoredQuote } from '../store/port.js';
import { dateOf, recency, storyKeyOf } from './retrieve.js';
import { quoteContext } from './sentences.js';
import { stem, termCoverage } from './text-match.js';

/** One quote of the index: said once, however many copies of the story carry it. */
export interface IndexedQuote {
  /** The copy shown: best attributed, else the story's canonical article, else the earliest. */
  quote: StoredQuote;
  article: Article;
  storyId: string;
  /** How many stored copies carry these words (reprints, spun copies, follow-up stories). */
  copies: number;
  /** Stories the words appear in (first the shown copy's). */
  storyIds: string[];
  /** Speaker key: full name when any copy gives it, lower-cased; "unnamed:<role>" for unnamed sources. */
  speakerKey: string;
  score: number;
  /** True when the speaker is the topic's entity or speaks for it (its role names it). */
  by: boolean;
  /** Earliest date any copy gives. */
  firstSaid: number;
}

export interface QuoteIndexQuery {
  terms: readonly string[];
  /** Names of the topic's entity (aliases included); `terms` then holds only the other topic words. */
  names?: readonly string[];
  /** When true, a quote's paragraph (or the one before) must name the entity. */
  requireNames?: boolean;
  /** Minimum share of `terms` in the quote and its paragraph (0 keeps everything). */
  minCoverage: number;
  /**
   * Relevance (0..1) of the stories the quotes come from: a quote in a story about the topic is on it
   * even when its own paragraph does not repeat the topic's words.
   */
  storyRelevance?: ReadonlyMap<string, number>;
  /** Quote ids a story's brief picked as its key quotes: ranked a little higher. */
  briefPicks?: ReadonlySet<string>;
  now: Date;
}

/** Fewest words a quote needs to be listed. */
const MIN_WORDS = 3;

/** Story relevance above which a story is "about" the topic (see `storyRelevance`). */
const STORY_ABOUT = 0.6;

/**
 * The quote index: candidate quotes scored for the topic (the words in the quote count double those of its
 * paragraph), then collapsed so each quote appears once, whether it was reprinted, spun or repeated in a
 * later story, and a shorter excerpt of a longer quote by the same speaker counts as the same quote.
 */
export async function indexQuotes(
  store: Store,
  quotes: readonly StoredQuote[],
  q: QuoteIndexQuery,
): Promise<IndexedQuote[]> {
  const ids = [...new Set(quotes.map((x) => x.articleId))];
  const arts = new Map((await store.getArticles(ids)).map((a) => [a.id, a]));
  const canon = await canonicalIds(store, [...arts.values()]);
  const nowMs = q.now.getTime();

  const scored: { quote: StoredQuote; article: Article; score: number; by: boolean }[] = [];
  const seenIds = new Set<string>();
  // Everything is compared in normalised form, each text normalised once.
  const names = (q.names ?? []).map((n) => ` ${normalizeText(n)} `).filter((n) => n.trim());
  const has = (padded: string) => names.some((n) => padded.includes(n));
  const contexts = new Map<string, { padded: string; stems: Set<string> }>();
  for (const quote of quotes) {
    const article = arts.get(quote.articleId);
    if (!article || seenIds.has(quote.id)) continue;
    seenIds.add(quote.id);
    const quoteWords = normalizeText(quote.text);
    // One or two words between marks are a term ("a \u201ccliff\u201d"), not something a person said.
    if (quoteWords.split(' ').length < MIN_WORDS) continue;
    const inQuote = termCoverage(q.terms, new Set(quoteWords.split(' ').map(stem)));
    const ctxText = quoteContext(article.text, quote.start, quote.end);
    const ctxKey = `${article.id}:${ctxText.length}:${ctxText.slice(0, 40)}`;
    let ctx = contexts.get(ctxKey);
    if (!ctx) {
      const norm = normalizeText(ctxText);
      ctx = { padded: ` ${norm} `, stems: new Set(norm.split(' ').map(stem)) };
      contexts.set(ctxKey, ctx);
    }
    const named = has(ctx.padded);
    const by = has(` ${normalizeText(`${quote.speaker.name ?? ''} ${quote.speaker.role ?? ''}`)} `);
    const story = q.storyRelevance?.get(storyKeyOf(article)) ?? 0;
    // A quote off the entity's paragraphs still counts in a story that is mostly about the entity.
    if (q.requireNames && names.length > 0 && !named && !by && story < STORY_ABOUT) continue;
    const around = termCoverage(q.terms, ctx.stems);
    if (around < q.minCoverage) continue;
    const inText = has(` ${quoteWords} `);
    const signals = 2 * inQuote + around + (named ? 0.5 : 0) + (inText ? 1 : 0) + (by ? 1.5 : 0) + story;
    const score = (signals + (q.briefPicks?.has(quote.id) ? 0.5 : 0)) * recency(nowMs, dateOf(article));
    scored.push({ quote, article, score, by });
  }

  // Longest first, so an excerpt finds the full quote it belongs to.
  const byLength = scored
    .map((s) => ({ ...s, key: normalizeText(s.quote.text) }))
    .filter((s) => s.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length || b.score - a.score);
  const groups: { key: string; items: typeof byLength }[] = [];
  for (const s of byLength) {
    const g = groups.find((x) => x.key === s.key || (s.key.length >= 24 && sameQuote(x, s)));
    if (g) g.items.push(s);
    else groups.push({ key: s.key, items: [s] });
  }

  const out = groups.map((g): IndexedQuote => {
    const pick = [...g.items].sort(
      (a, b) =>
        attribution(b.quote) - attribution(a.quote) ||
        Number(canon.has(b.article.id)) - Number(canon.has(a.article.id)) ||
        dateOf(a.article) - dateOf(b.article) ||
        (a.quote.id < b.quote.id ? -1 : 1),
    )[0]!;
    const storyIds = [...new Set([storyKeyOf(pick.article), ...g.items.map((i) => storyKeyOf(i.article))])];
    return {
      quote: pick.quote,
      article: pick.article,
      storyId: storyKeyOf(pick.article),
      copies: g.items.length,
      storyIds,
      speakerKey: speakerKeyOf(pick.quote),
      by: g.items.some((i) => i.by),
      score: Math.max(...g.items.map((i) => i.score)),
      firstSaid: Math.min(...g.items.map((i) => dateOf(i.article))),
    };
  });
  mergeSurnames(out);
  return out.sort((a, b) => b.score - a.score || b.firstSaid - a.firstSaid);

  function sameQuote(g: { key: string; items: typeof byLength }, s: (typeof byLength)[number]): boolean {
    if (!` ${g.key} `.includes(` ${s.key} `)) return false;
    const a = surname(g.items[0]!.quote);
    return a !== null && a === surname(s.quote);
  }
}

/** Named people with a role first, then named speakers, organisations, unnamed sources. */
function attribution(q: StoredQuote): number {
  const s = q.speaker;
  const named = s.kind === 'person' ? 3 : s.kind === 'organization' ? 2 : 0;
  const full = s.name?.trim().includes(' ') ? 0.5 : 0;
  return named + full + (s.role ? 1 : 0);
}

function surname(q: StoredQuote): string | null {
  const n = q.speaker.name?.trim();
  if (!n) return q.speaker.kind === 'unnamed' ? 'unnamed' : null;
  return normalizeText(n).split(' ').pop() ?? null;
}

export function speakerKeyOf(q: StoredQuote): string {
  const n = q.speaker.name?.trim();
  if (n) return normalizeText(n);
  return `unnamed:${normalizeText(q.speaker.role ?? '')}`;
}

/** "Miller" in one copy and "Chris Miller" in another are one speaker when the surname is unambiguous. */
function mergeSurnames(items: IndexedQuote[]): void {
  const full = new Map<string, Set<string>>();
  for (const i of items) {
    const parts = i.speakerKey.split(' ');
    if (parts.length > 1 && !i.speakerKey.startsWith('unnamed:')) {
      const last = parts[parts.length - 1]!;
      full.set(last, (full.get(last) ?? new Set()).add(i.speakerKey));
    }
  }
  for (const i of items) {
    const names = full.get(i.speakerKey);
    if (names && names.size === 1) i.speakerKey = [...names][0]!;
  }
}

/** Ids of the canonical articles of these articles' stories. */
async function canonicalIds(store: Store, articles: readonly Article[]): Promise<Set<string>> {
  const out = new Set<string>();
  const storyIds = new Set(articles.flatMap((a) => (a.storyId ? [a.storyId] : [])));
  for (const id of storyIds) {
    const s = await store.getStory(id);
    if (s) out.add(s.canonicalArticleId);
  }
  return out;
}
