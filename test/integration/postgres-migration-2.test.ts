import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationStatus } from '../../src/store/migrations-status.js';
import type { Store } from '../../src/store/port.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TestDatabases } from '../support/postgres.js';
import { tempSqlitePath } from '../support/postgres-stores.js';

/**
 * Migration 2 on a store made by migration 1 with rows in it: the speaker keys of every stored quote
 * exist at once (generated columns), the lookups find them as the scans did, on both dialects.
 */
const SPEAKERS = [
  'Anna van Dyke',
  'Van Dyke',
  'Chris Miller',
  'ICwise',
  'Zoë Miller-Ortiz',
  'trailing ',
  null,
];
const TEXT = SPEAKERS.map((_, i) => `"Point ${i} stands," said someone.`).join('\n');

/** Rows as migration 1's schema takes them: one article, a quote per speaker, two mentions. */
function v1Rows(bool: (b: boolean) => unknown): { sql: string; params: unknown[] }[] {
  const rows: { sql: string; params: unknown[] }[] = [
    {
      sql: `INSERT INTO articles (id, url, title, published_at, fetched_at, text, content_hash)
            VALUES ('a1', 'https://news.example/a1', 'Old article', '2026-11-01T00:00:00Z', '2026-11-01T01:00:00Z', $1, 'h1')`,
      params: [TEXT],
    },
  ];
  SPEAKERS.forEach((name, i) => {
    const start = TEXT.indexOf(`Point ${i} stands,`);
    rows.push({
      sql: `INSERT INTO quotes (id, article_id, start, "end", text, speaker_name, speaker_role, speaker_kind, cue, verified)
            VALUES ($1, 'a1', $2, $3, $4, $5, NULL, $6, 'said', $7)`,
      params: [
        `a1:${start}`,
        start,
        start + `Point ${i} stands,`.length,
        `Point ${i} stands,`,
        name,
        name ? 'person' : 'unnamed',
        bool(true),
      ],
    });
  });
  for (const [kind, canonical] of [
    ['firm', 'SiCarrier'],
    ['policy', 'Entity List'],
  ])
    rows.push({
      sql: `INSERT INTO mentions (article_id, kind, canonical, surface, start, count) VALUES ('a1', $1, $2, $2, 0, 1)`,
      params: [kind, canonical],
    });
  return rows;
}

const MIGRATIONS_TABLE =
  'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

async function sqliteAtV1(): Promise<string> {
  const path = tempSqlitePath('migration-2');
  const db = new Database(path);
  db.exec(MIGRATIONS_TABLE);
  db.exec(SQLITE_MIGRATIONS[0]!.sql);
  db.prepare("INSERT INTO schema_migrations VALUES (1, 'init', '2026-11-01T00:00:00Z')").run();
  for (const r of v1Rows((b) => (b ? 1 : 0))) {
    // $n placeholders to SQLite's ?, parameters in order of appearance.
    const order = [...r.sql.matchAll(/\$(\d)/g)].map((m) => r.params[Number(m[1]) - 1]);
    db.prepare(r.sql.replace(/\$\d/g, '?')).run(...(order as (string | number | null)[]));
  }
  db.close();
  return path;
}

async function postgresAtV1(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(MIGRATIONS_TABLE);
    await c.query(PG_MIGRATIONS[0]!.sql);
    await c.query("INSERT INTO schema_migrations VALUES (1, 'init', '2026-11-01T00:00:00Z')");
    for (const r of v1Rows((b) => b)) await c.query(r.sql, r.params);
  } finally {
    await c.end();
  }
}

/** What the lookups answer on a migrated store. */
async function lookups(s: Store) {
  const by = async (n: string) => (await s.quotesBySpeaker(n, 20)).map((q) => q.speaker.name).sort();
  return {
    status: (await migrationStatus(s)).applied.map((m) => [m.version, m.name]),
    dyke: await by('DYKE'),
    vanDyke: await by('van dyke'),
    miller: await by('miller'),
    icwise: await by('icwise'),
    trailing: await by('trailing'),
    none: await by('ortiz'),
    firm: (await s.articlesMentioning('firm', 'sicarrier', 5)).map((a) => a.id),
    policy: (await s.articlesMentioning('policy', 'ENTITY LIST', 5)).map((a) => a.id),
  };
}

const dbs = new TestDatabases();
afterAll(() => dbs.dropAll());

describe('migration 2 (lookup indexes) over stores made by migration 1', () => {
  it('gives every stored quote its speaker keys and finds them as before, on both stores', async () => {
    const path = await sqliteAtV1();
    const db = await dbs.create('migration2');
    await postgresAtV1(db.url);
    const sqlite = openSqliteStore(path);
    const postgres = await openPostgresStore(db.url);
    try {
      const want = {
        status: [
          [1, 'init'],
          [2, 'lookup-indexes'],
          [3, 'articles-fts-external-content'],
        ],
        dyke: ['Anna van Dyke', 'Van Dyke'],
        vanDyke: ['Anna van Dyke', 'Van Dyke'],
        miller: ['Chris Miller'],
        icwise: ['ICwise'],
        // A stored name is matched as stored: 'trailing ' is not 'trailing' (NOCASE does not trim).
        trailing: [],
        none: [],
        firm: ['a1'],
        policy: ['a1'],
      };
      expect(await lookups(sqlite)).toEqual(want);
      expect(await lookups(postgres)).toEqual(want);
      // The generated columns hold what speaker-lookup.ts computes for a query.
      const keys = sqlite.db
        .prepare('SELECT speaker_name, speaker_key, speaker_surname FROM quotes ORDER BY id')
        .all();
      const pgKeys = await postgres.db.query(
        'SELECT speaker_name, speaker_key, speaker_surname FROM quotes ORDER BY id',
      );
      expect(pgKeys).toEqual(keys);
      expect(keys).toContainEqual({
        speaker_name: 'Zoë Miller-Ortiz',
        speaker_key: 'zoë miller-ortiz',
        speaker_surname: 'miller-ortiz',
      });
      expect(keys).toContainEqual({ speaker_name: 'ICwise', speaker_key: 'icwise', speaker_surname: null });
      expect(keys).toContainEqual({
        speaker_name: 'trailing ',
        speaker_key: 'trailing ',
        speaker_surname: '',
      });
      // The lookups use the new indexes.
      const plan = (sql: string, ...p: unknown[]) =>
        (sqlite.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | ');
      expect(
        plan(
          "SELECT id FROM quotes WHERE speaker_key = ? OR (speaker_surname = ? AND speaker_key LIKE ? ESCAPE '\\')",
          'a',
          'b',
          'c',
        ),
      ).toMatch(/quotes_speaker_key .*quotes_speaker_surname/);
      expect(
        plan('SELECT article_id FROM mentions WHERE kind = ? AND canonical = ? COLLATE NOCASE', 'a', 'b'),
      ).toMatch(/USING (COVERING )?INDEX mentions_entity_nocase/);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
    // Opened again: nothing left to apply.
    const again = openSqliteStore(path);
    expect((await migrationStatus(again)).version).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
    await again.close();
  });
});
