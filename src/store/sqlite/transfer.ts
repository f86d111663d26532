import {
  bulletsColumn,
  type StoreTransfer,
  speakerColumn,
  type TableSpec,
  type TransferRow,
} from '../migrations-tables.js';
import type { Db } from './database.js';

const PAGE = 500;
const q = (c: string) => `"${c}"`;

/** Row values as SQLite binds them (booleans as 0/1). */
function toSqlite(table: TableSpec, r: TransferRow): (string | number | null)[] {
  return Object.entries(table.columns).map(([c, type]) => {
    const v = r[c] ?? null;
    if (type === 'bool') return v === null ? null : v ? 1 : 0;
    return v as string | number | null;
  });
}

function fromSqlite(table: TableSpec, r: Record<string, unknown>): TransferRow {
  const out: TransferRow = {};
  for (const [c, type] of Object.entries(table.columns)) {
    const v = (r[c] ?? null) as string | number | null;
    out[c] = type === 'bool' && v !== null ? Boolean(v) : v;
  }
  return out;
}

/** The FTS5 row of a newly loaded row, as the store's own writes add it. */
function ftsIndexer(db: Db, table: string): ((rowid: number | bigint, r: TransferRow) => void) | undefined {
  if (table === 'articles') {
    const st = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
    return (rowid, r) => st.run(rowid, r.title, r.text);
  }
  if (table === 'quotes') {
    const st = db.prepare('INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)');
    return (rowid, r) =>
      st.run(rowid, r.text, speakerColumn(r.speaker_name as string | null, r.speaker_role as string | null));
  }
  if (table === 'briefs') {
    const st = db.prepare('INSERT INTO briefs_fts (rowid, headline, bullets) VALUES (?, ?, ?)');
    return (rowid, r) => st.run(rowid, r.headline, bulletsColumn(String(r.bullets ?? '[]')));
  }
  return undefined;
}

/** Export and import for the SQLite store: its tables row by row, full-text rows kept in step. */
export function sqliteTransfer(db: Db): StoreTransfer {
  return {
    async *rows(table) {
      const order = table.ordered ? 'rowid' : table.key.map(q).join(', ');
      const cols = Object.keys(table.columns).map(q).join(', ');
      let page: TransferRow[] = [];
      for (const r of db.prepare(`SELECT ${cols} FROM ${table.name} ORDER BY ${order}`).iterate()) {
        page.push(fromSqlite(table, r as Record<string, unknown>));
        if (page.length >= PAGE) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    },
    async load(table, rows) {
      const names = Object.keys(table.columns);
      const insert = db.prepare(
        `INSERT OR IGNORE INTO ${table.name} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
      );
      const index = ftsIndexer(db, table.name);
      const run = db.transaction(() => {
        let added = 0;
        for (const r of rows) {
          const res = insert.run(...toSqlite(table, r));
          if (res.changes === 0) continue;
          added++;
          index?.(res.lastInsertRowid, r);
        }
        return added;
      });
      return run.immediate();
    },
    async settle() {
      db.pragma('optimize');
    },
    async snapshot(fn) {
      // A read transaction: in WAL mode every page of the export comes from one snapshot.
      db.exec('BEGIN');
      try {
        return await fn();
      } finally {
        if (db.inTransaction) db.exec('COMMIT');
      }
    },
  };
}
