import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInput } from '../../src/ingest/ingest-input.js';
import type { Fetcher } from '../../src/ports.js';
import { TRANSFER_TABLES, type TransferRow } from '../../src/store/migrations-tables.js';
import type { Store } from '../../src/store/port.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { postgresTransfer } from '../../src/store/postgres/transfer.js';
import type { Db } from '../../src/store/sqlite/database.js';
import { sqliteTransfer } from '../../src/store/sqlite/transfer.js';

export const EXAMPLES_DIR = join(import.meta.dirname, '../../examples');

/** The sample articles of examples/ (the .txt and .html files), in name order. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => join(EXAMPLES_DIR, f));
}

const noFetch: Fetcher = {
  fetch: async () => {
    throw new Error('local files only');
  },
};

/** Ingests files through the real pipeline (extraction, quotes, entities, stories) as at `now`. */
export async function ingestFiles(store: Store, files: readonly string[], now: Date): Promise<void> {
  for (const f of files) await ingestInput(f, { store, fetcher: noFetch, clock: { now: () => now } });
}

/** A new SQLite file path in a temp folder. */
export function tempSqlitePath(label = 'pg-parity'): string {
  return join(mkdtempSync(join(tmpdir(), `cb-${label}-`)), 'store.db');
}

/** Every table's rows as export writes them (insertion order, else key order): table -> rows. */
export async function tableRows(store: Store): Promise<Record<string, TransferRow[]>> {
  const transfer =
    store.kind === 'postgres'
      ? postgresTransfer((store as PostgresStore).db, (store as PostgresStore).tokenizer)
      : sqliteTransfer((store as Store & { db: Db }).db);
  const out: Record<string, TransferRow[]> = {};
  await transfer.snapshot(async () => {
    for (const t of TRANSFER_TABLES) {
      out[t.name] = [];
      for await (const page of transfer.rows(t)) out[t.name]!.push(...page);
    }
  });
  return out;
}
