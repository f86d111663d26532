import { describe, expect, it } from 'vitest';
import { assignStory } from '../../../src/stories/assign.js';
import { clusterInputs, StoryClusterer } from '../../../src/stories/cluster.js';
import { MemoryStoryIndex } from '../../../src/stories/memory-index.js';
import { shuffle } from '../../support/spinner.js';
import { storyCorpus } from '../../support/story-corpus.js';

/** A partition as a sorted list of sorted member lists: comparable whatever the cluster ids. */
function partition(groups: readonly (readonly string[])[]): string[][] {
  return groups.map((g) => [...g].sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

describe('order independence', () => {
  const corpus = storyCorpus();
  const batch = clusterInputs(corpus).clusters;

  it('gives identical clusters (partition, canonical, ids, member order) for shuffled inputs', () => {
    for (const seed of [1, 2, 3, 42, 2025]) {
      expect(clusterInputs(shuffle(corpus, seed)).clusters).toEqual(batch);
    }
    expect(clusterInputs([...corpus].reverse()).clusters).toEqual(batch);
  });

  it('incremental clustering in any arrival order gives the batch partition', () => {
    for (const seed of [5, 6, 7]) {
      const c = new StoryClusterer();
      for (const input of shuffle(corpus, seed)) c.add(input);
      expect(c.clusters()).toEqual(batch);
    }
  });

  it('assignStory through the async port, one article at a time, gives the batch partition', async () => {
    const index = new MemoryStoryIndex();
    const storyOf = new Map<string, string>();
    const members = new Map<string, Set<string>>();
    for (const input of shuffle(corpus, 99)) {
      const a = await assignStory(index, input);
      const stories = [...new Set(a.matchedArticleIds.map((id) => storyOf.get(id)!))].sort();
      const target = stories[0] ?? input.id;
      const set = members.get(target) ?? new Set<string>();
      members.set(target, set.add(input.id));
      storyOf.set(input.id, target);
      // An article matching members of several stories merges them (see StoryClusterer).
      for (const other of stories.slice(1)) {
        for (const m of members.get(other)!) {
          set.add(m);
          storyOf.set(m, target);
        }
        members.delete(other);
      }
    }
    expect(partition([...members.values()].map((s) => [...s]))).toEqual(
      partition(batch.map((c) => c.members)),
    );
  });

  it('a later-arriving copy finds its story', () => {
    const c = new StoryClusterer();
    const late = corpus.filter((x) => x.variant === 'spun-site');
    for (const input of corpus) if (input.variant !== 'spun-site') c.add(input);
    for (const input of late) {
      const a = c.add(input)!;
      expect(a.matchedArticleIds.length).toBeGreaterThan(0);
      const story = c.storyOf(input.id);
      expect(story.every((id) => id.startsWith(`${input.story}:`))).toBe(true);
      expect(story).toContain(`${input.story}:original`);
    }
  });

  it('counts a repeated input once', () => {
    const doubled = [...corpus, ...corpus.slice(0, 10)];
    expect(clusterInputs(doubled).clusters).toEqual(batch);
  });
});
