import type { Fts5Tokenizer } from './fts5-tokenizer.js';

/** The full-text tables, each mirroring one FTS5 table of the SQLite store (same columns, same order). */
export type FtsTable = 'articles' | 'quotes' | 'briefs';

/** Column arrays of the postings of some documents (for unnest()), and each document's size. */
export function postings(tokenizer: Fts5Tokenizer, docs: readonly { key: string; c0: string; c1: string }[]) {
  const p = {
    key: [] as string[],
    term: [] as string[],
    f0: [] as number[],
    f1: [] as number[],
    tokens: [] as number[],
  };
  const sizes: number[] = [];
  for (const d of docs) {
    const t = tokenizer.document(d.c0, d.c1);
    sizes.push(t.tokens);
    for (const [term, [h0, h1]] of t.terms) {
      p.key.push(d.key);
      p.term.push(term);
      p.f0.push(h0);
      p.f1.push(h1);
      p.tokens.push(t.tokens);
    }
  }
  return { sizes, p };
}

/** Rows of the running totals per index: writers of different documents mostly update different rows. */
export const TOTAL_SLOTS = 16;

/**
 * A data-modifying statement (for a WITH clause) adding the documents that `source` selects (columns
 * doc, tokens) to the running totals of `table`: the N and total size bm25 reads, kept as FTS5 keeps
 * them instead of counted at every search. Slots are locked in order, so writers cannot deadlock here.
 */
export function addToTotals(table: FtsTable, source: string): string {
  return `INSERT INTO fts_totals (tbl, slot, docs, tokens)
    SELECT '${table}', (s.doc % ${TOTAL_SLOTS})::smallint, count(*), sum(s.tokens) FROM (${source}) AS s
    GROUP BY 2 ORDER BY 2
    ON CONFLICT (tbl, slot) DO UPDATE
    SET docs = fts_totals.docs + excluded.docs, tokens = fts_totals.tokens + excluded.tokens`;
}
