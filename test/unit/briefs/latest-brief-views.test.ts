import { describe, expect, it } from 'vitest';
import { latestBriefViews } from '../../../src/briefs/brief-view.js';
import { makeBrief } from '../../../src/briefs/make-brief.js';
import type { Store } from '../../../src/store/port.js';
import { addToStory, exportArticle, fixedClock, huaweiArticle, openTempStore } from './story-fixtures.js';

const deps = { llm: null, clock: fixedClock('2026-11-17T12:00:00.000Z'), dailyTokenBudget: 0 };

/** The store, except that `latestBrief` of story `broken` fails as a lost connection would. */
function failingFor(store: Store, broken: string): Store {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'latestBrief') {
        return async (id: string) => {
          if (id === broken) throw new Error('connection lost');
          return target.latestBrief(id);
        };
      }
      const v = Reflect.get(target, key);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('latestBriefViews', () => {
  it('renders the latest brief of each story in the order asked, leaving out stories without one', async () => {
    const store = openTempStore();
    await addToStory(store, 's-export', exportArticle());
    await addToStory(store, 's-huawei', huaweiArticle());
    await addToStory(store, 's-unbriefed', exportArticle({ url: 'https://fabnews.example/2026/11/other' }));
    const exportBrief = await makeBrief(store, 's-export', deps);
    const huaweiBrief = await makeBrief(store, 's-huawei', deps);
    const failures: string[] = [];
    const views = await latestBriefViews(store, ['s-huawei', 's-unbriefed', 's-export'], (_e, id) =>
      failures.push(id),
    );
    expect(views.map((v) => [v.storyId, v.headline])).toEqual([
      ['s-huawei', huaweiBrief.headline],
      ['s-export', exportBrief.headline],
    ]);
    expect(failures).toEqual([]);
    await store.close();
  });

  it('reports a story that fails and still renders the others', async () => {
    const store = openTempStore();
    await addToStory(store, 's-export', exportArticle());
    await addToStory(store, 's-huawei', huaweiArticle());
    await makeBrief(store, 's-export', deps);
    await makeBrief(store, 's-huawei', deps);
    const failures: [string, string][] = [];
    const views = await latestBriefViews(failingFor(store, 's-export'), ['s-export', 's-huawei'], (e, id) =>
      failures.push([id, (e as Error).message]),
    );
    expect(views.map((v) => v.storyId)).toEqual(['s-huawei']);
    expect(failures).toEqual([['s-export', 'connection lost']]);
    await store.close();
  });
});
