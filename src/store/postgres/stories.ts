import type { StoryRepo } from '../port.js';
import { rowToArticle, rowToStory } from '../rows.js';
import type { PgDb } from './pg-database.js';

/** Stories and the near-duplicate index keys (LSH bands, quote keys), keyed so a repeat is a no-op. */
export function pgStories(db: PgDb): StoryRepo {
  return {
    async putStory(s) {
      await db.query(
        `INSERT INTO stories (id, canonical_article_id, first_seen, last_seen) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [s.id, s.canonicalArticleId, s.firstSeen, s.lastSeen],
      );
    },
    async updateStory(id, patch) {
      if (patch.canonicalArticleId !== undefined)
        await db.query('UPDATE stories SET canonical_article_id = $1 WHERE id = $2', [
          patch.canonicalArticleId,
          id,
        ]);
      if (patch.lastSeen !== undefined)
        await db.query('UPDATE stories SET last_seen = GREATEST(last_seen, $1) WHERE id = $2', [
          patch.lastSeen,
          id,
        ]);
    },
    async getStory(id) {
      const [r] = await db.query('SELECT * FROM stories WHERE id = $1', [id]);
      return r ? rowToStory(r) : null;
    },
    async storyMembers(storyId) {
      const rows = await db.query(
        `SELECT a.* FROM articles a LEFT JOIN stories s ON s.id = a.story_id WHERE a.story_id = $1
         ORDER BY (a.id = s.canonical_article_id) DESC NULLS LAST, a.published_at IS NULL, a.published_at,
           a.fetched_at, a.id`,
        [storyId],
      );
      return rows.map(rowToArticle);
    },
    async storiesFirstSeen(from, to) {
      const rows = await db.query(
        'SELECT * FROM stories WHERE first_seen >= $1 AND first_seen < $2 ORDER BY first_seen, id',
        [from, to],
      );
      return rows.map(rowToStory);
    },
    async addIndexKeys(articleId, keys) {
      if (keys.length === 0) return;
      await db.query(
        `INSERT INTO story_keys (key, article_id) SELECT DISTINCT k, $2 FROM unnest($1::text[]) AS k
         ON CONFLICT DO NOTHING`,
        [[...keys], articleId],
      );
    },
    async findByIndexKeys(keys, limit) {
      const unique = [...new Set(keys)];
      if (unique.length === 0) return [];
      const rows = await db.query<{ article_id: string; shared: number }>(
        `SELECT article_id, count(*)::int AS shared FROM story_keys WHERE key = ANY($1::text[])
         GROUP BY article_id ORDER BY shared DESC, article_id LIMIT $2`,
        [unique, limit],
      );
      return rows.map((r) => ({ articleId: r.article_id, shared: r.shared }));
    },
    async putSketch(articleId, sketch) {
      await db.query(
        `INSERT INTO sketches (article_id, sketch) VALUES ($1, $2)
         ON CONFLICT (article_id) DO UPDATE SET sketch = excluded.sketch`,
        [articleId, sketch],
      );
    },
    async getSketches(ids) {
      const out = new Map<string, string>();
      if (ids.length === 0) return out;
      const rows = await db.query(
        'SELECT article_id, sketch FROM sketches WHERE article_id = ANY($1::text[])',
        [[...ids]],
      );
      // In the order asked, as the SQLite store fills the map.
      const byId = new Map(rows.map((r) => [r.article_id as string, r.sketch as string]));
      for (const id of ids) {
        const s = byId.get(id);
        if (s !== undefined && !out.has(id)) out.set(id, s);
      }
      return out;
    },
    async removeStory(id) {
      // One statement: the membership check and the delete see the same snapshot.
      const rows = await db.query(
        `DELETE FROM stories WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)
         RETURNING id`,
        [id],
      );
      return rows.length > 0;
    },
  };
}
