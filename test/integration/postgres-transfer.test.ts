import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-command.js';
import { runCli } from '../../src/cli.js';
import { TRANSFER_TABLES } from '../../src/store/migrations-tables.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TestDatabases } from '../support/postgres.js';
import { exampleFiles, ingestFiles, tableRows, tempSqlitePath } from '../support/postgres-stores.js';

/**
 * Moving a store: `chipbrief export` from SQLite, `chipbrief import` into PostgreSQL (twice: nothing
 * new the second time), then the same stats, rows and answers; and back into a new SQLite file.
 */
const NOW = new Date('2026-11-22T09:00:00.000Z');
const dbs = new TestDatabases();
let sqlitePath: string;
let dir: string;
let pgUrl: string;

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function cli(argv: string[], env: Record<string, string | undefined>) {
  const out = sink();
  const err = sink();
  const code = await runCli({
    argv,
    env: { CI: 'true', ...env },
    cwd: dir,
    stdout: out.stream,
    stderr: err.stream,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

const onSqlite = () => ({ CHIPBRIEF_DB: sqlitePath });
const onPostgres = () => ({ CHIPBRIEF_DB: join(dir, 'unused.db'), CHIPBRIEF_DATABASE_URL: pgUrl });

beforeAll(async () => {
  sqlitePath = tempSqlitePath('transfer');
  dir = dirname(sqlitePath);
  const store = openSqliteStore(sqlitePath);
  await ingestFiles(store, exampleFiles(), NOW);
  await store.recordLlmUsage('2026-11-21', { calls: 3, tokensIn: 900, tokensOut: 120, fallbacks: 1 });
  await store.upsertSubscription({
    platform: 'discord',
    workspaceId: 'G1',
    channelId: 'C9',
    time: '08:30',
    tz: 'Europe/Berlin',
    filters: { firms: ['Nvidia'], policies: [], keywords: [] },
    createdBy: 'U1',
  });
  await store.addSource({
    kind: 'rss',
    url: 'https://feeds.example/chips.xml',
    name: 'Chips',
    enabled: false,
    addedBy: 'U1',
    priority: 1,
    pollMinutes: 20,
  });
  await store.claimDigest({
    id: 'digest:discord:C9:2026-11-21',
    platform: 'discord',
    channelId: 'C9',
    date: '2026-11-21',
    storyIds: ['s1'],
  });
  await store.markDigestPosted('digest:discord:C9:2026-11-21', 'm1', '2026-11-21T07:30:00Z');
  await store.close();
  pgUrl = (await dbs.create('transfer')).url;
}, 60_000);

afterAll(() => dbs.dropAll());

async function withStore<T>(
  env: { CHIPBRIEF_DB: string; CHIPBRIEF_DATABASE_URL?: string },
  fn: (s: Store) => Promise<T>,
): Promise<T> {
  const s = await openStore(env);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

describe('chipbrief migrate, export and import', () => {
  it('migrates either store and prints the schema version', async () => {
    const pg = await cli(['migrate', '--json'], onPostgres());
    expect(pg.code, pg.stderr).toBe(0);
    expect(JSON.parse(pg.stdout)).toMatchObject({
      store: 'postgres',
      version: 3,
      applied: [
        { version: 1, name: 'init' },
        { version: 2, name: 'lookup-indexes' },
        { version: 3, name: 'articles-fts-external-content' },
      ],
    });
    expect(pg.stdout).not.toContain('postgres@');
    const sq = await cli(['migrate'], onSqlite());
    expect(sq.stdout).toMatch(
      /^sqlite store .*: schema version 3 \(1 init, 2 lookup-indexes, 3 articles-fts-external-content\)/,
    );
  });

  it('moves a SQLite store into PostgreSQL: same rows, stats and answers; a second import adds nothing', async () => {
    const exported = await cli(['export'], onSqlite());
    expect(exported.code, exported.stderr).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({
      format: 'chipbrief-export',
      version: 1,
      schema: 3,
      store: 'sqlite',
    });
    expect(JSON.parse(lines.at(-1)!).end).toBe(true);
    const file = join(dir, 'store.jsonl');
    writeFileSync(file, exported.stdout);

    const first = await cli(['import', 'store.jsonl', '--json'], onPostgres());
    expect(first.code, first.stderr).toBe(0);
    const r1 = JSON.parse(first.stdout);
    expect(r1.added).toBe(lines.length - 2);
    const again = await cli(['import', file, '--json'], onPostgres());
    expect(JSON.parse(again.stdout)).toMatchObject({ rows: lines.length - 2, added: 0 });

    const statsSq = await cli(['stats', '--json'], onSqlite());
    const statsPg = await cli(['stats', '--json'], onPostgres());
    expect(JSON.parse(statsPg.stdout)).toEqual(JSON.parse(statsSq.stdout));
    expect(JSON.parse(statsPg.stdout)).toMatchObject({ llmCalls: 3, tokensIn: 900 });

    const [rowsSq, rowsPg] = [
      await withStore(onSqlite(), tableRows),
      await withStore(onPostgres(), tableRows),
    ];
    expect(rowsPg).toEqual(rowsSq);
    for (const t of TRANSFER_TABLES.filter((x) => !['briefs', 'threads'].includes(x.name)))
      expect(rowsSq[t.name]!.length, t.name).toBeGreaterThan(0);

    // The full-text index was rebuilt by the receiving store: the same answers.
    for (const q of ['what did Talia Brennan say?', 'H200 licenses', 'firm Xinkailai']) {
      const ask = (s: Store) => answerQuestion(q, { store: s, llm: null, clock: { now: () => NOW } });
      expect(await withStore(onPostgres(), ask), q).toEqual(await withStore(onSqlite(), ask));
    }
    // Exporting the PostgreSQL store writes the same rows.
    const back = await cli(['export'], onPostgres());
    expect(back.stdout.trim().split('\n').slice(1)).toEqual(lines.slice(1));
  });

  it('imports into SQLite as well (the way back)', async () => {
    const exported = await cli(['export'], onPostgres());
    writeFileSync(join(dir, 'from-pg.jsonl'), exported.stdout);
    const target = { CHIPBRIEF_DB: join(dir, 'back.db') };
    const r = await cli(['import', 'from-pg.jsonl'], target);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^imported \d+ rows into the sqlite store, \d+ new/);
    expect(await withStore(target, tableRows)).toEqual(await withStore(onSqlite(), tableRows));
    const hits = (s: Store) => s.searchArticles('H200 export licenses', 20);
    expect(await withStore(target, hits)).toEqual(await withStore(onSqlite(), hits));
  });

  it('refuses files that are not exports or are cut short, with one line', async () => {
    const full = readFileSync(join(dir, 'store.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'cut.jsonl'), `${full.slice(0, 40).join('\n')}\n`);
    const cut = await cli(['import', 'cut.jsonl'], { CHIPBRIEF_DB: join(dir, 'cut.db') });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toMatch(/^chipbrief: .*cut\.jsonl:40: no end line: the file is cut short/);
    expect(cut.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(join(dir, 'junk.jsonl'), '{"hello": 1}\n');
    const junk = await cli(['import', 'junk.jsonl'], { CHIPBRIEF_DB: join(dir, 'junk.db') });
    expect(junk.stderr).toMatch(/junk\.jsonl:1: no export header/);
    const missing = await cli(['import', 'nope.jsonl'], { CHIPBRIEF_DB: join(dir, 'junk.db') });
    expect([missing.code, missing.stderr.trim()]).toEqual([
      2,
      'chipbrief: INPUT_NOT_FOUND: nope.jsonl: no such file',
    ]);
  });
});
