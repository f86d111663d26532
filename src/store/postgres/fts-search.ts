import { queryTerms } from '../fts-query.js';
import type { FtsTable } from './fts-index.js';
import type { Fts5Tokenizer } from './fts5-tokenizer.js';
import type { PgDb, Row } from './pg-database.js';

/** A ranked full-text search over one table, the way the SQLite store asks FTS5 for it. */
export interface FtsSearch {
  table: FtsTable;
  /** bm25() column weights, e.g. [4.0, 1.0] for articles (title, text). */
  weights: readonly [number, number];
  /** Columns of the result: `d.key` is the document's id, `d.score` its score. */
  select: string;
  /** Join from `d` (the ranked documents) to the row the result is made of. */
  join: string;
  /** The two columns of the given documents as they were indexed (for phrases of several tokens). */
  columns: (docs: readonly number[]) => Promise<Map<number, [string, string]>>;
}

/** Hits of one multi-token phrase, counted outside SQL. */
interface PhraseHits {
  i: number;
  df: number;
  hits: { doc: number; f0: number; f1: number; tokens: number }[];
}

/**
 * FTS5's bm25() over the PostgreSQL postings, operation for operation (sqlite3 ext/fts5/fts5_aux.c):
 *
 *   idf(p)   = ln((N - n(p) + 0.5) / (n(p) + 0.5)), or 1e-6 when that is <= 0
 *   f(p, D)  = sum over p's hits in D of the hit's column weight
 *   score(D) = sum over phrases p, in query order, of
 *              idf(p) * (f * (k1 + 1)) / (f + k1 * (1 - b + b * |D| / avgdl)),  k1 = 1.2, b = 0.75
 *
 * with N and avgdl over the whole index. Every step is the same IEEE double operation in the same order,
 * and the terms are FTS5's own (fts5-tokenizer.ts), so scores are bit-identical to the SQLite store's
 * and ties break by id in byte order as there. (PostgreSQL's ln and FTS5's log are the C library's
 * log(): the same function when server and SQLite share a machine, as in the tests; another libm may
 * differ in the last bit of a logarithm.) The query is the one `toFtsMatch` gives FTS5: each topic word
 * a phrase, phrases OR'd.
 */
