import type { Article } from '../articles/article.js';
import type { RenderedQuote, SourceLink } from '../briefs/brief.js';
import { isVerbatim } from '../quotes/quote.js';
import type { StoredQuote } from '../store/port.js';
import type { Citation } from './answer.js';
import { defang } from './defang.js';
import type { RetrievedStory } from './retrieve.js';

/** Most "also reported by" links kept per citation. */
const MAX_ALSO = 6;

/** A link to one article; the title is article text, so it is defanged. */
export function sourceLink(a: Article): SourceLink {
  return {
    articleId: a.id,
    title: defang(a.title) || a.url,
    url: a.url,
    siteName: a.siteName === null ? null : defang(a.siteName),
    publishedAt: a.publishedAt,
  };
}

/**
 * Numbers sources in order of first use, one number per story: the canonical article is the link, the
 * story's other copies are listed as "also reported by" and never get numbers of their own.
 */
export class CitationList {
  private readonly byStory = new Map<string, Citation>();

  /** The citation number of a story (allocated on first use). */
  cite(story: RetrievedStory): number {
    const have = this.byStory.get(story.storyId);
    if (have) return have.n;
    const seen = new Set([story.canonical.url]);
    const also: SourceLink[] = [];
    for (const m of story.members) {
      if (m.id === story.canonical.id || seen.has(m.url)) continue;
      seen.add(m.url);
      also.push(sourceLink(m));
      if (also.length >= MAX_ALSO) break;
    }
    const c: Citation = {
      ...sourceLink(story.canonical),
      n: this.byStory.size + 1,
      storyId: story.storyId,
      alsoReportedBy: also,
    };
    this.byStory.set(story.storyId, c);
    return c.n;
  }

  list(): Citation[] {
    return [...this.byStory.values()].sort((a, b) => a.n - b.n);
  }

  storyIds(): string[] {
    return this.list().map((c) => c.storyId);
  }
}

/**
 * A quote ready to show: its verbatim text from the store, re-checked against its article (promise 1).
 * Null when the check fails, so a damaged row can never reach a reader.
 */
export function renderQuote(q: StoredQuote, article: Article, n?: number): RenderedQuote | null {
  if (q.articleId !== article.id || !isVerbatim(article.text, q)) return null;
  const r: RenderedQuote = {
    id: q.id,
    text: q.text,
    // Names and roles are article text too: safe to show, while the quote itself stays verbatim.
    speaker: {
      ...q.speaker,
      name: q.speaker.name === null ? null : defang(q.speaker.name),
      role: q.speaker.role === null ? null : defang(q.speaker.role),
    },
    articleId: article.id,
    articleUrl: article.url,
    publishedAt: article.publishedAt,
  };
  if (n !== undefined) r.n = n;
  return r;
}
