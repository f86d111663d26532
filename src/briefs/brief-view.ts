import type { Article } from '../articles/article.js';
import { type EntitySummary, type Mention, summarizeMentions } from '../entities/mention.js';
import { ChipbriefError } from '../errors.js';
import { isVerbatim } from '../quotes/quote.js';
import type { Store } from '../store/port.js';
import type { Brief, BriefView, RenderedQuote, SourceLink } from './brief.js';
import { cleanSummaryLine } from './sanitize.js';

/**
 * Outlet of an article or source link: its site name, else the host of its URL without "www." ("local
 * file" for a file URL), else `unparsable` (by default the URL itself).
 */
export function outletOf(a: Pick<Article, 'siteName' | 'url'>, unparsable: string = a.url): string {
  if (a.siteName?.trim()) return a.siteName.trim();
  try {
    const u = new URL(a.url);
    return u.protocol === 'file:' ? 'local file' : u.hostname.replace(/^www\./, '');
  } catch {
    return unparsable;
  }
}

export function sourceLink(a: Article): SourceLink {
  return { articleId: a.id, title: a.title, url: a.url, siteName: a.siteName, publishedAt: a.publishedAt };
}

/** Entities across members, most-named first (each member's count summed), ties by name. */
function entitiesOf(mentions: readonly Mention[]): EntitySummary {
  const total = new Map<string, Mention>();
  for (const m of mentions) {
    const key = `${m.kind}\u0000${m.canonical}`;
    const prev = total.get(key);
    total.set(key, prev ? { ...prev, count: prev.count + m.count } : { ...m });
  }
  const sorted = [...total.values()].sort(
    (a, b) => b.count - a.count || (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0),
  );
  return summarizeMentions(sorted);
}

/**
 * What a reader sees for a brief. Quotes are looked up FROM THE STORE by id (the brief never holds
 * quote text), re-checked as verbatim spans of their article and dropped when they are not; the
 * speaker is the quotes engine's attribution. Also reported by: the other members, one per outlet.
 */
export async function renderBriefView(store: Store, brief: Brief): Promise<BriefView> {
  const story = await store.getStory(brief.storyId);
  const members = await store.storyMembers(brief.storyId);
  const canonical = members.find((a) => a.id === story?.canonicalArticleId) ?? members[0];
  if (!canonical) {
    throw new ChipbriefError('INPUT_NOT_FOUND', `story ${brief.storyId} has no articles`);
  }
  const byId = new Map(members.map((a) => [a.id, a]));
  const quotes: RenderedQuote[] = [];
  for (const q of await store.getQuotesById(brief.quoteIds)) {
    const article = byId.get(q.articleId) ?? (await store.getArticle(q.articleId));
    if (!article || !isVerbatim(article.text, q)) continue;
    quotes.push({
      id: q.id,
      text: q.text,
      speaker: q.speaker,
      articleId: article.id,
      articleUrl: article.url,
      publishedAt: article.publishedAt,
    });
  }
  const ordered = [canonical, ...members.filter((a) => a !== canonical)];
  const seenOutlets = new Set([outletOf(canonical).toLowerCase()]);
  const alsoReportedBy: SourceLink[] = [];
  for (const a of ordered.slice(1)) {
    const outlet = outletOf(a).toLowerCase();
    if (seenOutlets.has(outlet)) continue;
    seenOutlets.add(outlet);
    alsoReportedBy.push(sourceLink(a));
  }
  const mentions: Mention[] = [];
  for (const a of ordered) mentions.push(...(await store.getMentions(a.id)));
  return {
    storyId: brief.storyId,
    headline: cleanSummaryLine(brief.headline, 160),
    bullets: brief.bullets.map((b) => cleanSummaryLine(b)).filter(Boolean),
    quotes,
    source: sourceLink(canonical),
    alsoReportedBy,
    members: ordered.map(sourceLink),
    entities: entitiesOf(mentions),
    summarizer: brief.summarizer,
  };
}

/**
 * The latest brief of each story, as rendered for readers, in the order given; a story without a brief
 * is left out. A story that fails to render is reported to `onError` and left out too, so one bad story
 * does not cost the reader the others (a digest answer shows whatever can be shown).
 */
export async function latestBriefViews(
  store: Store,
  storyIds: readonly string[],
  onError: (err: unknown, storyId: string) => void,
): Promise<BriefView[]> {
  const views: BriefView[] = [];
  for (const id of storyIds) {
    try {
      const brief = await store.latestBrief(id);
      if (brief) views.push(await renderBriefView(store, brief));
    } catch (err) {
      onError(err, id);
    }
  }
  return views;
}
