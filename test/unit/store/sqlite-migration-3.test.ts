import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sqliteArticles } from '../../../src/store/sqlite/articles.js';
import { TxLock } from '../../../src/store/sqlite/database.js';
import { SQLITE_MIGRATIONS } from '../../../src/store/sqlite/migrations.js';
import { sqliteSearch } from '../../../src/store/sqlite/search.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { parityCorpus, parityQueries } from '../../support/postgres-corpus.js';

/** A store file as the code before migration 3 left it: migrations 1-2 applied, the corpus stored. */
async function storeAtV2(path: string, corpus: ReturnType<typeof parityCorpus>) {
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)');
  for (const m of SQLITE_MIGRATIONS.filter((x) => x.version <= 2)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-11-01');
  }
  const repo = sqliteArticles(db, new TxLock());
  for (const c of corpus) await repo.putArticle(c.article, c.quotes, c.mentions);
  return db;
}

describe('SQLite migration 3 (articles_fts reads its text from articles)', () => {
  it('ranks every query as before, stores the text once, and indexes articles added after', async () => {
    const corpus = parityCorpus();
    const path = join(mkdtempSync(join(tmpdir(), 'cb-mig3-')), 'store.db');
    const old = await storeAtV2(path, corpus.slice(0, -5));
    const queries = parityQueries(corpus, 40);
    const search = sqliteSearch(old);
    const before = await Promise.all(queries.map((q) => search.searchArticles(q, 10)));
    old.close();

    const store = openSqliteStore(path);
    try {
      const after = await Promise.all(queries.map((q) => store.searchArticles(q, 10)));
      expect(after).toEqual(before);
      expect(before.flat().length).toBeGreaterThan(50);
      const content = store.db
        .prepare("SELECT name FROM sqlite_master WHERE name = 'articles_fts_content'")
        .all();
      expect(content).toEqual([]);

      for (const c of corpus.slice(-5)) await store.putArticle(c.article, c.quotes, c.mentions);
      const last = corpus.at(-1)!.article;
      const hits = await store.searchArticles(last.title || last.text.slice(0, 40), 50);
      expect(hits.map((h) => h.articleId)).toContain(last.id);
      const check = store.db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
      expect(() => check.run()).not.toThrow();
    } finally {
      await store.close();
    }
  });
});
