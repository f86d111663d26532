import { bulletsColumn } from '../migrations-tables.js';
import type { SearchRepo } from '../port.js';
import { rowToQuote } from '../rows.js';
import { speakerLookup } from '../speaker-lookup.js';
import { pgText, quoteSpeaker } from './articles.js';
import { bm25Search, type FtsSearch } from './fts-search.js';
import type { Fts5Tokenizer } from './fts5-tokenizer.js';
import type { PgDb } from './pg-database.js';

/** Full-text search ranked exactly as the SQLite store ranks it (see fts-search.ts), and speaker lookup. */
export function pgSearch(db: PgDb, tokenizer: Fts5Tokenizer): SearchRepo {
  const articles: FtsSearch = {
    table: 'articles',
    // bm25 weights: a title hit counts more than a body hit (as bm25(articles_fts, 4.0, 1.0)).
    weights: [4.0, 1.0],
    select: 'a.id, a.story_id, d.score',
    join: 'JOIN articles a ON a.id = d.key',
    async columns(docs) {
      const rows = await db.query<{ doc: number; title: string; text: string }>(
        'SELECT a.seq AS doc, a.title, a.text FROM articles a WHERE a.seq = ANY($1::int[])',
        [[...docs]],
      );
      return new Map(rows.map((r) => [r.doc, [r.title, r.text]]));
    },
  };
  const briefs: FtsSearch = {
    table: 'briefs',
    // As bm25(briefs_fts, 4.0, 1.0): the headline over the bullets.
    weights: [4.0, 1.0],
    select: 'b.id, b.story_id, d.score',
    join: 'JOIN briefs b ON b.id = d.key',
    async columns(docs) {
      const rows = await db.query<{ doc: number; headline: string; bullets: string }>(
        'SELECT b.seq AS doc, b.headline, b.bullets FROM briefs b WHERE b.seq = ANY($1::int[])',
        [[...docs]],
      );
      return new Map(rows.map((r) => [r.doc, [r.headline, pgText(bulletsColumn(r.bullets))]]));
    },
  };
  const quotes: FtsSearch = {
    table: 'quotes',
    weights: [1.0, 2.0],
    select: 'q.*, d.score',
    join: 'JOIN quotes q ON q.id = d.key',
    async columns(docs) {
      const rows = await db.query('SELECT * FROM quotes q WHERE q.seq = ANY($1::int[])', [[...docs]]);
      return new Map(
        rows.map((r) => {
          const q = rowToQuote(r);
          return [r.seq as number, [q.text, quoteSpeaker(q)]];
        }),
      );
    },
  };
  return {
    async searchArticles(query, limit) {
      const rows = await bm25Search(db, tokenizer, articles, query, limit);
      return rows.map((r) => ({
        articleId: r.id as string,
        storyId: (r.story_id as string | null) ?? null,
        score: r.score as number,
      }));
    },
    async searchBriefs(query, limit) {
      const rows = await bm25Search(db, tokenizer, briefs, query, limit);
      return rows.map((r) => ({
        briefId: r.id as string,
        storyId: r.story_id as string,
        score: r.score as number,
      }));
    },
    async searchQuotes(query, limit) {
      const rows = await bm25Search(db, tokenizer, quotes, query, limit);
      return rows.map((r) => ({ quote: rowToQuote(r), score: r.score as number }));
    },
    async quotesBySpeaker(name, limit) {
      const l = speakerLookup(name);
      if (!l) return [];
      // Generated, indexed key and surname columns (migration 2; see speaker-lookup.ts).
      const rows = await db.query(
        `SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id
         WHERE q.speaker_key = $1 OR (q.speaker_surname = $2 AND q.speaker_key LIKE $3 ESCAPE '\\')
         ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, q.id LIMIT $4`,
        [l.key, l.surname, l.suffix, limit],
      );
      return rows.map(rowToQuote);
    },
  };
}
