import { migrationStatus } from '../../store/migrations-status.js';
import { storeLocation } from '../../store/store-location.js';
import type { AppContext } from '../app-context.js';

/**
 * `chipbrief migrate [--json]`: applies pending migrations to the configured store (SQLite, or
 * PostgreSQL when CHIPBRIEF_DATABASE_URL is set; safe while other processes start) and prints the
 * schema version.
 */
export async function migrateCommand(app: AppContext, opts: { json?: boolean }): Promise<void> {
  // Opening a store applies what is pending, under the store's own lock.
  const store = await app.store();
  const st = await migrationStatus(store);
  const where = storeLocation(app.config, store);
  if (opts.json) {
    app.out(JSON.stringify({ store: store.kind, location: where, version: st.version, applied: st.applied }));
    return;
  }
  const list = st.applied.map((m) => `${m.version} ${m.name}`).join(', ');
  app.out(`${store.kind} store ${where}: schema version ${st.version} (${list})`);
}
