import type { StoryRepo } from '../port.js';
import { type Row, rowToArticle, rowToStory } from '../rows.js';
import type { Db, TxLock } from './database.js';
import { inListStatements } from './in-list.js';

/** SQLite caps bound parameters; chunk IN lists well under it. */
const CHUNK = 500;

export function sqliteStories(db: Db, lock: TxLock): StoryRepo {
  const insertKey = db.prepare('INSERT OR IGNORE INTO story_keys (key, article_id) VALUES (?, ?)');
  // The key lookup groups and orders in SQLite; the LIMIT is bound last.
  const findStmt = inListStatements(
    db,
    (list) => `SELECT article_id, COUNT(*) AS shared FROM story_keys WHERE key IN (${list})
       GROUP BY article_id ORDER BY shared DESC, article_id LIMIT ?`,
  );
  const sketchStmt = inListStatements(
    db,
    (list) => `SELECT article_id, sketch FROM sketches WHERE article_id IN (${list})`,
  );
  const insertStory = db.prepare(
    'INSERT OR IGNORE INTO stories (id, canonical_article_id, first_seen, last_seen) VALUES (?, ?, ?, ?)',
  );
  const setCanonical = db.prepare('UPDATE stories SET canonical_article_id = ? WHERE id = ?');
  const setLastSeen = db.prepare('UPDATE stories SET last_seen = MAX(last_seen, ?) WHERE id = ?');
  const getOne = db.prepare('SELECT * FROM stories WHERE id = ?');
  const members = db.prepare(
    `SELECT a.* FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.story_id = ?
     ORDER BY (a.id = s.canonical_article_id) DESC, a.published_at IS NULL, a.published_at, a.fetched_at, a.id`,
  );
  const firstSeenIn = db.prepare(
    'SELECT * FROM stories WHERE first_seen >= ? AND first_seen < ? ORDER BY first_seen, id',
  );
  const insertSketch = db.prepare('INSERT OR REPLACE INTO sketches (article_id, sketch) VALUES (?, ?)');
  const memberCount = db.prepare('SELECT COUNT(*) AS n FROM articles WHERE story_id = ?');
  const deleteStory = db.prepare('DELETE FROM stories WHERE id = ?');
  const addKeys = db.transaction((articleId: string, keys: readonly string[]) => {
    for (const k of keys) insertKey.run(k, articleId);
  });
  return {
    async putStory(s) {
      await lock.idle();
      insertStory.run(s.id, s.canonicalArticleId, s.firstSeen, s.lastSeen);
    },
    async updateStory(id, patch) {
      await lock.idle();
      if (patch.canonicalArticleId !== undefined) setCanonical.run(patch.canonicalArticleId, id);
      if (patch.lastSeen !== undefined) setLastSeen.run(patch.lastSeen, id);
    },
    async getStory(id) {
      const r = getOne.get(id) as Row | undefined;
      return r ? rowToStory(r) : null;
    },
    async storyMembers(storyId) {
      const rows = members.all(storyId) as Row[];
      return rows.map(rowToArticle);
    },
    async storiesFirstSeen(from, to) {
      const rows = firstSeenIn.all(from, to) as Row[];
      return rows.map(rowToStory);
    },
    async addIndexKeys(articleId, keys) {
      await lock.idle();
      addKeys.immediate(articleId, keys);
    },
    async findByIndexKeys(keys, limit) {
      const unique = [...new Set(keys)];
      if (unique.length <= CHUNK) {
        // The common case (an article has ~50 keys): one statement, grouped and ordered by SQLite.
        return (findStmt(unique.length).all(...unique, limit) as Row[]).map((r) => ({
          articleId: r.article_id as string,
          shared: r.shared as number,
        }));
      }
      const counts = new Map<string, number>();
      for (let i = 0; i < unique.length; i += CHUNK) {
        const part = unique.slice(i, i + CHUNK);
        for (const r of findStmt(part.length).all(...part, 1e9) as Row[]) {
          const id = r.article_id as string;
          counts.set(id, (counts.get(id) ?? 0) + (r.shared as number));
        }
      }
      return [...counts.entries()]
        .map(([articleId, shared]) => ({ articleId, shared }))
        .sort((a, b) => b.shared - a.shared || (a.articleId < b.articleId ? -1 : 1))
        .slice(0, limit);
    },
    async putSketch(articleId, sketch) {
      await lock.idle();
      insertSketch.run(articleId, sketch);
    },
    async getSketches(ids) {
      const out = new Map<string, string>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        for (const r of sketchStmt(part.length).all(...part) as Row[])
          out.set(r.article_id as string, r.sketch as string);
      }
      return out;
    },
    async removeStory(id) {
      await lock.idle();
      const left = memberCount.get(id) as { n: number };
      if (left.n > 0) return false;
      return deleteStory.run(id).changes > 0;
    },
  };
}
