import type { ChannelRepo } from '../port.js';
import { json, rowToDigest, rowToSource, rowToSubscription, rowToThread } from '../rows.js';
import { sourceId } from '../stored-ids.js';
import type { PgDb } from './pg-database.js';

/** Sources, subscriptions, digests and threads; the digest claim is decided by a unique constraint. */
export function pgChannels(db: PgDb): ChannelRepo {
  return {
    async addSource(s) {
      const id = sourceId(s.url);
      await db.query(
        `INSERT INTO sources (id, kind, url, name, enabled, added_by, priority, poll_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [id, s.kind, s.url, s.name, s.enabled, s.addedBy, s.priority, s.pollMinutes],
      );
      const [r] = await db.query(
        'SELECT * FROM sources WHERE id = $1 OR url = $2 ORDER BY (id = $1) DESC LIMIT 1',
        [id, s.url],
      );
      return rowToSource(r!);
    },
    async putSource(s) {
      const [r] = await db.query(
        `INSERT INTO sources (id, kind, url, name, enabled, added_by, priority, poll_minutes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (url) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, enabled = EXCLUDED.enabled,
           added_by = EXCLUDED.added_by, priority = EXCLUDED.priority, poll_minutes = EXCLUDED.poll_minutes
         RETURNING *`,
        [sourceId(s.url), s.kind, s.url, s.name, s.enabled, s.addedBy, s.priority, s.pollMinutes],
      );
      return rowToSource(r!);
    },
    async listSources() {
      return (await db.query('SELECT * FROM sources ORDER BY priority DESC, id')).map(rowToSource);
    },
    async removeSource(id) {
      return (await db.query('DELETE FROM sources WHERE id = $1 RETURNING id', [id])).length > 0;
    },
    async markSourcePolled(id, st) {
      await db.query('UPDATE sources SET etag = $1, last_modified = $2, last_polled_at = $3 WHERE id = $4', [
        st.etag,
        st.lastModified,
        st.at,
        id,
      ]);
    },
    async upsertSubscription(s) {
      await db.query(
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, time, tz, filters, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, time = excluded.time,
           tz = excluded.tz, filters = excluded.filters, created_by = excluded.created_by`,
        [s.platform, s.workspaceId, s.channelId, s.time, s.tz, JSON.stringify(s.filters), s.createdBy],
      );
    },
    async listSubscriptions() {
      return (await db.query('SELECT * FROM subscriptions ORDER BY platform, channel_id')).map(
        rowToSubscription,
      );
    },
    async getSubscription(platform, channelId) {
      const [r] = await db.query('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2', [
        platform,
        channelId,
      ]);
      return r ? rowToSubscription(r) : null;
    },
    async removeSubscription(platform, channelId) {
      const rows = await db.query(
        'DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2 RETURNING platform',
        [platform, channelId],
      );
      return rows.length > 0;
    },
    async claimDigest(d) {
      // The unique (platform, channel_id, date) constraint decides the winner, not a read-then-write:
      // a concurrent second INSERT waits for the first to commit, then does nothing.
      await db.query(
        `INSERT INTO digests (id, platform, channel_id, date, story_ids) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT DO NOTHING`,
        [d.id, d.platform, d.channelId, d.date, JSON.stringify(d.storyIds)],
      );
      const [r] = await db.query(
        'SELECT * FROM digests WHERE platform = $1 AND channel_id = $2 AND date = $3',
        [d.platform, d.channelId, d.date],
      );
      return rowToDigest(r!);
    },
    async markDigestAttempt(id, at) {
      await db.query('UPDATE digests SET attempted_at = COALESCE(attempted_at, $1) WHERE id = $2', [at, id]);
    },
    async markDigestPosted(id, messageRef, at) {
      await db.query(
        'UPDATE digests SET message_ref = $1, posted_at = $2 WHERE id = $3 AND posted_at IS NULL',
        [messageRef, at, id],
      );
    },
    async getDigest(id) {
      const [r] = await db.query('SELECT * FROM digests WHERE id = $1', [id]);
      return r ? rowToDigest(r) : null;
    },
    async lastDigest(platform, channelId, beforeDate) {
      const [r] = await db.query(
        `SELECT * FROM digests WHERE platform = $1 AND channel_id = $2 AND posted_at IS NOT NULL AND date < $3
         ORDER BY date DESC LIMIT 1`,
        [platform, channelId, beforeDate ?? '9999-12-31'],
      );
      return r ? rowToDigest(r) : null;
    },
    async digestedStoryIds(platform, channelId) {
      const rows = await db.query(
        'SELECT story_ids FROM digests WHERE platform = $1 AND channel_id = $2 ORDER BY date',
        [platform, channelId],
      );
      return new Set(rows.flatMap((r) => json.parse<string[]>(r.story_ids, [])));
    },
    async getThread(platform, channelId, threadRef) {
      const [r] = await db.query(
        'SELECT * FROM threads WHERE platform = $1 AND channel_id = $2 AND thread_ref = $3',
        [platform, channelId, threadRef],
      );
      return r ? rowToThread({ platform, channelId, threadRef }, r) : null;
    },
    async saveThread(t) {
      await db.query(
        `INSERT INTO threads (platform, channel_id, thread_ref, digest_id, story_ids, turns)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (platform, channel_id, thread_ref) DO UPDATE SET digest_id = excluded.digest_id,
           story_ids = excluded.story_ids, turns = excluded.turns`,
        [
          t.platform,
          t.channelId,
          t.threadRef,
          t.digestId,
          JSON.stringify(t.storyIds),
          JSON.stringify(t.turns),
        ],
      );
    },
  };
}
