import type { Article } from '../../src/articles/article.js';
import { contentHash } from '../../src/articles/identity.js';
import { MemoryStoryIndex } from '../../src/stories/memory-index.js';
import type { StoryStore } from '../../src/stories/place-in-story.js';
import type { Story } from '../../src/stories/story.js';
import type { StoryInput } from '../../src/stories/story-input.js';

/** The store methods `placeInStory` uses, in memory, with the same contracts as the port. */
export class FakeStoryStore extends MemoryStoryIndex implements StoryStore {
  readonly articles = new Map<string, Article>();
  readonly stories = new Map<string, Story>();

  /** Stores an article as ingest would before placing it. */
  putInput(input: StoryInput, fetchedAt: string): void {
    this.articles.set(input.id, {
      id: input.id,
      url: input.url,
      title: input.title,
      byline: null,
      publishedAt: input.publishedAt,
      text: input.text,
      siteName: input.siteName ?? null,
      sourceId: null,
      fetchedAt,
      contentHash: contentHash(input.text),
      storyId: null,
    });
  }

  async putStory(story: Story): Promise<void> {
    if (!this.stories.has(story.id)) this.stories.set(story.id, { ...story });
  }

  async updateStory(
    id: string,
    patch: Partial<Pick<Story, 'canonicalArticleId' | 'lastSeen'>>,
  ): Promise<void> {
    const s = this.stories.get(id);
    if (s) this.stories.set(id, { ...s, ...patch });
  }

  async getStory(id: string): Promise<Story | null> {
    return this.stories.get(id) ?? null;
  }

  async removeStory(id: string): Promise<boolean> {
    if ([...this.articles.values()].some((a) => a.storyId === id)) return false;
    return this.stories.delete(id);
  }

  async storyMembers(storyId: string): Promise<Article[]> {
    const canonical = this.stories.get(storyId)?.canonicalArticleId;
    return [...this.articles.values()]
      .filter((a) => a.storyId === storyId)
      .sort((a, b) =>
        a.id === canonical
          ? -1
          : b.id === canonical
            ? 1
            : (a.publishedAt ?? '~').localeCompare(b.publishedAt ?? '~'),
      );
  }

  async getArticles(ids: readonly string[]): Promise<Article[]> {
    return ids.map((id) => this.articles.get(id)).filter((a): a is Article => a !== undefined);
  }

  async setArticleStory(articleId: string, storyId: string): Promise<void> {
    const a = this.articles.get(articleId);
    if (a) this.articles.set(articleId, { ...a, storyId });
  }

  /** Story ids that still have members. */
  liveStories(): string[] {
    return [
      ...new Set([...this.articles.values()].map((a) => a.storyId).filter((s): s is string => s !== null)),
    ];
  }
}
