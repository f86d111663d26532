import { describe, expect, it } from 'vitest';
import { clusterInputs } from '../../../src/stories/cluster.js';
import { placeInStory } from '../../../src/stories/place-in-story.js';
import { storyIdFor } from '../../../src/stories/story-id.js';
import { shuffle } from '../../support/spinner.js';
import { BASE_STORIES, copiesOf, storyCorpus } from '../../support/story-corpus.js';
import { FakeStoryStore } from '../../support/story-store-fake.js';

const at = (i: number) => new Date(Date.UTC(2025, 9, 1, 0, i)).toISOString();

describe('placeInStory (ingest into a store)', () => {
  it('assigns every article to the story batch clustering finds, in any arrival order', async () => {
    const corpus = storyCorpus();
    const batch = clusterInputs(corpus).clusters;
    const store = new FakeStoryStore();
    const arrivals = shuffle(corpus, 314);
    for (const [i, input] of arrivals.entries()) {
      store.putInput(input, at(i));
      await placeInStory(store, input, { now: at(i) });
    }
    const live = store.liveStories();
    expect(live).toHaveLength(batch.length);
    for (const c of batch) {
      const ids = new Set(c.members.map((m) => store.articles.get(m)!.storyId));
      expect(ids.size).toBe(1);
      const story = store.stories.get([...ids][0]!)!;
      expect(story.canonicalArticleId).toBe(c.canonical);
    }
  });

  it('keeps the founding id as copies join and moves the canonical to the original', async () => {
    const base = BASE_STORIES.find((b) => b.key === 'rapidus-subsidy')!;
    const copies = copiesOf(base, 77);
    const spun = copies.find((c) => c.variant === 'spun')!;
    const original = copies.find((c) => c.variant === 'original')!;
    const store = new FakeStoryStore();
    store.putInput(spun, at(0));
    const first = await placeInStory(store, spun, { now: at(0) });
    expect(first).toMatchObject({
      isNewStory: true,
      storyId: storyIdFor(spun.id),
      canonicalArticleId: spun.id,
    });
    store.putInput(original, at(1));
    const second = await placeInStory(store, original, { now: at(1) });
    expect(second).toMatchObject({
      isNewStory: false,
      storyId: first.storyId,
      canonicalArticleId: original.id,
    });
    expect(second.matchedArticleIds).toEqual([spun.id]);
    expect(store.stories.get(first.storyId)).toMatchObject({ firstSeen: at(0), lastSeen: at(1) });
    // Placing the same article again changes nothing.
    const again = await placeInStory(store, original, { now: at(2) });
    expect(again.storyId).toBe(first.storyId);
    expect(store.liveStories()).toEqual([first.storyId]);
  });

  it('merges two stories into the older one when an article bridges them', async () => {
    const base = BASE_STORIES.find((b) => b.key === 'h20-licences')!;
    const copies = copiesOf(base, 5);
    const original = copies.find((c) => c.variant === 'original')!;
    const head = {
      ...original,
      id: 'head',
      url: 'https://a.example/head',
      text: base.paragraphs.slice(0, 4).join('\n'),
    };
    const tail = {
      ...original,
      id: 'tail',
      url: 'https://b.example/tail',
      text: base.paragraphs.slice(3).join('\n'),
    };
    head.quotes = [];
    tail.quotes = [];
    const store = new FakeStoryStore();
    for (const [i, input] of [head, tail].entries()) {
      store.putInput(input, at(i));
      await placeInStory(store, input, { now: at(i) });
    }
    expect(store.liveStories()).toHaveLength(2);
    store.putInput(original, at(5));
    const p = await placeInStory(store, original, { now: at(5) });
    expect(p.storyId).toBe(storyIdFor('head'));
    expect(p.absorbedStoryIds).toEqual([storyIdFor('tail')]);
    expect(store.liveStories()).toEqual([storyIdFor('head')]);
  });
});
