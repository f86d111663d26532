import type { Article } from '../../articles/article.js';
import type { Mention } from '../../entities/mention.js';
import type { Quote } from '../../quotes/quote.js';
import { speakerColumn } from '../migrations-tables.js';
import type { ArticleRepo } from '../port.js';
import { rowToArticle, rowToMention, rowToQuote } from '../rows.js';
import { storedQuoteId } from '../stored-ids.js';
import { addToTotals, postings } from './fts-index.js';
import type { Fts5Tokenizer } from './fts5-tokenizer.js';
import type { PgDb } from './pg-database.js';

/**
 * PostgreSQL text cannot hold U+0000; it becomes U+FFFD, which keeps every offset (quotes are spans of
 * the text) and is a separator to the tokenizer, as U+0000 is.
 */
export function pgText<T extends string | null>(s: T): T {
  return (s === null || !s.includes('\u0000') ? s : s.replace(/\u0000/g, '\uFFFD')) as T;
}

/** The text FTS5 indexes as a quote's "speaker" column. */
export function quoteSpeaker(q: Pick<Quote, 'speaker'>): string {
  return speakerColumn(q.speaker.name, q.speaker.role);
}

/** A quote row as stored (id derived from article and offset); verified is always true once stored. */
export type QuoteRow = Omit<Quote, 'id' | 'verified'> & { id: string; articleId: string };

/**
 * One statement stores an article, its full-text entry, its quotes with theirs, and its mentions:
 * atomic on its own, one round trip, and nothing at all when the id is already stored (every insert
 * hangs off the article's RETURNING). Returns whether the article was new.
 */
export async function insertArticle(
  db: PgDb,
  tokenizer: Fts5Tokenizer,
  a: Article,
  quoteRows: readonly QuoteRow[],
  mentions: readonly Mention[],
): Promise<boolean> {
  const seen = new Set<string>();
  const qs = quoteRows.filter((q) => !seen.has(q.id) && seen.add(q.id));
  const title = pgText(a.title);
  const text = pgText(a.text);
  const art = postings(tokenizer, [{ key: a.id, c0: title, c1: text }]);
  const quo = postings(
    tokenizer,
    qs.map((q) => ({ key: q.id, c0: pgText(q.text), c1: pgText(quoteSpeaker(q)) })),
  );
  const rows = await db.query<{ seq: number }>(
    `WITH a AS (
       INSERT INTO articles (id, url, source_id, title, byline, site_name, published_at, fetched_at, text, content_hash, story_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING seq),
     af AS (INSERT INTO articles_fts (doc, key, tokens) SELECT a.seq, $1, $12 FROM a RETURNING doc, tokens),
     an AS (${addToTotals('articles', 'SELECT doc, tokens FROM af')}),
     at AS (INSERT INTO articles_fts_terms (term, doc, f0, f1, tokens)
       SELECT t.term, a.seq, t.f0, t.f1, $12 FROM a, unnest($13::text[], $14::int[], $15::int[]) AS t(term, f0, f1)),
     q AS (INSERT INTO quotes (id, article_id, start, "end", text, speaker_name, speaker_role, speaker_kind, cue, verified)
       SELECT x.*, TRUE FROM a, unnest($16::text[], $17::text[], $18::int[], $19::int[], $20::text[], $21::text[],
         $22::text[], $23::text[], $24::text[]) AS x
       ON CONFLICT DO NOTHING RETURNING seq, id),
     qf AS (INSERT INTO quotes_fts (doc, key, tokens)
       SELECT q.seq, q.id, s.tokens FROM q JOIN unnest($16::text[], $25::int[]) AS s(id, tokens) ON s.id = q.id
       RETURNING doc, tokens),
     qn AS (${addToTotals('quotes', 'SELECT doc, tokens FROM qf')}),
     qt AS (INSERT INTO quotes_fts_terms (term, doc, f0, f1, tokens)
       SELECT t.term, q.seq, t.f0, t.f1, t.tokens FROM q
       JOIN unnest($26::text[], $27::text[], $28::int[], $29::int[], $30::int[]) AS t(id, term, f0, f1, tokens) ON t.id = q.id),
     m AS (INSERT INTO mentions (article_id, kind, canonical, surface, start, count)
       SELECT $1, x.* FROM a, unnest($31::text[], $32::text[], $33::text[], $34::int[], $35::int[]) AS x
       ON CONFLICT DO NOTHING)
     SELECT seq FROM a`,
    [
      a.id,
      pgText(a.url),
      a.sourceId,
      title,
      pgText(a.byline),
      pgText(a.siteName),
      a.publishedAt,
      a.fetchedAt,
      text,
      a.contentHash,
      a.storyId,
      art.sizes[0],
      art.p.term,
      art.p.f0,
      art.p.f1,
      qs.map((q) => q.id),
      qs.map((q) => q.articleId),
      qs.map((q) => q.start),
      qs.map((q) => q.end),
      qs.map((q) => pgText(q.text)),
      qs.map((q) => pgText(q.speaker.name)),
      qs.map((q) => pgText(q.speaker.role)),
      qs.map((q) => q.speaker.kind),
      qs.map((q) => pgText(q.cue)),
      quo.sizes,
      quo.p.key,
      quo.p.term,
      quo.p.f0,
      quo.p.f1,
      quo.p.tokens,
      mentions.map((m) => m.kind),
      mentions.map((m) => pgText(m.canonical)),
      mentions.map((m) => pgText(m.surface)),
      mentions.map((m) => m.start),
      mentions.map((m) => m.count),
    ],
  );
  return rows.length > 0;
}

