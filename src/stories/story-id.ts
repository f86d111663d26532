import { sha256 } from '../articles/identity.js';

/**
 * The id of a story founded by `articleId`. In the store a story keeps the id it was founded with as
 * members join (and, when two stories merge, the older story's id); batch clustering names each
 * cluster after its canonical article, so the same inputs in any order get the same ids.
 */
export function storyIdFor(articleId: string): string {
  return `st_${sha256(`story:${articleId}`).slice(0, 20)}`;
}
