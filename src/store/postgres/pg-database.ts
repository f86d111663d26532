import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { ChipbriefError } from '../../errors.js';
import { LOCK_NAMESPACE, LOCK_TRANSACTION } from './locks.js';

export type Row = Record<string, unknown>;

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the configured PostgreSQL';
  }
}

/** A store failure with the driver's message and no connection string (it may hold a password). */
export function storeError(what: string, err: unknown): ChipbriefError {
  const msg = err instanceof Error ? err.message : String(err);
  return new ChipbriefError('STORE_FAILED', `${what}: ${msg}`, { cause: err });
}

/**
 * A pool of connections plus the transaction context: inside `transaction(fn)` (or an export's
 * snapshot) every query of the same async flow runs on the transaction's client, found through
 * AsyncLocalStorage, so store methods called inside a transaction are part of it.
 */
export class PgDb {
  private readonly current = new AsyncLocalStorage<pg.PoolClient>();

  constructor(readonly pool: pg.Pool) {}

  /** Runs one statement on the transaction's client when there is one, else on any pooled client. */
  async query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    const client = this.current.getStore();
    const res = client
      ? await client.query<R>(sql, params as unknown[])
      : await this.pool.query<R>(sql, params as unknown[]);
    return res.rows;
  }

  /**
   * The port's transaction: one PostgreSQL transaction, serialised with every other `transaction` of
   * every process by a transaction-scoped advisory lock (what SQLite's BEGIN IMMEDIATE gives), so a
   * read-modify-write inside it sees the writes of the transactions before it. Nested calls join it.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    return this.inNewTransaction(fn, true);
  }

  /** Runs `fn` over one consistent read-only snapshot of the whole database (export). */
  async snapshot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return fn();
    return this.inNewTransaction(fn, false, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  private async inNewTransaction<T>(fn: () => Promise<T>, serialised: boolean, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      if (serialised)
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCK_TRANSACTION]);
      const out = await this.current.run(client, fn);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (lost) {
        // The connection is gone (the server rolls back on its own): do not give it back to the pool.
        broken = lost as Error;
      }
      throw err;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * A pool for the URL: BIGINT and COUNT(*) come back as numbers (every counter chipbrief keeps fits
 * well within 2^53), and an idle connection dropped by the server does not crash the process.
 */
export function createPool(url: string, max = 10): pg.Pool {
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as never,
  };
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'chipbrief', types });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  return pool;
}