export function pgArticles(db: PgDb, tokenizer: Fts5Tokenizer): ArticleRepo {
  return {
    async putArticle(article, quotes, mentions) {
      // Promise 1 at the last door: a quote that is not a verbatim span is never stored.
      const verbatim = quotes.filter((q) => q.verified && article.text.slice(q.start, q.end) === q.text);
      const rows = verbatim.map((q) => ({ ...q, id: storedQuoteId(article.id, q), articleId: article.id }));
      return { inserted: await insertArticle(db, tokenizer, article, rows, mentions) };
    },
    async getArticle(id) {
      const [r] = await db.query('SELECT * FROM articles WHERE id = $1', [id]);
      return r ? rowToArticle(r) : null;
    },
    async getArticles(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query('SELECT * FROM articles WHERE id = ANY($1::text[])', [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id as string, rowToArticle(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async findByContentHash(hash) {
      const [r] = await db.query('SELECT * FROM articles WHERE content_hash = $1 ORDER BY seq LIMIT 1', [
        hash,
      ]);
      return r ? rowToArticle(r) : null;
    },
    async setArticleStory(articleId, storyId) {
      await db.query('UPDATE articles SET story_id = $1 WHERE id = $2', [storyId, articleId]);
    },
    async getQuotes(articleId) {
      const rows = await db.query('SELECT * FROM quotes WHERE article_id = $1 ORDER BY start', [articleId]);
      return rows.map(rowToQuote);
    },
    async getQuotesById(ids) {
      if (ids.length === 0) return [];
      const rows = await db.query('SELECT * FROM quotes WHERE id = ANY($1::text[])', [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id as string, rowToQuote(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async getMentions(articleId) {
      // Ties in offset come out in key order, as SQLite returns them (it reads them through the key).
      const rows = await db.query(
        'SELECT * FROM mentions WHERE article_id = $1 ORDER BY start, kind, canonical',
        [articleId],
      );
      return rows.map(rowToMention);
    },
    async articlesMentioning(kind, canonical, limit) {
      const rows = await db.query(
        `SELECT a.* FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.kind = $1 AND chipbrief_ascii_lower(m.canonical) = chipbrief_ascii_lower($2)
         ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, a.id LIMIT $3`,
        [kind, canonical, limit],
      );
      return rows.map(rowToArticle);
    },
    async listArticleIds(options = {}) {
      const rows = await db.query(
        `SELECT id FROM articles WHERE seq > COALESCE((SELECT seq FROM articles WHERE id = $1), 0)
         ORDER BY seq LIMIT $2`,
        [options.after ?? null, options.limit ?? null],
      );
      return rows.map((r) => r.id as string);
    },
  };
}
