import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/briefs/brief.js';
import { makeBrief } from '../../../src/briefs/make-brief.js';
import { briefsWith, buildDigest, digestWindow } from '../../../src/digests/build-digest.js';
import { digestId } from '../../../src/digests/digest.js';
import { digestToJson } from '../../../src/digests/digest-json.js';
import { filterMatch } from '../../../src/digests/rank-stories.js';
import { localDate, zonedInstant } from '../../../src/digests/zoned-time.js';
import type { Store, Subscription } from '../../../src/store/port.js';
import {
  addToStory,
  exportArticle,
  exportCopies,
  fixedClock,
  huaweiArticle,
  openTempStore,
  subsidyArticle,
} from '../briefs/story-fixtures.js';

const clock = fixedClock('2026-11-18T07:00:00.000Z');
const sub = (over: Partial<Subscription> = {}): Subscription => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  time: '08:00',
  tz: 'Europe/Berlin',
  filters: { firms: [], policies: [], keywords: [] },
  createdBy: null,
  ...over,
});
const offline = (store: Store) => briefsWith(store, { llm: null, clock, dailyTokenBudget: 0 });

/** Three stories first seen on 17 Nov (UTC): export controls (5 copies, 4 outlets), subsidy (2), Huawei (1). */
async function seed(store: Store): Promise<void> {
  for (const c of exportCopies())
    await addToStory(store, 'st-export', c, { firstSeen: '2026-11-17T10:00:00.000Z' });
  await addToStory(store, 'st-subsidy', subsidyArticle(), { firstSeen: '2026-11-17T12:00:00.000Z' });
  await addToStory(
    store,
    'st-subsidy',
    subsidyArticle({ url: 'https://brusselsbeat.example/aid', siteName: 'Brussels Beat' }),
  );
  await addToStory(store, 'st-huawei', huaweiArticle(), { firstSeen: '2026-11-17T15:00:00.000Z' });
  // Outside the window: first seen two days earlier.
  await addToStory(store, 'st-old', exportArticle({ url: 'https://old.example/a', siteName: 'Old News' }), {
    firstSeen: '2026-11-15T10:00:00.000Z',
  });
}

