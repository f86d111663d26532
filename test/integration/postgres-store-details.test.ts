import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.js';
import { ChipbriefError } from '../../src/errors.js';
import type { Quote } from '../../src/quotes/quote.js';
import { openStore } from '../../src/store/open-store.js';
import type { ThreadTurn } from '../../src/store/port.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { databaseUrl, type TestDatabase, TestDatabases } from '../support/postgres.js';
import { tempSqlitePath } from '../support/postgres-stores.js';

/** What only the PostgreSQL store has to get right: its driver, its connections, its text type. */
const dbs = new TestDatabases();
let db: TestDatabase;
let store: PostgresStore;

beforeAll(async () => {
  db = await dbs.create('details');
  store = await openPostgresStore(db.url);
});
afterAll(async () => {
  await store?.close();
  await dbs.dropAll();
});

const article = (id: string, text: string): Article => ({
  id,
  url: `https://news.example/${id}`,
  sourceId: null,
  title: `Title of ${id}`,
  byline: null,
  siteName: null,
  publishedAt: '2026-11-20T08:00:00.000Z',
  fetchedAt: '2026-11-20T09:00:00.000Z',
  text,
  contentHash: `hash-${id}`,
  storyId: null,
});

describe('PostgreSQL store details', () => {
  it('is what openStore opens when CHIPBRIEF_DATABASE_URL is set, SQLite otherwise', async () => {
    const pg = await openStore({ CHIPBRIEF_DB: '/nonexistent/never.db', CHIPBRIEF_DATABASE_URL: db.url });
    const sq = await openStore({ CHIPBRIEF_DB: tempSqlitePath('select'), CHIPBRIEF_DATABASE_URL: undefined });
    expect([pg.kind, sq.kind]).toEqual(['postgres', 'sqlite']);
    await pg.close();
    await pg.close();
    await sq.close();
  });

  it('fails to open with one line naming host and database, never the password', async () => {
    const bad = databaseUrl('no_such_db').replace('postgres@', 'postgres:s3cret@');
    const err = await openPostgresStore(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChipbriefError);
    expect((err as ChipbriefError).code).toBe('STORE_FAILED');
    expect((err as Error).message).toMatch(
      /cannot open PostgreSQL store at .*\/no_such_db: .*does not exist/,
    );
    expect((err as Error).message).not.toContain('s3cret');
  });

  it('stores text holding U+0000 (which PostgreSQL text cannot) with every quote offset intact', async () => {
    const text = 'Gallium\u0000 exports fell.\n"Prices will rise," said Ann Lee.';
    const a = article('nul1', text);
    const start = text.indexOf('Prices will rise,');
    const q: Quote = {
      id: 'q',
      start,
      end: start + 'Prices will rise,'.length,
      text: 'Prices will rise,',
      speaker: { name: 'Ann Lee', role: null, kind: 'person' },
      cue: 'said',
      verified: true,
    };
    expect(await store.putArticle(a, [q], [])).toEqual({ inserted: true });
    const got = await store.getArticle('nul1');
    expect(got?.text).toBe(text.replace('\u0000', '\uFFFD'));
    const [stored] = await store.getQuotes('nul1');
    expect(got!.text.slice(stored!.start, stored!.end)).toBe(stored!.text);
    expect((await store.searchArticles('gallium', 5)).map((h) => h.articleId)).toContain('nul1');
  });

  it('serialises transactions of two stores on one database (two processes, two pools)', async () => {
    const other = await openPostgresStore(db.url, { poolSize: 3 });
    try {
      const turn = (i: number): ThreadTurn => ({
        question: `q${i}`,
        focus: { people: [], firms: [], policies: [], topic: null },
        storyIds: [],
        at: '2026-11-20T00:00:00Z',
      });
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? other : store).transaction(async () => {
            const s = i % 2 ? other : store;
            const have = await s.getThread('discord', 'C1', 'x');
            await new Promise((r) => setTimeout(r, 3));
            await s.saveThread({
              platform: 'discord',
              channelId: 'C1',
              threadRef: 'x',
              digestId: null,
              storyIds: [],
              turns: [...(have?.turns ?? []), turn(i)],
            });
          }),
        ),
      );
      expect((await store.getThread('discord', 'C1', 'x'))?.turns).toHaveLength(8);
    } finally {
      await other.close();
    }
  });

  it('keeps the index of a rolled-back article out of every ranking statistic', async () => {
    const before = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles_fts_terms');
    await store
      .transaction(async () => {
        await store.putArticle(article('rb1', 'Germanium licences and gallium quotas.'), [], []);
        throw new Error('undo');
      })
      .catch(() => {});
    const after = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles_fts_terms');
    expect(after).toEqual(before);
  });

  it('keeps running totals (documents, tokens) equal to the index they sum, whatever wrote it', async () => {
    await store.putBrief({
      id: 'b1',
      storyId: 's1',
      contentHash: 'h',
      promptVersion: 'p',
      model: 'm',
      summarizer: 'extractive',
      headline: 'Gallium quotas',
      bullets: ['Exports fell', 'Prices rose'],
      quoteIds: [],
      tokensIn: 0,
      tokensOut: 0,
      fallbackReason: null,
      createdAt: '2026-11-20T00:00:00Z',
    });
    for (const t of ['articles', 'quotes', 'briefs']) {
      const [want] = await store.db.query(
        `SELECT count(*)::int AS n, coalesce(sum(tokens), 0)::int AS tok FROM ${t}_fts`,
      );
      const [got] = await store.db.query(
        'SELECT coalesce(sum(docs), 0)::int AS n, coalesce(sum(tokens), 0)::int AS tok FROM fts_totals WHERE tbl = $1',
        [t],
      );
      expect(got, t).toEqual(want);
      expect((want as { n: number }).n, t).toBeGreaterThan(0);
    }
  });
});
