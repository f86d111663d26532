import { transferTable } from '../migrations-tables.js';
import type { BriefRepo } from '../port.js';
import { rowToBrief, rowToLlmUsage } from '../rows.js';
import { briefIdTaken } from '../stored-ids.js';
import type { Fts5Tokenizer } from './fts5-tokenizer.js';
import { insertRows } from './insert-rows.js';
import type { PgDb } from './pg-database.js';

const BRIEFS = transferTable('briefs')!;

/** Briefs cached by (story, content hash, prompt version, model) — a unique constraint — and LLM usage. */
export function pgBriefs(db: PgDb, tokenizer: Fts5Tokenizer): BriefRepo {
  const find = async (storyId: string, contentHash: string, promptVersion: string, model: string) => {
    const [r] = await db.query(
      'SELECT * FROM briefs WHERE story_id = $1 AND content_hash = $2 AND prompt_version = $3 AND model = $4',
      [storyId, contentHash, promptVersion, model],
    );
    return r ? rowToBrief(r) : null;
  };
  return {
    findBrief: find,
    async putBrief(b) {
      await insertRows(db, tokenizer, BRIEFS, [
        {
          id: b.id,
          story_id: b.storyId,
          content_hash: b.contentHash,
          prompt_version: b.promptVersion,
          model: b.model,
          summarizer: b.summarizer,
          headline: b.headline,
          bullets: JSON.stringify(b.bullets),
          quote_ids: JSON.stringify(b.quoteIds),
          tokens_in: b.tokensIn,
          tokens_out: b.tokensOut,
          fallback_reason: b.fallbackReason,
          created_at: b.createdAt,
        },
      ]);
      // The one stored for the cache key: this brief, or the one a concurrent writer stored first.
      const kept = await find(b.storyId, b.contentHash, b.promptVersion, b.model);
      if (kept) return kept;
      // Not stored, and nothing under its cache key: the id is taken by another key's brief.
      const [taken] = await db.query('SELECT * FROM briefs WHERE id = $1', [b.id]);
      throw briefIdTaken(b, rowToBrief(taken!));
    },
    async latestBrief(storyId) {
      const [r] = await db.query(
        'SELECT * FROM briefs WHERE story_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1',
        [storyId],
      );
      return r ? rowToBrief(r) : null;
    },
    async recordLlmUsage(day, u) {
      await db.query(
        `INSERT INTO llm_usage (day, calls, tokens_in, tokens_out, fallbacks) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (day) DO UPDATE SET calls = llm_usage.calls + excluded.calls,
           tokens_in = llm_usage.tokens_in + excluded.tokens_in,
           tokens_out = llm_usage.tokens_out + excluded.tokens_out,
           fallbacks = llm_usage.fallbacks + excluded.fallbacks`,
        [day, u.calls, u.tokensIn, u.tokensOut, u.fallbacks],
      );
    },
    async llmUsage(day) {
      const [r] = await db.query('SELECT * FROM llm_usage WHERE day = $1', [day]);
      return rowToLlmUsage(day, r);
    },
  };
}