describe('zoned time', () => {
  it('turns a local date and time into an instant and back', () => {
    expect(zonedInstant('2026-11-18', '08:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-11-18T07:00:00.000Z',
    );
    expect(zonedInstant('2026-07-01', '08:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T06:00:00.000Z',
    );
    expect(zonedInstant('2026-11-18', '08:00', 'America/New_York').toISOString()).toBe(
      '2026-11-18T13:00:00.000Z',
    );
    expect(localDate(new Date('2026-11-18T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-19');
    expect(() => zonedInstant('2026-11-18', '08:00', 'Mars/Olympus')).toThrow(/time zone/);
  });
});

describe('buildDigest', () => {
  it('has the window stories, each once, ranked by coverage, with an overview', async () => {
    const store = openTempStore();
    await seed(store);
    const d = await buildDigest(store, sub(), '2026-11-18', { brief: offline(store) });
    expect(d.id).toBe(digestId('slack', 'C1', '2026-11-18'));
    expect(d.stories.map((s) => s.storyId)).toEqual(['st-export', 'st-subsidy', 'st-huawei']);
    expect(d.overview).toBe('3 stories: AI chip rules (1), subsidies (1), Entity List (1) · 8 outlets');
    const exp = d.stories[0]!;
    expect(exp.alsoReportedBy.map((l) => l.siteName ?? new URL(l.url).hostname).sort()).toEqual([
      'Asia Semi Daily',
      'Content Farm One',
      'Trade Desk News',
      'contentfarm-two.example',
    ]);
    expect(exp.quotes.length).toBeGreaterThan(0);
    await store.close();
  });

  it('ranks filter matches first, then coverage', async () => {
    const store = openTempStore();
    await seed(store);
    const filters = { firms: ['Huawei'], policies: [], keywords: ['Dresden'] };
    const d = await buildDigest(store, sub({ filters }), '2026-11-18', { brief: offline(store) });
    expect(d.stories.map((s) => s.storyId)).toEqual(['st-huawei', 'st-subsidy', 'st-export']);
    expect(
      filterMatch(filters, { title: 'Huawei ships', text: 'Huawei and Dresden' }, [
        { kind: 'firm', canonical: 'Huawei', surface: 'Huawei', start: 0, count: 1 },
      ]),
    ).toBe(3 + 1);
    expect(
      filterMatch({ firms: ['Arm'], policies: [], keywords: [] }, { title: 'The army', text: 'armed' }, []),
    ).toBe(0);
    await store.close();
  });

  it('caps the number of stories and is deterministic', async () => {
    const store = openTempStore();
    await seed(store);
    const a = await buildDigest(store, sub(), '2026-11-18', { brief: offline(store), maxStories: 2 });
    const b = await buildDigest(store, sub(), '2026-11-18', { brief: offline(store), maxStories: 2 });
    expect(a.stories).toHaveLength(2);
    expect(b).toEqual(a);
    await store.close();
  });

  it('starts after the last posted digest and skips stories already digested in the channel', async () => {
    const store = openTempStore();
    await seed(store);
    const first = await store.claimDigest({
      id: digestId('slack', 'C1', '2026-11-17'),
      platform: 'slack',
      channelId: 'C1',
      date: '2026-11-17',
      storyIds: ['st-subsidy'],
    });
    await store.markDigestPosted(first.id, 'ts-1', '2026-11-17T07:00:05.000Z');
    const w = await digestWindow(
      store,
      sub(),
      '2026-11-18',
      zonedInstant('2026-11-18', '08:00', 'Europe/Berlin'),
    );
    expect(w.from.toISOString()).toBe('2026-11-17T07:00:00.000Z');
    const d = await buildDigest(store, sub(), '2026-11-18', { brief: offline(store) });
    expect(d.stories.map((s) => s.storyId)).toEqual(['st-export', 'st-huawei']);
    // Another channel has its own history.
    const other = await buildDigest(store, sub({ channelId: 'C2' }), '2026-11-18', { brief: offline(store) });
    expect(other.stories.map((s) => s.storyId)).toContain('st-subsidy');
    await store.close();
  });

  it('rebuilds a claimed digest from its claimed stories (a retry posts the same)', async () => {
    const store = openTempStore();
    await seed(store);
    await store.claimDigest({
      id: digestId('slack', 'C1', '2026-11-18'),
      platform: 'slack',
      channelId: 'C1',
      date: '2026-11-18',
      storyIds: ['st-huawei', 'st-export'],
    });
    const d = await buildDigest(store, sub(), '2026-11-18', { brief: offline(store) });
    expect(d.stories.map((s) => s.storyId)).toEqual(['st-huawei', 'st-export']);
    await store.close();
  });

  it('says so when there is nothing new', async () => {
    const store = openTempStore();
    const d = await buildDigest(store, sub(), '2026-11-18', { brief: offline(store) });
    expect(d.stories).toEqual([]);
    expect(d.overview).toBe('No new stories since the last digest.');
    await store.close();
  });

  it('--json lists headline, bullets, verbatim quotes with speaker, source and members', async () => {
    const store = openTempStore();
    await seed(store);
    const briefs: Brief[] = [];
    const d = await buildDigest(store, sub(), '2026-11-18', {
      brief: async (id) => {
        const b = await makeBrief(store, id, { llm: null, clock, dailyTokenBudget: 0 });
        briefs.push(b);
        return b;
      },
    });
    const json = digestToJson(d);
    const exp = json.stories[0]!;
    expect(exp.members).toHaveLength(5);
    expect(exp.source.url).toBe(exportCopies()[0]!.url);
    expect(exp.quotes[0]).toMatchObject({ speaker: 'Maria Okafor', kind: 'person' });
    for (const s of json.stories)
      for (const q of s.quotes) {
        const a = await store.getArticle(q.articleId);
        expect(a!.text.includes(q.text)).toBe(true);
        expect(q.articleUrl).toBe(a!.url);
      }
    expect(briefs).toHaveLength(3);
    await store.close();
  });
});
