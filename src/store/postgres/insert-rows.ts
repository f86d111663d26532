import {
  bulletsColumn,
  type ColumnType,
  speakerColumn,
  type TableSpec,
  type TransferRow,
} from '../migrations-tables.js';
import { pgText } from './articles.js';
import { addToTotals, type FtsTable, postings } from './fts-index.js';
import type { Fts5Tokenizer } from './fts5-tokenizer.js';
import type { PgDb } from './pg-database.js';

const q = (c: string) => `"${c}"`;
const ARRAY: Record<ColumnType, string> = { text: 'text[]', int: 'bigint[]', bool: 'boolean[]' };

/** The two FTS5 columns of a row of an indexed table (what the store's own writes index). */
const FTS_COLUMNS: Partial<Record<string, (r: TransferRow) => [string, string]>> = {
  articles: (r) => [String(r.title ?? ''), String(r.text ?? '')],
  quotes: (r) => [
    String(r.text ?? ''),
    speakerColumn(r.speaker_name as string | null, r.speaker_role as string | null),
  ],
  briefs: (r) => [String(r.headline ?? ''), bulletsColumn(String(r.bullets ?? '[]'))],
};

function cell(type: ColumnType, v: TransferRow[string] | undefined): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  return type === 'text' ? pgText(String(v)) : v;
}

/**
 * Inserts rows of one table in one statement, skipping those whose key (or any unique rule, such as
 * the briefs cache key) is taken, with the full-text entries of the new ones when the table is
 * indexed. Returns how many rows were new.
 */
export async function insertRows(
  db: PgDb,
  tokenizer: Fts5Tokenizer,
  table: TableSpec,
  rows: readonly TransferRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const seen = new Set<string>();
  // One row per key in a batch (the first wins, as row-by-row inserts would have it).
  const batch = rows.filter((r) => {
    const k = JSON.stringify(table.key.map((c) => r[c] ?? null));
    return !seen.has(k) && seen.add(k);
  });
  const names = Object.keys(table.columns);
  const values = Object.entries(table.columns).map(([c, type]) => batch.map((r) => cell(type, r[c])));
  const unnest = names.map((c, i) => `$${i + 1}::${ARRAY[table.columns[c]!]}`).join(', ');
  const insert = `INSERT INTO ${table.name} (${names.map(q).join(', ')}) SELECT * FROM unnest(${unnest})
    ON CONFLICT DO NOTHING`;
  const fts = FTS_COLUMNS[table.name];
  if (!fts) {
    const res = await db.query(`WITH r AS (${insert} RETURNING 1) SELECT count(*)::int AS n FROM r`, values);
    return Number(res[0]?.n ?? 0);
  }
  const name = table.name as FtsTable;
  const docs = postings(
    tokenizer,
    batch.map((r) => {
      const [c0, c1] = fts(r);
      return { key: String(r.id), c0: pgText(c0), c1: pgText(c1) };
    }),
  );
  const n = names.length;
  // One statement: the rows and their index entries are stored together or not at all.
  const res = await db.query(
    `WITH r AS (${insert} RETURNING seq, id),
     f AS (INSERT INTO ${name}_fts (doc, key, tokens)
       SELECT r.seq, r.id, s.tokens FROM r JOIN unnest($${n + 1}::text[], $${n + 2}::int[]) AS s(id, tokens) ON s.id = r.id
       RETURNING doc, tokens),
     t AS (${addToTotals(name, 'SELECT doc, tokens FROM f')}),
     p AS (INSERT INTO ${name}_fts_terms (term, doc, f0, f1, tokens)
       SELECT x.term, r.seq, x.f0, x.f1, x.tokens FROM r
       JOIN unnest($${n + 3}::text[], $${n + 4}::text[], $${n + 5}::int[], $${n + 6}::int[], $${n + 7}::int[])
         AS x(id, term, f0, f1, tokens) ON x.id = r.id)
     SELECT count(*)::int AS n FROM r`,
    [
      ...values,
      batch.map((r) => String(r.id)),
      docs.sizes,
      docs.p.key,
      docs.p.term,
      docs.p.f0,
      docs.p.f1,
      docs.p.tokens,
    ],
  );
  return Number(res[0]?.n ?? 0);
}
