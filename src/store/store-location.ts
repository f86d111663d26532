import type { Config } from '../config.js';
import type { Store } from './port.js';

/** Where the configured store is, without secrets (a PostgreSQL URL may hold a password). */
export function storeLocation(
  config: Pick<Config, 'CHIPBRIEF_DB' | 'CHIPBRIEF_DATABASE_URL'>,
  store: Pick<Store, 'kind'>,
): string {
  if (store.kind === 'sqlite') return config.CHIPBRIEF_DB;
  try {
    const u = new URL(config.CHIPBRIEF_DATABASE_URL ?? '');
    return `postgres://${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'postgres';
  }
}
