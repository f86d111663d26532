import type { Article } from '../articles/article.js';
import type { ArticleRepo, StoryRepo } from '../store/port.js';
import { assignStory } from './assign.js';
import { type CanonicalCandidate, chooseCanonical } from './canonical.js';
import type { Story } from './story.js';
import { storyIdFor } from './story-id.js';
import type { StoryIndex } from './story-index.js';
import type { StoryInput } from './story-input.js';

/** The store methods ingest needs to put an article into its story. */
export type StoryStore = StoryIndex &
  Pick<StoryRepo, 'putStory' | 'updateStory' | 'getStory' | 'storyMembers' | 'removeStory'> &
  Pick<ArticleRepo, 'getArticles' | 'setArticleStory'>;

/** Where an article went. */
export interface Placement {
  storyId: string;
  /** True when the article founded the story. */
  isNewStory: boolean;
  canonicalArticleId: string;
  matchedArticleIds: string[];
  /**
   * Stories merged into `storyId` because the article matched members of each: their members now point
   * at `storyId` and their rows have no members left.
   */
  absorbedStoryIds: string[];
}

function olderFirst(a: Story, b: Story): number {
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Puts a stored article into its story: indexes it, finds the same-story articles already indexed,
 * joins their story (founding `storyIdFor(article id)` when there is none; merging into the oldest
 * story when it matches members of several), and re-chooses the story's canonical article.
 * Call after `putArticle`, inside `store.transaction` so concurrent ingests cannot split one story.
 * Idempotent for an article placed again.
 */
export async function placeInStory(
  store: StoryStore,
  input: StoryInput,
  options: { now: string; priorityOf?: (article: Article) => number | undefined },
): Promise<Placement> {
  const assignment = await assignStory(store, input);
  // One read for the matched articles and the article itself (matches never include it).
  const rows = await store.getArticles([...assignment.matchedArticleIds, input.id]);
  const matched = rows.filter((a) => a.id !== input.id);
  // Placed before (a retried job): its current story counts like a matched one.
  const self = rows.find((a) => a.id === input.id);
  const storyIds = [
    ...new Set(
      [...matched, ...(self ? [self] : [])].map((a) => a.storyId).filter((s): s is string => s !== null),
    ),
  ];
  const stories = (await Promise.all(storyIds.map((id) => store.getStory(id)))).filter(
    (s): s is Story => s !== null,
  );
  stories.sort(olderFirst);

  let story = stories[0];
  const isNewStory = story === undefined;
  if (!story) {
    story = {
      id: storyIdFor(input.id),
      canonicalArticleId: input.id,
      firstSeen: options.now,
      lastSeen: options.now,
    };
    await store.putStory(story);
  }
  const absorbed = stories.slice(1);
  for (const other of absorbed) {
    for (const m of await store.storyMembers(other.id)) await store.setArticleStory(m.id, story.id);
    // An emptied story must not linger: digests and answers list stories, not articles.
    await store.removeStory(other.id);
  }
  await store.setArticleStory(input.id, story.id);
  // A matched article left without a story (an interrupted ingest) belongs here too.
  for (const a of matched) if (a.storyId === null) await store.setArticleStory(a.id, story.id);

  const members = await store.storyMembers(story.id);
  const candidates: CanonicalCandidate[] = members.map((m) => ({
    id: m.id,
    publishedAt: m.publishedAt,
    sourcePriority: options.priorityOf?.(m) ?? (m.id === input.id ? input.sourcePriority : undefined),
    text: m.text,
  }));
  const canonicalArticleId = chooseCanonical(candidates) ?? input.id;
  const lastSeen = [options.now, story.lastSeen].sort()[1]!;
  await store.updateStory(story.id, { canonicalArticleId, lastSeen });
  return {
    storyId: story.id,
    isNewStory,
    canonicalArticleId,
    matchedArticleIds: assignment.matchedArticleIds,
    absorbedStoryIds: absorbed.map((s) => s.id),
  };
}
