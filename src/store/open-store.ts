import type { Config } from '../config.js';
import type { Store } from './port.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

/**
 * Opens the configured store: SQLite (embedded, one machine) by default, PostgreSQL when
 * CHIPBRIEF_DATABASE_URL is set (several machines). Either applies pending migrations on open.
 */
export async function openStore(
  config: Pick<Config, 'CHIPBRIEF_DB' | 'CHIPBRIEF_DATABASE_URL'>,
): Promise<Store> {
  if (config.CHIPBRIEF_DATABASE_URL) {
    // Loaded on demand: SQLite-only installs never load the pg driver.
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(config.CHIPBRIEF_DATABASE_URL);
  }
  return openSqliteStore(config.CHIPBRIEF_DB);
}
