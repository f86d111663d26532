import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFtsMatch } from '../../src/store/fts-query.js';
import { FTS5_TOKENIZE } from '../../src/store/postgres/fts5-tokenizer.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type TestDatabase, TestDatabases } from '../support/postgres.js';
import {
  parityBriefs,
  parityCorpus,
  parityQueries,
  putBriefs,
  putCorpus,
} from '../support/postgres-corpus.js';

/**
 * The PostgreSQL full-text search gives the SQLite store's answers, bit for bit: the same hits in the
 * same order with the same BM25 scores, over every copy of the story fixtures (reprints, spun copies)
 * plus texts that stress the tokenizer, and briefs of them, for several hundred queries.
 */
const dbs = new TestDatabases();
let db: TestDatabase;
let pg: PostgresStore;
const sqlite = openSqliteStore(':memory:');
const corpus = parityCorpus();
const briefs = parityBriefs(corpus);

beforeAll(async () => {
  db = await dbs.create('parity');
  pg = await openPostgresStore(db.url);
  await putCorpus(sqlite, corpus);
  await putCorpus(pg, corpus);
  await putBriefs(sqlite, briefs);
  await putBriefs(pg, briefs);
}, 60_000);

afterAll(async () => {
  await pg?.close();
  await sqlite.close();
  await dbs.dropAll();
});

