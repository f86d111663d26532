import type Database from 'better-sqlite3';
import { toFtsMatch } from '../fts-query.js';
import type { SearchRepo } from '../port.js';
import { rowToQuote } from '../rows.js';
import { speakerLookup } from '../speaker-lookup.js';
import type { Db } from './database.js';

type Row = Record<string, unknown>;

/**
 * A bm25-ranked FTS5 search that reads only the rows it returns: the scores of every match are
 * computed once over the FTS table alone, then only the matches scoring at least the limit-th score
 * (ties included) are joined to their table, sorted by (rank, id) and cut. The same rows in the same
 * order as joining every match first, which for a common word read thousands of rows (an article's
 * story id is stored after its text) to keep a few dozen.
 */
function rankedSearch(db: Db, fts: string, weights: string, table: string, select: string) {
  const st: Database.Statement = db.prepare(
    `WITH r AS MATERIALIZED (SELECT rowid, bm25(${fts}, ${weights}) AS rank FROM ${fts} WHERE ${fts} MATCH @match),
     cut AS (SELECT rank FROM r ORDER BY rank LIMIT 1 OFFSET @limit - 1)
     SELECT ${select}, r.rank FROM r JOIN ${table} x ON x.rowid = r.rowid
     WHERE r.rank <= coalesce((SELECT rank FROM cut), r.rank)
     ORDER BY r.rank, x.id LIMIT @limit`,
  );
  return (query: string, limit: number): Row[] => {
    const match = toFtsMatch(query);
    const n = Math.floor(limit);
    if (!match || !(n > 0)) return [];
    return st.all({ match, limit: n }) as Row[];
  };
}

export function sqliteSearch(db: Db): SearchRepo {
  // bm25 weights: a title (headline) hit counts more than a body (bullet) hit, a speaker hit more than
  // a quote's words.
  const articles = rankedSearch(db, 'articles_fts', '4.0, 1.0', 'articles', 'x.id, x.story_id');
  const briefs = rankedSearch(db, 'briefs_fts', '4.0, 1.0', 'briefs', 'x.id, x.story_id');
  const quotes = rankedSearch(db, 'quotes_fts', '1.0, 2.0', 'quotes', 'x.*');
  const bySpeaker = db.prepare(
    `SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id
     WHERE q.speaker_key = ? OR (q.speaker_surname = ? AND q.speaker_key LIKE ? ESCAPE '\\')
     ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, q.id LIMIT ?`,
  );
  return {
    async searchArticles(query, limit) {
      return articles(query, limit).map((r) => ({
        articleId: r.id as string,
        storyId: (r.story_id as string | null) ?? null,
        score: -(r.rank as number),
      }));
    },
    async searchBriefs(query, limit) {
      return briefs(query, limit).map((r) => ({
        briefId: r.id as string,
        storyId: r.story_id as string,
        score: -(r.rank as number),
      }));
    },
    async searchQuotes(query, limit) {
      return quotes(query, limit).map((r) => ({ quote: rowToQuote(r), score: -(r.rank as number) }));
    },
    async quotesBySpeaker(name, limit) {
      const l = speakerLookup(name);
      if (!l) return [];
      return (bySpeaker.all(l.key, l.surname, l.suffix, limit) as Row[]).map(rowToQuote);
    },
  };
}
