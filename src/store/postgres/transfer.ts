import type { StoreTransfer, TransferRow } from '../migrations-tables.js';
import type { Fts5Tokenizer } from './fts5-tokenizer.js';
import { insertRows } from './insert-rows.js';
import type { PgDb } from './pg-database.js';

const PAGE = 500;
const q = (c: string) => `"${c}"`;

/** Export and import for the PostgreSQL store: cursors over one snapshot, batched inserts with their index. */
export function postgresTransfer(db: PgDb, tokenizer: Fts5Tokenizer): StoreTransfer {
  return {
    async *rows(table) {
      const cursor = `cb_export_${table.name}`;
      const order = table.ordered ? 'seq' : table.key.map(q).join(', ');
      const cols = Object.keys(table.columns).map(q).join(', ');
      await db.query(
        `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${cols} FROM ${table.name} ORDER BY ${order}`,
      );
      try {
        for (;;) {
          const page = await db.query(`FETCH ${PAGE} FROM ${cursor}`);
          if (page.length === 0) break;
          yield page as TransferRow[];
        }
      } finally {
        await db.query(`CLOSE ${cursor}`);
      }
    },
    load: (table, rows) => insertRows(db, tokenizer, table, rows),
    snapshot: (fn) => db.snapshot(fn),
    async settle() {
      // Sets the visibility map (index-only scans of the postings) and the planner statistics now,
      // rather than when autovacuum gets to the freshly loaded tables.
      await db.query('VACUUM (ANALYZE)');
    },
  };
}
