import { ChipbriefError } from '../errors.js';
import type { Store } from './port.js';
import { PG_MIGRATIONS } from './postgres/migrations.js';
import { SQLITE_MIGRATIONS } from './sqlite/migrations.js';

/** A migration as both dialects number and name it. */
export interface MigrationRef {
  version: number;
  name: string;
}

export interface MigrationStatus {
  /** Highest applied version (0 for an empty store). */
  version: number;
  /** Applied migrations, oldest first. */
  applied: MigrationRef[];
  /** Migrations this code knows (the same list for both dialects). */
  known: MigrationRef[];
}

/** The migrations this code ships, as (version, name): the same for SQLite and PostgreSQL. */
export function knownMigrations(kind: Store['kind']): MigrationRef[] {
  const list = kind === 'sqlite' ? SQLITE_MIGRATIONS : PG_MIGRATIONS;
  return list.map((m) => ({ version: m.version, name: m.name }));
}

type Rows = { version: number; name: string }[];

/** What schema_migrations of an open store says (both stores migrate when opened). */
export async function migrationStatus(store: Store): Promise<MigrationStatus> {
  const sql = 'SELECT version, name FROM schema_migrations ORDER BY version';
  let rows: Rows;
  const s = store as Store & {
    db?: { prepare?: (q: string) => { all(): unknown[] }; query?: (q: string) => Promise<unknown[]> };
  };
  if (store.kind === 'sqlite' && s.db?.prepare) rows = s.db.prepare(sql).all() as Rows;
  else if (store.kind === 'postgres' && s.db?.query) rows = (await s.db.query(sql)) as Rows;
  else throw new ChipbriefError('STORE_FAILED', `cannot read the migrations of this ${store.kind} store`);
  const applied = rows.map((r) => ({ version: Number(r.version), name: String(r.name) }));
  return {
    version: applied.reduce((v, m) => Math.max(v, m.version), 0),
    applied,
    known: knownMigrations(store.kind),
  };
}
