import type { Article } from '../articles/article.js';
import type { Clock } from '../ports.js';
import type { Quote } from '../quotes/quote.js';
import type { Store } from '../store/port.js';
import { placeInStory } from '../stories/place-in-story.js';

/**
 * Puts a freshly stored article into its story (joining reprints and spun copies, founding a story
 * otherwise) and returns the story id. Runs inside the ingest transaction.
 */
export async function assignStory(
  store: Store,
  article: Article,
  quotes: readonly Quote[],
  sourcePriority: number,
  clock: Clock,
  normalized?: string,
): Promise<string> {
  const placement = await placeInStory(
    store,
    {
      id: article.id,
      url: article.url,
      title: article.title,
      text: article.text,
      normalized,
      quotes: quotes.map((q) => q.text),
      publishedAt: article.publishedAt,
      sourcePriority,
      siteName: article.siteName,
    },
    { now: clock.now().toISOString() },
  );
  return placement.storyId;
}
