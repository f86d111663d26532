import { storyContentHash } from '../src/briefs/story-material.js';
import type { Store } from '../src/store/port.js';

/**
 * The brief cache key's content part for a story (src/briefs/story-material.ts): the `<hash>` of
 * `brief:<story>:<hash>`. A reprint joining a story leaves it unchanged, so it enqueues no new brief
 * job; a story whose briefable content changed gets one. Null when the story is unknown or empty.
 */
export async function briefHashOf(store: Store, storyId: string): Promise<string | null> {
  const story = await store.getStory(storyId);
  if (!story) return null;
  const canonical =
    (await store.getArticle(story.canonicalArticleId)) ?? (await store.storyMembers(storyId))[0] ?? null;
  if (!canonical) return null;
  return storyContentHash(story.id, canonical, await store.getQuotes(canonical.id));
}