describe('PostgreSQL search parity with SQLite FTS5', () => {
  it('ranks articles identically (ids, order, scores) for every query and limit', async () => {
    let nonEmpty = 0;
    for (const q of parityQueries(corpus, 60)) {
      for (const limit of [3, 80]) {
        const want = await sqlite.searchArticles(q, limit);
        expect(await pg.searchArticles(q, limit), `${q} (limit ${limit})`).toEqual(want);
        if (want.length > 0) nonEmpty++;
      }
    }
    // The queries exercise real rankings, not empty results.
    expect(nonEmpty).toBeGreaterThan(150);
  });

  it('ranks articles as FTS5 does when every match is joined first (the plan before the LIMIT-aware one)', async () => {
    const raw = (sqlite as unknown as { db: Database.Database }).db;
    const naive = raw.prepare(
      `SELECT a.id, a.story_id, bm25(articles_fts, 4.0, 1.0) AS rank
       FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?`,
    );
    for (const q of parityQueries(corpus, 60)) {
      const match = toFtsMatch(q);
      for (const limit of [1, 2, 3, 7, 80]) {
        const want = match
          ? (naive.all(match, limit) as { id: string; story_id: string | null; rank: number }[]).map((r) => ({
              articleId: r.id,
              storyId: r.story_id,
              score: -r.rank,
            }))
          : [];
        expect(await sqlite.searchArticles(q, limit), `${q} (limit ${limit})`).toEqual(want);
      }
    }
  });

  it('ranks briefs identically: headline 4x bullets, ties by id, several briefs of one story', async () => {
    let nonEmpty = 0;
    for (const q of parityQueries(corpus, 60, 31)) {
      for (const limit of [2, 40]) {
        const want = await sqlite.searchBriefs(q, limit);
        expect(await pg.searchBriefs(q, limit), `${q} (limit ${limit})`).toEqual(want);
        if (want.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(100);
    const hits = await pg.searchBriefs('export controls', 40);
    expect(new Set(hits.map((h) => h.storyId)).size).toBeLessThan(hits.length);
    // Postings of every brief term as FTS5 counts them.
    const raw = (sqlite as unknown as { db: Database.Database }).db;
    raw.exec("CREATE VIRTUAL TABLE temp.bv USING fts5vocab(main, 'briefs_fts', 'row')");
    const want = raw.prepare('SELECT term, doc FROM temp.bv ORDER BY term').all();
    const got = await pg.db.query(
      'SELECT term, count(*)::int AS doc FROM briefs_fts_terms GROUP BY term ORDER BY term',
    );
    expect(got).toEqual(want);
  });

  it('ranks quotes identically, speaker column included', async () => {
    for (const q of parityQueries(corpus, 40, 23)) {
      expect(await pg.searchQuotes(q, 25), q).toEqual(await sqlite.searchQuotes(q, 25));
    }
    expect((await pg.searchQuotes('Núñez', 5)).length).toBeGreaterThan(0);
  });

  it('finds quotes by speaker and articles by entity identically, as the scans before migration 2 did', async () => {
    // The lookups as they were before the indexed speaker keys: NOCASE name, or LIKE '% name'.
    const raw = (sqlite as unknown as { db: Database.Database }).db;
    const scan = raw.prepare(
      `SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id
       WHERE q.speaker_name = ? COLLATE NOCASE OR q.speaker_name LIKE ? ESCAPE '\\'
       ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, q.id LIMIT ?`,
    );
    let found = 0;
    for (const name of [
      'Talia Brennan',
      'brennan',
      'ZHANG WEI',
      'wei',
      'Élodie Marchand',
      'élodie marchand',
      'ÉLODIE MARCHAND',
      'Alvarez-Núñez',
      'Jorge Alvarez-NÚÑEZ',
      'ministry of commerce',
      'of Commerce',
      'COMMERCE',
      '  Zhang Wei  ',
      'Zhang  Wei',
      'x',
      '%',
      'e_',
    ]) {
      const want = await sqlite.quotesBySpeaker(name, 50);
      expect(await pg.quotesBySpeaker(name, 50), name).toEqual(want);
      const n = name.trim();
      const before = n ? scan.all(n, `% ${n.replace(/[%_\\]/g, (c) => `\\${c}`)}`, 50) : [];
      expect(
        want.map((q) => q.id),
        name,
      ).toEqual(before.map((r) => (r as { id: string }).id));
      found += want.length;
    }
    expect(found).toBeGreaterThan(100);
    for (const [kind, canonical] of [
      ['firm', 'huawei'],
      ['firm', 'NVIDIA'],
      ['policy', 'Export Controls'],
    ] as const) {
      expect(await pg.articlesMentioning(kind, canonical, 40)).toEqual(
        await sqlite.articlesMentioning(kind, canonical, 40),
      );
    }
  });

  it('tokenizes like the SQLite tables: same tokenizer, multi-token phrases, and same term statistics', async () => {
    for (const m of SQLITE_MIGRATIONS) {
      for (const fts of m.sql.matchAll(/USING fts5\([^)]*tokenize = '([^']+)'\)/g))
        expect(fts[1]).toBe(FTS5_TOKENIZE);
    }
    // Words that FTS5 cuts into two tokens (a phrase) or none.
    expect(pg.tokenizer.sequence('aᦰb')).toEqual(['a', 'b']);
    expect(pg.tokenizer.sequence('ᦰ')).toEqual([]);
    // Document frequencies of every term equal FTS5's own (fts5vocab over the SQLite store's table).
    const raw = (sqlite as unknown as { db: Database.Database }).db;
    raw.exec("CREATE VIRTUAL TABLE temp.av USING fts5vocab(main, 'articles_fts', 'row')");
    const want = raw.prepare('SELECT term, doc FROM temp.av ORDER BY term').all() as {
      term: string;
      doc: number;
    }[];
    const got = await pg.db.query<{ term: string; doc: number }>(
      'SELECT term, count(*)::int AS doc FROM articles_fts_terms GROUP BY term ORDER BY term',
    );
    expect(got).toEqual(want);
  });

  it('keeps the same numbered migrations and the same tables and columns', async () => {
    expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(
      SQLITE_MIGRATIONS.map((m) => [m.version, m.name]),
    );
    const raw = (sqlite as unknown as { db: Database.Database }).db;
    const tables = (
      raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'")
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((t) => !t.includes('_fts'));
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      // table_xinfo: generated columns too (migration 2's speaker keys), as information_schema has them.
      const want = (raw.prepare(`PRAGMA table_xinfo(${t})`).all() as { name: string }[]).map((c) => c.name);
      const got = (
        await pg.db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 AND column_name <> 'seq' ORDER BY ordinal_position`,
          [t],
        )
      ).map((c) => c.column_name);
      expect(got, t).toEqual(want);
    }
  });
});
