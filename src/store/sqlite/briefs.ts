import type { BriefRepo } from '../port.js';
import { type Row, rowToBrief, rowToLlmUsage } from '../rows.js';
import { briefIdTaken } from '../stored-ids.js';
import type { Db, TxLock } from './database.js';

export function sqliteBriefs(db: Db, lock: TxLock): BriefRepo {
  const find = db.prepare(
    'SELECT * FROM briefs WHERE story_id = ? AND content_hash = ? AND prompt_version = ? AND model = ?',
  );
  const insert = db.prepare(
    `INSERT OR IGNORE INTO briefs (id, story_id, content_hash, prompt_version, model, summarizer, headline, bullets,
       quote_ids, tokens_in, tokens_out, fallback_reason, created_at)
     VALUES (@id, @storyId, @contentHash, @promptVersion, @model, @summarizer, @headline, @bullets, @quoteIds,
       @tokensIn, @tokensOut, @fallbackReason, @createdAt)`,
  );
  const insertFts = db.prepare('INSERT INTO briefs_fts (rowid, headline, bullets) VALUES (?, ?, ?)');
  const byId = db.prepare('SELECT * FROM briefs WHERE id = ?');
  const latest = db.prepare(
    'SELECT * FROM briefs WHERE story_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  const addUsage = db.prepare(
    `INSERT INTO llm_usage (day, calls, tokens_in, tokens_out, fallbacks) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(day) DO UPDATE SET calls = calls + excluded.calls, tokens_in = tokens_in + excluded.tokens_in,
       tokens_out = tokens_out + excluded.tokens_out, fallbacks = fallbacks + excluded.fallbacks`,
  );
  const usageOf = db.prepare('SELECT * FROM llm_usage WHERE day = ?');
  return {
    async findBrief(storyId, contentHash, promptVersion, model) {
      const r = find.get(storyId, contentHash, promptVersion, model) as Row | undefined;
      return r ? rowToBrief(r) : null;
    },
    async putBrief(b) {
      await lock.idle();
      const res = insert.run({
        ...b,
        bullets: JSON.stringify(b.bullets),
        quoteIds: JSON.stringify(b.quoteIds),
      });
      if (res.changes) insertFts.run(res.lastInsertRowid, b.headline, b.bullets.join('\n'));
      const kept = find.get(b.storyId, b.contentHash, b.promptVersion, b.model) as Row | undefined;
      if (kept) return rowToBrief(kept);
      // Not stored, and nothing under its cache key: the id is taken by another key's brief.
      throw briefIdTaken(b, rowToBrief(byId.get(b.id) as Row));
    },
    async latestBrief(storyId) {
      const r = latest.get(storyId) as Row | undefined;
      return r ? rowToBrief(r) : null;
    },
    async recordLlmUsage(day, u) {
      await lock.idle();
      addUsage.run(day, u.calls, u.tokensIn, u.tokensOut, u.fallbacks);
    },
    async llmUsage(day) {
      return rowToLlmUsage(day, usageOf.get(day) as Row | undefined);
    },
  };
}
