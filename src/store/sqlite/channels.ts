import type { ChannelRepo } from '../port.js';
import { json, type Row, rowToDigest, rowToSource, rowToSubscription, rowToThread } from '../rows.js';
import { sourceId } from '../stored-ids.js';
import type { Db, TxLock } from './database.js';

export function sqliteChannels(db: Db, lock: TxLock): ChannelRepo {
  const getDigest = db.prepare('SELECT * FROM digests WHERE id = ?');
  return {
    async addSource(s) {
      await lock.idle();
      const id = sourceId(s.url);
      db.prepare(
        `INSERT OR IGNORE INTO sources (id, kind, url, name, enabled, added_by, priority, poll_minutes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, s.kind, s.url, s.name, s.enabled ? 1 : 0, s.addedBy, s.priority, s.pollMinutes);
      return rowToSource(db.prepare('SELECT * FROM sources WHERE id = ? OR url = ?').get(id, s.url) as Row);
    },
    async putSource(s) {
      await lock.idle();
      db.prepare(
        `INSERT INTO sources (id, kind, url, name, enabled, added_by, priority, poll_minutes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, name = excluded.name, enabled = excluded.enabled,
           added_by = excluded.added_by, priority = excluded.priority, poll_minutes = excluded.poll_minutes`,
      ).run(sourceId(s.url), s.kind, s.url, s.name, s.enabled ? 1 : 0, s.addedBy, s.priority, s.pollMinutes);
      return rowToSource(db.prepare('SELECT * FROM sources WHERE url = ?').get(s.url) as Row);
    },
    async listSources() {
      return (db.prepare('SELECT * FROM sources ORDER BY priority DESC, id').all() as Row[]).map(rowToSource);
    },
    async removeSource(id) {
      await lock.idle();
      return db.prepare('DELETE FROM sources WHERE id = ?').run(id).changes > 0;
    },
    async markSourcePolled(id, st) {
      await lock.idle();
      db.prepare('UPDATE sources SET etag = ?, last_modified = ?, last_polled_at = ? WHERE id = ?').run(
        st.etag,
        st.lastModified,
        st.at,
        id,
      );
    },
    async upsertSubscription(s) {
      await lock.idle();
      db.prepare(
        `INSERT INTO subscriptions (platform, workspace_id, channel_id, time, tz, filters, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(platform, channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, time = excluded.time,
           tz = excluded.tz, filters = excluded.filters, created_by = excluded.created_by`,
      ).run(s.platform, s.workspaceId, s.channelId, s.time, s.tz, JSON.stringify(s.filters), s.createdBy);
    },
    async listSubscriptions() {
      return (db.prepare('SELECT * FROM subscriptions ORDER BY platform, channel_id').all() as Row[]).map(
        rowToSubscription,
      );
    },
    async getSubscription(platform, channelId) {
      const r = db
        .prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?')
        .get(platform, channelId);
      return r ? rowToSubscription(r as Row) : null;
    },
    async removeSubscription(platform, channelId) {
      await lock.idle();
      return (
        db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId)
          .changes > 0
      );
    },
    async claimDigest(d) {
      await lock.idle();
      // The unique (platform, channel_id, date) constraint decides the winner, not a read-then-write.
      db.prepare(
        'INSERT OR IGNORE INTO digests (id, platform, channel_id, date, story_ids) VALUES (?, ?, ?, ?, ?)',
      ).run(d.id, d.platform, d.channelId, d.date, JSON.stringify(d.storyIds));
      const r = db
        .prepare('SELECT * FROM digests WHERE platform = ? AND channel_id = ? AND date = ?')
        .get(d.platform, d.channelId, d.date) as Row;
      return rowToDigest(r);
    },
    async markDigestAttempt(id, at) {
      await lock.idle();
      db.prepare('UPDATE digests SET attempted_at = COALESCE(attempted_at, ?) WHERE id = ?').run(at, id);
    },
    async markDigestPosted(id, messageRef, at) {
      await lock.idle();
      db.prepare('UPDATE digests SET message_ref = ?, posted_at = ? WHERE id = ? AND posted_at IS NULL').run(
        messageRef,
        at,
        id,
      );
    },
    async getDigest(id) {
      const r = getDigest.get(id) as Row | undefined;
      return r ? rowToDigest(r) : null;
    },
    async lastDigest(platform, channelId, beforeDate) {
      const r = db
        .prepare(
          `SELECT * FROM digests WHERE platform = ? AND channel_id = ? AND posted_at IS NOT NULL AND date < ?
           ORDER BY date DESC LIMIT 1`,
        )
        .get(platform, channelId, beforeDate ?? '9999-12-31') as Row | undefined;
      return r ? rowToDigest(r) : null;
    },
    async digestedStoryIds(platform, channelId) {
      const rows = db
        .prepare('SELECT story_ids FROM digests WHERE platform = ? AND channel_id = ?')
        .all(platform, channelId) as Row[];
      return new Set(rows.flatMap((r) => json.parse<string[]>(r.story_ids, [])));
    },
    async getThread(platform, channelId, threadRef) {
      const r = db
        .prepare('SELECT * FROM threads WHERE platform = ? AND channel_id = ? AND thread_ref = ?')
        .get(platform, channelId, threadRef) as Row | undefined;
      return r ? rowToThread({ platform, channelId, threadRef }, r) : null;
    },
    async saveThread(t) {
      await lock.idle();
      db.prepare(
        `INSERT INTO threads (platform, channel_id, thread_ref, digest_id, story_ids, turns) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(platform, channel_id, thread_ref) DO UPDATE SET digest_id = excluded.digest_id,
           story_ids = excluded.story_ids, turns = excluded.turns`,
      ).run(
        t.platform,
        t.channelId,
        t.threadRef,
        t.digestId,
        JSON.stringify(t.storyIds),
        JSON.stringify(t.turns),
      );
    },
  };
}
