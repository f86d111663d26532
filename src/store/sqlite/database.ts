import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ChipbriefError } from '../../errors.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens (creating when missing) the SQLite file with WAL so several processes on one machine can share
 * it, and applies pending migrations under an immediate transaction so two processes starting at once
 * apply each migration once.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:' && !path.startsWith('file:')) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path);
  } catch (err) {
    throw new ChipbriefError(
      'STORE_FAILED',
      `cannot open SQLite store at ${path}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  db.pragma('busy_timeout = 10000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)',
  );
  for (const m of SQLITE_MIGRATIONS) {
    const apply = db.transaction(() => {
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (done) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    });
    apply.immediate();
  }
}

/**
 * Serialises async transactions on the one connection: better-sqlite3 is synchronous, but a transaction
 * that awaits in between would otherwise interleave with other callers' statements.
 */
export class TxLock {
  private tail: Promise<void> = Promise.resolve();
  private readonly inside = new AsyncLocalStorage<boolean>();

  async run<T>(db: Db, fn: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return fn();
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => {
      release = r;
    });
    await prev;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const out = await this.inside.run(true, fn);
        db.exec('COMMIT');
        return out;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      release();
    }
  }

  /** Waits until no transaction holds the connection (plain writes must not land inside one). */
  async idle(): Promise<void> {
    if (this.inside.getStore()) return;
    await this.tail;
  }
}
