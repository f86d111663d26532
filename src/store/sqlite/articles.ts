import type { Article } from '../../articles/article.js';
import type { Mention } from '../../entities/mention.js';
import type { Quote } from '../../quotes/quote.js';
import type { ArticleRepo } from '../port.js';
import { type Row, rowToArticle, rowToMention, rowToQuote } from '../rows.js';
import { storedQuoteId } from '../stored-ids.js';
import type { Db, TxLock } from './database.js';
import { inListStatements } from './in-list.js';

export function sqliteArticles(db: Db, lock: TxLock): ArticleRepo {
  const insertArticle = db.prepare(
    `INSERT OR IGNORE INTO articles (id, url, source_id, title, byline, site_name, published_at, fetched_at, text, content_hash, story_id)
     VALUES (@id, @url, @sourceId, @title, @byline, @siteName, @publishedAt, @fetchedAt, @text, @contentHash, @storyId)`,
  );
  const insertFts = db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
  const insertQuote = db.prepare(
    `INSERT OR IGNORE INTO quotes (id, article_id, start, "end", text, speaker_name, speaker_role, speaker_kind, cue, verified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertQuoteFts = db.prepare('INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?, ?, ?)');
  const insertMention = db.prepare(
    'INSERT OR IGNORE INTO mentions (article_id, kind, canonical, surface, start, count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getOne = db.prepare('SELECT * FROM articles WHERE id = ?');
  const byHash = db.prepare('SELECT * FROM articles WHERE content_hash = ? ORDER BY rowid LIMIT 1');
  const setStory = db.prepare('UPDATE articles SET story_id = ? WHERE id = ?');
  const quotesOf = db.prepare('SELECT * FROM quotes WHERE article_id = ? ORDER BY start');
  // Ties in offset in key order, spelled out so both stores give one order (PostgreSQL too).
  const mentionsOf = db.prepare(
    'SELECT * FROM mentions WHERE article_id = ? ORDER BY start, kind, canonical',
  );
  const mentioning = db.prepare(
    `SELECT a.* FROM mentions m JOIN articles a ON a.id = m.article_id
     WHERE m.kind = ? AND m.canonical = ? COLLATE NOCASE
     ORDER BY COALESCE(a.published_at, a.fetched_at) DESC, a.id LIMIT ?`,
  );
  const idsAfter = db.prepare(
    'SELECT id FROM articles WHERE rowid > COALESCE((SELECT rowid FROM articles WHERE id = ?), 0) ORDER BY rowid LIMIT ?',
  );
  // Prepared once per IN-list length (lists are short: a story's members, a brief's quotes).
  const articlesIn = inListStatements(db, (list) => `SELECT * FROM articles WHERE id IN (${list})`);
  const quotesIn = inListStatements(db, (list) => `SELECT * FROM quotes WHERE id IN (${list})`);

  const put = db.transaction((a: Article, quotes: readonly Quote[], mentions: readonly Mention[]) => {
    const res = insertArticle.run({ ...a });
    if (res.changes === 0) return false;
    insertFts.run(res.lastInsertRowid, a.title, a.text);
    for (const q of quotes) {
      // Promise 1 at the last door: a quote that is not a verbatim span is never stored.
      if (!q.verified || a.text.slice(q.start, q.end) !== q.text) continue;
      const id = storedQuoteId(a.id, q);
      const r = insertQuote.run(
        id,
        a.id,
        q.start,
        q.end,
        q.text,
        q.speaker.name,
        q.speaker.role,
        q.speaker.kind,
        q.cue,
        1,
      );
      if (r.changes)
        insertQuoteFts.run(
          r.lastInsertRowid,
          q.text,
          [q.speaker.name, q.speaker.role].filter(Boolean).join(' '),
        );
    }
    for (const m of mentions) insertMention.run(a.id, m.kind, m.canonical, m.surface, m.start, m.count);
    return true;
  });

  return {
    async putArticle(article, quotes, mentions) {
      await lock.idle();
      return { inserted: put.immediate(article, quotes, mentions) };
    },
    async getArticle(id) {
      const r = getOne.get(id) as Row | undefined;
      return r ? rowToArticle(r) : null;
    },
    async getArticles(ids) {
      if (ids.length === 0) return [];
      const rows = articlesIn(ids.length).all(...ids) as Row[];
      const byId = new Map(rows.map((r) => [r.id as string, rowToArticle(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async findByContentHash(hash) {
      const r = byHash.get(hash) as Row | undefined;
      return r ? rowToArticle(r) : null;
    },
    async setArticleStory(articleId, storyId) {
      await lock.idle();
      setStory.run(storyId, articleId);
    },
    async getQuotes(articleId) {
      return (quotesOf.all(articleId) as Row[]).map(rowToQuote);
    },
    async getQuotesById(ids) {
      if (ids.length === 0) return [];
      const rows = quotesIn(ids.length).all(...ids) as Row[];
      const byId = new Map(rows.map((r) => [r.id as string, rowToQuote(r)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async getMentions(articleId) {
      return (mentionsOf.all(articleId) as Row[]).map(rowToMention);
    },
    async articlesMentioning(kind, canonical, limit) {
      return (mentioning.all(kind, canonical, limit) as Row[]).map(rowToArticle);
    },
    async listArticleIds(options = {}) {
      const rows = idsAfter.all(options.after ?? null, options.limit ?? 1e9) as Row[];
      return rows.map((r) => r.id as string);
    },
  };
}
