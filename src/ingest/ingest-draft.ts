import type { Article, ArticleDraft } from '../articles/article.js';
import type { Clock } from '../ports.js';
import type { Store } from '../store/port.js';
import { analyseDraft } from './analyse-draft.js';
import { assignStory } from './assign-story.js';

export interface IngestResult {
  articleId: string;
  /** "new": stored now; "seen": this article (same canonical URL or id) was already stored. */
  status: 'new' | 'seen';
  storyId: string | null;
  title: string;
  url: string;
  quotes: number;
}

export interface IngestOptions {
  sourceId?: string | null;
  /** Priority of the article's source: wins canonical ties between copies. */
  sourcePriority?: number;
}

/**
 * Stores one article with its quotes and entities and assigns it to its story. Idempotent: an article
 * seen again (any process, any retry) is stored once, and only its first insert assigns a story.
 */
export async function ingestDraft(
  draft: ArticleDraft,
  deps: { store: Store; clock: Clock },
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { store, clock } = deps;
  const a = analyseDraft(draft);
  const base = { articleId: a.id, title: draft.title, url: draft.url, quotes: a.quotes.length };
  const existing = await store.getArticle(a.id);
  if (existing) return { ...base, status: 'seen', storyId: existing.storyId };

  const article: Article = {
    ...draft,
    id: a.id,
    sourceId: options.sourceId ?? null,
    fetchedAt: clock.now().toISOString(),
    contentHash: a.contentHash,
    storyId: null,
  };
  // One transaction: a crash leaves either nothing or the article with its story.
  return store.transaction(async () => {
    const { inserted } = await store.putArticle(article, a.quotes, a.mentions);
    if (!inserted) {
      const again = await store.getArticle(a.id);
      return { ...base, status: 'seen' as const, storyId: again?.storyId ?? null };
    }
    const storyId = await assignStory(
      store,
      article,
      a.quotes,
      options.sourcePriority ?? 0,
      clock,
      a.normalized,
    );
    return { ...base, status: 'new' as const, storyId };
  });
}
