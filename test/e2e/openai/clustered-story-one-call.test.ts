import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiLlm } from '../../../adapters/openai/openai-llm.js';
import { makeBrief, renderBriefView } from '../../../src/briefs/make-brief.js';
import type { Store } from '../../../src/store/port.js';
import { placeInStory } from '../../../src/stories/place-in-story.js';
import { type FakeOpenAi, startFakeOpenAi } from '../../fakes/openai-server.js';
import {
  type ArticleSpec,
  articleOf,
  exportCopies,
  fixedClock,
  openTempStore,
  quotesIn,
} from '../../unit/briefs/story-fixtures.js';

/**
 * The cost promise with the real story clustering: copies placed by `placeInStory` (which re-chooses
 * the canonical article as copies arrive), briefed after every arrival, in several orders, then all
 * re-ingested. The fake server counts the calls.
 */
let fake: FakeOpenAi;
const canonicalCounts: number[] = [];
beforeAll(async () => {
  fake = await startFakeOpenAi('good');
});
afterAll(async () => {
  await fake.close();
});

async function ingest(store: Store, spec: ArticleSpec, now: string): Promise<string> {
  const article = { ...articleOf(spec), fetchedAt: now };
  const quotes = quotesIn(spec.text, spec.quotes);
  return store.transaction(async () => {
    await store.putArticle(article, quotes, []);
    const placed = await placeInStory(
      store,
      {
        id: article.id,
        url: article.url,
        title: article.title,
        text: article.text,
        quotes: quotes.map((q) => q.text),
        publishedAt: article.publishedAt,
        siteName: article.siteName,
      },
      { now },
    );
    return placed.storyId;
  });
}

describe('five reprints and spun copies through real clustering', () => {
  for (const order of [
    [0, 1, 2, 3, 4],
    [3, 4, 1, 0, 2],
    [4, 2, 0, 3, 1],
  ]) {
    it(`order ${order.join(',')}: one story, one LLM call across repeated ingests`, async () => {
      fake.reset();
      const store = openTempStore();
      const llm = new OpenAiLlm({
        apiKey: 'sk-test',
        baseURL: fake.baseURL,
        model: 'gpt-test',
        timeoutMs: 5000,
        maxRetries: 0,
      });
      const deps = { llm, clock: fixedClock('2026-11-17T12:00:00.000Z'), dailyTokenBudget: 0 };
      const copies = exportCopies();
      const storyIds = new Set<string>();
      const canonicals = new Set<string>();
      for (let round = 0; round < 2; round++) {
        for (const [k, i] of order.entries()) {
          const storyId = await ingest(store, copies[i]!, `2026-11-17T1${round}:0${k}:00.000Z`);
          storyIds.add(storyId);
          const brief = await makeBrief(store, storyId, deps);
          expect(brief.summarizer).toBe('llm');
          canonicals.add((await store.getStory(storyId))!.canonicalArticleId);
          const view = await renderBriefView(store, brief);
          for (const q of view.quotes)
            expect((await store.getArticle(q.articleId))!.text.includes(q.text)).toBe(true);
        }
      }
      expect(storyIds.size).toBe(1);
      expect((await store.storyMembers([...storyIds][0]!)).length).toBe(5);
      expect(fake.calls).toBe(1);
      canonicalCounts.push(canonicals.size);
      await store.close();
    });
  }

  it('covered the case the content hash is for: a later arrival became canonical', () => {
    expect(Math.max(...canonicalCounts)).toBeGreaterThan(1);
  });
});
