import type pg from 'pg';
import type { Store, StoreStats } from '../port.js';
import { pgArticles } from './articles.js';
import { pgBriefs } from './briefs.js';
import { pgChannels } from './channels.js';
import { Fts5Tokenizer } from './fts5-tokenizer.js';
import { migratePostgres } from './migrations.js';
import { createPool, describeUrl, PgDb, storeError } from './pg-database.js';
import { pgSearch } from './search.js';
import { pgStories } from './stories.js';

/** The PostgreSQL store, with what `chipbrief migrate`, export and import need beyond the port. */
export interface PostgresStore extends Store {
  readonly kind: 'postgres';
  readonly db: PgDb;
  readonly tokenizer: Fts5Tokenizer;
  /** Schema version after the migrations applied at open. */
  readonly schemaVersion: number;
}

export interface PostgresStoreOptions {
  /** Connections kept by this process (default 10). */
  poolSize?: number;
}

/**
 * The shared store for several machines: one PostgreSQL database for every worker and serve process.
 * Opening applies pending migrations (safe when many processes start at once). Same behaviour as the
 * SQLite store, method for method, including the full-text ranking.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<PostgresStore> {
  const pool: pg.Pool = createPool(url, options.poolSize);
  let schemaVersion: number;
  try {
    schemaVersion = await migratePostgres(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw storeError(`cannot open PostgreSQL store at ${describeUrl(url)}`, err);
  }
  const db = new PgDb(pool);
  const tokenizer = new Fts5Tokenizer();
  const stats = async (): Promise<StoreStats> => {
    const [r] = await db.query(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM stories) AS stories,
         (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM briefs) AS briefs,
         u.calls, u.ti, u.tout
       FROM (SELECT COALESCE(SUM(calls), 0) AS calls, COALESCE(SUM(tokens_in), 0) AS ti,
               COALESCE(SUM(tokens_out), 0) AS tout FROM llm_usage) u`,
    );
    return {
      articles: Number(r!.articles),
      stories: Number(r!.stories),
      quotes: Number(r!.quotes),
      briefs: Number(r!.briefs),
      llmCalls: Number(r!.calls),
      tokensIn: Number(r!.ti),
      tokensOut: Number(r!.tout),
    };
  };
  let closed = false;
  return {
    kind: 'postgres',
    db,
    tokenizer,
    schemaVersion,
    ...pgArticles(db, tokenizer),
    ...pgStories(db),
    ...pgBriefs(db, tokenizer),
    ...pgChannels(db),
    ...pgSearch(db, tokenizer),
    stats,
    transaction: (fn) => db.transaction(fn),
    async ping() {
      await db.query('SELECT 1');
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
      tokenizer.close();
    },
  };
}