export async function bm25Search(
  db: PgDb,
  tokenizer: Fts5Tokenizer,
  spec: FtsSearch,
  query: string,
  limit: number,
): Promise<Row[]> {
  const limitN = Math.floor(limit);
  if (!(limitN > 0)) return [];
  const phrases = queryTerms(query).map((t, k) => ({ i: k + 1, tokens: tokenizer.sequence(t) }));
  // A phrase with no tokens matches nothing and adds 0 to every score (as in FTS5).
  const single = phrases.filter((p) => p.tokens.length === 1);
  const multi = phrases.filter((p) => p.tokens.length > 1);
  if (single.length === 0 && multi.length === 0) return [];
  const external: PhraseHits[] = [];
  for (const p of multi) external.push(await phraseHits(db, tokenizer, spec, p.i, p.tokens));

  const t = spec.table;
  const [w0, w1] = spec.weights.map(float);
  const used = [...single, ...multi].map((p) => p.i).sort((a, b) => a - b);
  // idf(p) * ratio(p, D), summed in phrase order; a phrase a document lacks adds 0. The idf is applied
  // after grouping (the same product of the same two doubles): no join of every posting with idf.
  const sum = [
    '0::float8',
    ...used.map(
      (i) => `coalesce((SELECT w FROM idf WHERE i = ${i}) * max(r) FILTER (WHERE i = ${i}), 0::float8)`,
    ),
  ];
  const hits = external.flatMap((e) => e.hits.map((h) => ({ i: e.i, ...h })));
  return db.query(
    `WITH tot AS MATERIALIZED (
       SELECT coalesce(sum(docs), 0)::bigint AS n, coalesce(sum(tokens), 0)::bigint AS tok FROM fts_totals
       WHERE tbl = '${t}'),
     single AS MATERIALIZED (SELECT * FROM unnest($1::int[], $2::text[]) AS p(i, term)),
     df AS MATERIALIZED (
       SELECT s.i, (SELECT count(*) FROM ${t}_fts_terms x WHERE x.term = s.term) AS hits FROM single s
       UNION ALL SELECT * FROM unnest($3::int[], $4::bigint[]) AS e(i, hits)),
     idf AS MATERIALIZED (
       SELECT df.i, CASE WHEN v.x <= 0::float8 THEN 1e-6::float8 ELSE v.x END AS w
       FROM df CROSS JOIN tot
       CROSS JOIN LATERAL (SELECT ln(((tot.n - df.hits)::float8 + 0.5::float8) / (df.hits::float8 + 0.5::float8)) AS x) v),
     hit AS (
       SELECT s.i, x.doc, x.f0, x.f1, x.tokens FROM single s JOIN ${t}_fts_terms x ON x.term = s.term
       UNION ALL SELECT * FROM unnest($5::int[], $6::int[], $7::int[], $8::int[], $9::int[]) AS e(i, doc, f0, f1, tokens)),
     part AS (
       SELECT hit.doc, hit.i,
         (f.f * (1.2::float8 + 1.0::float8))
           / (f.f + 1.2::float8 * (1.0::float8 - 0.75::float8 + 0.75::float8 * hit.tokens::float8 / (tot.tok::float8 / tot.n::float8))) AS r
       FROM hit CROSS JOIN tot
       CROSS JOIN LATERAL (SELECT hit.f0::float8 * ${w0} + hit.f1::float8 * ${w1} AS f) f),
     scored AS MATERIALIZED (SELECT doc, ${sum.join(' + ')} AS score FROM part GROUP BY doc),
     cut AS (SELECT score FROM scored ORDER BY score DESC OFFSET $10 LIMIT 1),
     d AS MATERIALIZED (
       SELECT k.key, s.score FROM scored s JOIN ${t}_fts k ON k.doc = s.doc
       WHERE s.score >= coalesce((SELECT score FROM cut), '-Infinity'::float8)
       ORDER BY s.score DESC, k.key LIMIT $11)
     SELECT ${spec.select} FROM d ${spec.join} ORDER BY d.score DESC, d.key`,
    [
      single.map((p) => p.i),
      single.map((p) => p.tokens[0]),
      external.map((e) => e.i),
      external.map((e) => e.df),
      hits.map((h) => h.i),
      hits.map((h) => h.doc),
      hits.map((h) => h.f0),
      hits.map((h) => h.f1),
      hits.map((h) => h.tokens),
      limitN - 1,
      limitN,
    ],
  );
}

/** A float8 literal that parses back to exactly `n`. */
function float(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`bm25 weight must be finite: ${n}`);
  return `${n.toString()}::float8`;
}

/**
 * A phrase of several tokens (a query word FTS5 cuts in two, which only a few rare code points do):
 * FTS5 counts the places where the tokens follow each other in one column. The documents holding every
 * token are re-tokenised here, by the same tokenizer, and their hits counted.
 */
async function phraseHits(
  db: PgDb,
  tokenizer: Fts5Tokenizer,
  spec: FtsSearch,
  i: number,
  tokens: string[],
): Promise<PhraseHits> {
  const distinct = [...new Set(tokens)];
  const cands = await db.query<{ doc: number; tokens: number }>(
    `SELECT doc, min(tokens) AS tokens FROM ${spec.table}_fts_terms WHERE term = ANY($1::text[])
     GROUP BY doc HAVING count(*) = $2`,
    [distinct, distinct.length],
  );
  const texts = await spec.columns(cands.map((c) => c.doc));
  const out: PhraseHits = { i, df: 0, hits: [] };
  for (const c of cands) {
    const cols = texts.get(c.doc);
    if (!cols) continue;
    const [s0, s1] = tokenizer.columns(cols[0], cols[1]);
    const f0 = occurrences(s0, tokens);
    const f1 = occurrences(s1, tokens);
    if (f0 + f1 === 0) continue;
    out.df++;
    out.hits.push({ doc: c.doc, f0, f1, tokens: c.tokens });
  }
  return out;
}

function occurrences(seq: readonly string[], phrase: readonly string[]): number {
  let n = 0;
  for (let p = 0; p + phrase.length <= seq.length; p++) {
    let k = 0;
    while (k < phrase.length && seq[p + k] === phrase[k]) k++;
    if (k === phrase.length) n++;
  }
  return n;
}
