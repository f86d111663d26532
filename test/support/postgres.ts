import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL for tests: the server at CHIPBRIEF_TEST_PG_URL (default the local cluster, trust auth);
 * each test creates its own database with a unique name and drops it after. Tests never skip: no
 * reachable server is a failure that says how to get one.
 */
export const PG_ADMIN_URL =
  process.env.CHIPBRIEF_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const HOW =
  'start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), install it ' +
  '(apt-get install -y postgresql), or point CHIPBRIEF_TEST_PG_URL at a server';

/** The URL of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await c.connect();
  } catch (err) {
    const shown = new URL(PG_ADMIN_URL);
    if (shown.password) shown.password = '***';
    throw new Error(`PostgreSQL not reachable at ${shown} (${(err as Error).message}): ${HOW}`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A new, empty database (no tables) on the test server. */
export async function createTestDatabase(label = 't'): Promise<TestDatabase> {
  const name = `cb_${label.replace(/[^a-z0-9_]/gi, '').toLowerCase()}_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

/** Databases created through it, dropped together (afterAll). */
export class TestDatabases {
  private readonly made: TestDatabase[] = [];

  async create(label?: string): Promise<TestDatabase> {
    const d = await createTestDatabase(label);
    this.made.push(d);
    return d;
  }

  async dropAll(): Promise<void> {
    for (const d of this.made.splice(0)) await d.drop();
  }
}

/**
 * Empties every chipbrief table of a migrated database, keeping the schema: a fresh store in a few
 * milliseconds instead of a new database per test (DELETE: TRUNCATE recreates files and is slower on
 * tables this small).
 */
export async function emptyDatabase(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ t: string }>(
      `SELECT quote_ident(tablename) AS t FROM pg_tables
       WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`,
    );
    if (rows.length > 0) await c.query(rows.map((r) => `DELETE FROM ${r.t};`).join('\n'));
  } finally {
    await c.end();
  }
}
