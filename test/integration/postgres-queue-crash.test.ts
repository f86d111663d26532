import { expect } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { TestDatabases } from '../support/postgres.js';
import { describeQueueCrash } from '../support/queue-crash-scenario.js';

/**
 * The queue crash scenario (see describeQueueCrash) with PostgreSQL as the store: the two workers share
 * one PostgreSQL database (as workers on two machines would), and the store ends with every article
 * exactly once — and one full-text entry each.
 */
const dbs = new TestDatabases();

describeQueueCrash('workers under SIGKILL, sharing PostgreSQL', {
  label: 'pgcrash',
  async env() {
    return {
      // The SQLite path is never opened: CHIPBRIEF_DATABASE_URL selects PostgreSQL.
      CHIPBRIEF_DB: '/nonexistent/chipbrief.db',
      CHIPBRIEF_DATABASE_URL: (await dbs.create('crash')).url,
    };
  },
  open: (env) => openPostgresStore(env.CHIPBRIEF_DATABASE_URL!, { poolSize: 2 }),
  async check(store, articles) {
    // One full-text entry per article: no insert was repeated or half done.
    const fts = await store.db.query<{ n: number; docs: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT key)::int AS docs FROM articles_fts',
    );
    expect(fts[0]).toEqual({ n: articles, docs: articles });
    expect((await store.searchArticles('order 7', 5)).length).toBeGreaterThan(0);
  },
  remove: () => dbs.dropAll(),
});
