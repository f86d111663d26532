import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand, answerQuestion } from '../../src/answers/answer-command.js';
import { parseCommand } from '../../src/answers/parse-command.js';
import type { AnswerServices } from '../../src/answers/services.js';
import { briefsWith, buildDigest } from '../../src/digests/build-digest.js';
import { digestToJson } from '../../src/digests/digest-json.js';
import type { Store, Subscription } from '../../src/store/port.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TestDatabases } from '../support/postgres.js';
import { exampleFiles, ingestFiles, tableRows, tempSqlitePath } from '../support/postgres-stores.js';
import { ctx, followPersonThread } from '../unit/answers/answer-helpers.js';

/**
 * Done-when of the PostgreSQL store: over the same corpus (examples/, ingested by the real pipeline
 * into each store with the same clock), answers and digests are identical on both stores.
 */
const NOW = new Date('2026-11-22T09:00:00.000Z');
const clock = { now: () => NOW };
const COMMANDS = [
  'firm Nvidia',
  'firm Xinkailai',
  'firm SiCarrier',
  'policy export controls',
  'who H200 licenses',
  'who Talia Brennan',
  'ask what is new on H200 licenses?',
  'ask what did Talia Brennan say?',
  'ask tariffs on chips',
  'ask state capital for chip tools',
  'ask who said nothing has been approved',
  'digest',
  'nonsense words here',
];
const QUESTIONS = ['what about Huawei?', 'H200 orders from Chinese cloud firms', 'Shenzhen expo'];
const dbs = new TestDatabases();
const stores = {} as Record<'sqlite' | 'postgres', Store>;
const services = (s: Store): AnswerServices => ({ store: s, llm: null, clock });

beforeAll(async () => {
  stores.sqlite = openSqliteStore(tempSqlitePath());
  stores.postgres = await openPostgresStore((await dbs.create('answers')).url);
  const files = exampleFiles();
  await ingestFiles(stores.sqlite, files, NOW);
  await ingestFiles(stores.postgres, files, NOW);
}, 60_000);

afterAll(async () => {
  await stores.sqlite?.close();
  await stores.postgres?.close();
  await dbs.dropAll();
});

/** Runs `fn` on each store and expects the same result. */
async function same<T>(fn: (s: Store) => Promise<T>, label: string): Promise<T> {
  const a = await fn(stores.sqlite);
  const b = await fn(stores.postgres);
  expect(b, label).toEqual(a);
  return a;
}

describe('answers and digests over examples/ on SQLite and PostgreSQL', () => {
  it('stores the same rows: articles, quotes, mentions, stories and the story index', async () => {
    const rows = await same(tableRows, 'every table');
    expect(rows.articles!.length).toBe(exampleFiles().length);
    expect(rows.quotes!.length).toBeGreaterThan(50);
    expect(rows.stories!.length).toBeGreaterThan(5);
    await same((s) => s.stats(), 'stats');
  });

  it('answers the same commands and questions', async () => {
    let cited = 0;
    for (const text of COMMANDS) {
      const a = await same((s) => answerCommand(parseCommand(text), ctx, services(s)), text);
      cited += a.citations.length;
    }
    expect(cited).toBeGreaterThan(10);
    for (const q of QUESTIONS) await same((s) => answerQuestion(q, services(s)), q);
  });

  it('follows the same thread the same way', async () => {
    const thread = async (s: Store) => {
      const { first, next } = await followPersonThread(services(s), NOW);
      return { first, next, thread: await s.getThread('slack', 'C1', '171.1') };
    };
    const r = await same(thread, 'thread');
    expect(r.next.understood?.focus.people).toEqual(['Talia Brennan']);
  });

  it('builds the same digests, filtered or not, and the same briefs', async () => {
    const sub = (over: Partial<Subscription> = {}): Subscription => ({
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      time: '10:00',
      tz: 'UTC',
      filters: { firms: [], policies: [], keywords: [] },
      createdBy: null,
      ...over,
    });
    const digest = (s: Store, sb: Subscription) =>
      buildDigest(s, sb, '2026-11-22', { brief: briefsWith(s, { llm: null, clock, dailyTokenBudget: 0 }) });
    const all = await same((s) => digest(s, sub()), 'digest');
    expect(all.stories.length).toBeGreaterThan(3);
    await same(
      async (s) =>
        digestToJson(
          await digest(
            s,
            sub({ channelId: 'C2', filters: { firms: ['Nvidia'], policies: [], keywords: [] } }),
          ),
        ),
      'filtered',
    );
    await same(
      async (s) =>
        digestToJson(
          await digest(s, sub({ channelId: 'C3', filters: { firms: [], policies: [], keywords: ['expo'] } })),
        ),
      'keywords',
    );
    // A claimed digest is rebuilt from its claim the same way.
    await same(async (s) => {
      const d = await digest(s, sub({ channelId: 'C4' }));
      await s.claimDigest({
        id: d.id,
        platform: 'slack',
        channelId: 'C4',
        date: d.date,
        storyIds: d.stories.map((v) => v.storyId),
      });
      return digestToJson(await digest(s, sub({ channelId: 'C4' })));
    }, 'claimed');
    const rows = await same(tableRows, 'every table after briefing');
    expect(rows.briefs!.length).toBeGreaterThan(3);
  });

  it('answers the same once stories have briefs, which free questions search too', async () => {
    let briefHits = 0;
    for (const text of COMMANDS) {
      await same((s) => answerCommand(parseCommand(text), ctx, services(s)), `${text} (with briefs)`);
      const words = text.replace(/^\S+\s/, '');
      briefHits += (await same((s) => s.searchBriefs(words, 12), `searchBriefs ${words}`)).length;
    }
    expect(briefHits).toBeGreaterThan(5);
    for (const q of QUESTIONS) await same((s) => answerQuestion(q, services(s)), `${q} (with briefs)`);
  });
});
