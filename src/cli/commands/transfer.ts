import { once } from 'node:events';
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ChipbriefError } from '../../errors.js';
import { migrationStatus } from '../../store/migrations-status.js';
import {
  type StoreTransfer,
  TRANSFER_TABLES,
  type TransferRow,
  transferTable,
} from '../../store/migrations-tables.js';
import type { Store } from '../../store/port.js';
import type { PostgresStore } from '../../store/postgres/postgres-store.js';
import type { Db } from '../../store/sqlite/database.js';
import { sqliteTransfer } from '../../store/sqlite/transfer.js';
import type { AppContext } from '../app-context.js';

/** First line of an export file; `version` is the format's, `schema` the store's migration version. */
export interface ExportHeader {
  format: 'chipbrief-export';
  version: 1;
  schema: number;
  store: Store['kind'];
  exportedAt: string;
}

/** Last line of an export file: rows written per table (a shorter file was cut off). */
interface ExportTrailer {
  end: true;
  rows: Record<string, number>;
}

const BATCH = 500;

/** Table-level access to a store, for export and import. */
export async function storeTransfer(store: Store): Promise<StoreTransfer> {
  if (store.kind === 'postgres') {
    const pg = store as PostgresStore;
    // Loaded on demand, like the PostgreSQL store itself.
    const { postgresTransfer } = await import('../../store/postgres/transfer.js');
    return postgresTransfer(pg.db, pg.tokenizer);
  }
  const db = (store as Store & { db?: Db }).db;
  if (!db) throw new ChipbriefError('STORE_FAILED', 'this SQLite store does not expose its tables');
  return sqliteTransfer(db);
}

/**
 * `chipbrief export > store.jsonl`: every table's rows as JSON lines — a header, `{"table", "row"}`
 * lines in load order, and a trailer with the row counts — from one consistent snapshot.
 */
export async function exportCommand(app: AppContext): Promise<void> {
  const store = await app.store();
  const transfer = await storeTransfer(store);
  const out = app.cli.stdout;
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  await transfer.snapshot(async () => {
    const header: ExportHeader = {
      format: 'chipbrief-export',
      version: 1,
      schema: (await migrationStatus(store)).version,
      store: store.kind,
      exportedAt: new Date().toISOString(),
    };
    await write(header);
    for (const table of TRANSFER_TABLES) {
      counts[table.name] = 0;
      for await (const page of transfer.rows(table)) {
        for (const row of page) await write({ table: table.name, row });
        counts[table.name]! += page.length;
      }
    }
    await write({ end: true, rows: counts });
  });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  app.err(`exported ${total} rows from the ${store.kind} store (${summary(counts)})`);
}

function summary(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
}

function bad(file: string, line: number, why: string): ChipbriefError {
  return new ChipbriefError(
    'INPUT_UNSUPPORTED',
    `${file}:${line}: ${why} — expected a file written by chipbrief export`,
  );
}

/**
 * `chipbrief import <file> [--json]`: loads an export into the configured store, table by table in
 * batches. Rows whose key is already stored are kept as they are, so importing a file twice (or after
 * an interrupted run) changes nothing more. Full-text entries are rebuilt by the receiving store.
 */
export async function importCommand(app: AppContext, file: string, opts: { json?: boolean }): Promise<void> {
  const path = resolve(app.cli.cwd, file);
  if (!existsSync(path)) throw new ChipbriefError('INPUT_NOT_FOUND', `${file}: no such file`);
  const store = await app.store();
  const transfer = await storeTransfer(store);
  const schema = (await migrationStatus(store)).version;
  const read: Record<string, number> = {};
  const added: Record<string, number> = {};
  const pending: { table: string; rows: TransferRow[] } = { table: '', rows: [] };
  const flush = async () => {
    const spec = transferTable(pending.table);
    if (!spec || pending.rows.length === 0) return;
    added[spec.name] = (added[spec.name] ?? 0) + (await transfer.load(spec, pending.rows));
    pending.rows = [];
  };
  let n = 0;
  let header: ExportHeader | null = null;
  let trailer: ExportTrailer | null = null;
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw bad(file, n, 'not JSON');
    }
    if (!header) {
      if (value.format !== 'chipbrief-export' || value.version !== 1) throw bad(file, n, 'no export header');
      header = value as unknown as ExportHeader;
      if (header.schema > schema)
        throw bad(file, n, `made at schema version ${header.schema}, newer than this chipbrief's ${schema}`);
      continue;
    }
    if (trailer) throw bad(file, n, 'data after the end line');
    if (value.end === true) {
      trailer = value as unknown as ExportTrailer;
      continue;
    }
    const table = typeof value.table === 'string' ? transferTable(value.table) : undefined;
    if (!table || typeof value.row !== 'object' || value.row === null)
      throw bad(file, n, 'not a {table, row} line');
    if (pending.table !== table.name) {
      await flush();
      pending.table = table.name;
    }
    pending.rows.push(value.row as TransferRow);
    read[table.name] = (read[table.name] ?? 0) + 1;
    if (pending.rows.length >= BATCH) await flush();
  }
  await flush();
  if (!header) throw bad(file, n, 'empty file');
  await transfer.settle();
  const totalRead = Object.values(read).reduce((a, b) => a + b, 0);
  const totalAdded = Object.values(added).reduce((a, b) => a + b, 0);
  if (!trailer)
    throw bad(file, n, `no end line: the file is cut short (the ${totalRead} rows read were imported)`);
  for (const [t, count] of Object.entries(trailer.rows))
    if ((read[t] ?? 0) !== count)
      throw bad(file, n, `${t}: ${read[t] ?? 0} rows read, the end line says ${count}`);
  if (opts.json) {
    app.out(
      JSON.stringify({ store: store.kind, rows: totalRead, added: totalAdded, tables: { read, added } }),
    );
    return;
  }
  const per = Object.keys(read).map((t) => `${t} ${added[t] ?? 0}/${read[t]}`);
  app.out(`imported ${totalRead} rows into the ${store.kind} store, ${totalAdded} new (${per.join(', ')})`);
}
