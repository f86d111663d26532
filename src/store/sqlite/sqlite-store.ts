import type { Store, StoreStats } from '../port.js';
import { sqliteArticles } from './articles.js';
import { sqliteBriefs } from './briefs.js';
import { sqliteChannels } from './channels.js';
import { type Db, openDatabase, TxLock } from './database.js';
import { sqliteSearch } from './search.js';
import { sqliteStories } from './stories.js';

/** The embedded store: one SQLite file in WAL mode, shareable by several processes on one machine. */
export function openSqliteStore(path: string): Store & { readonly db: Db } {
  const db = openDatabase(path);
  const lock = new TxLock();
  const stats = async (): Promise<StoreStats> => {
    const count = (t: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    const usage = db
      .prepare(
        'SELECT COALESCE(SUM(calls),0) AS calls, COALESCE(SUM(tokens_in),0) AS ti, COALESCE(SUM(tokens_out),0) AS tout FROM llm_usage',
      )
      .get() as { calls: number; ti: number; tout: number };
    return {
      articles: count('articles'),
      stories: count('stories'),
      quotes: count('quotes'),
      briefs: count('briefs'),
      llmCalls: usage.calls,
      tokensIn: usage.ti,
      tokensOut: usage.tout,
    };
  };
  return {
    kind: 'sqlite',
    db,
    ...sqliteArticles(db, lock),
    ...sqliteStories(db, lock),
    ...sqliteBriefs(db, lock),
    ...sqliteChannels(db, lock),
    ...sqliteSearch(db),
    stats,
    transaction: (fn) => lock.run(db, fn),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await lock.idle();
      if (db.open) db.close();
    },
  };
}
