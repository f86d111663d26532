import type { Article, ArticleDraft } from '../../../src/articles/article.js';
import { articleId, contentHash } from '../../../src/articles/identity.js';
import type { Mention } from '../../../src/entities/mention.js';
import type { Quote, Speaker } from '../../../src/quotes/quote.js';
import type { Store } from '../../../src/store/port.js';
import { storyIdFor } from '../../../src/stories/story-id.js';

export interface SeedQuote {
  /** The exact words inside the quotation marks. */
  text: string;
  speaker: Speaker;
}

/**
 * Stores one article as its own story, with quotes located verbatim in its text (promise 1: start/end
 * index the cleaned text) and the given mentions. The ingest pipeline is tested elsewhere; these tests
 * need a known store.
 */
export async function seedArticle(
  store: Store,
  draft: ArticleDraft,
  quotes: readonly SeedQuote[],
  mentions: readonly Omit<Mention, 'start' | 'count'>[],
  at: string,
): Promise<Article> {
  const id = articleId(draft.url, draft.text);
  const article: Article = {
    ...draft,
    id,
    sourceId: null,
    fetchedAt: at,
    contentHash: contentHash(draft.text),
    storyId: null,
  };
  const located: Quote[] = quotes.map((q, i) => {
    const start = draft.text.indexOf(q.text);
    if (start < 0) throw new Error(`seed: quote not in text: ${q.text}`);
    return {
      id: `q${i}`,
      start,
      end: start + q.text.length,
      text: q.text,
      speaker: q.speaker,
      cue: 'said',
      verified: true,
    };
  });
  const ms: Mention[] = mentions.map((m) => {
    const start = Math.max(0, draft.text.toLowerCase().indexOf(m.surface.toLowerCase()));
    return { ...m, start, count: 1 };
  });
  await store.putArticle(article, located, ms);
  const storyId = storyIdFor(id);
  await store.putStory({ id: storyId, canonicalArticleId: id, firstSeen: at, lastSeen: at });
  await store.setArticleStory(id, storyId);
  return { ...article, storyId };
}
