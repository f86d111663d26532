import { makeBrief } from '../../src/briefs/make-brief.js';
import type { JobContext } from '../job-context.js';
import { processMetrics } from '../observability/process-metrics.js';
import type { BriefPayload } from '../payloads.js';
import { briefHashOf } from '../story-hash.js';

export type BriefJobResult =
  | { status: 'made'; briefId: string; summarizer: string }
  /** The story gained copies since this job was enqueued: the newer job briefs it. */
  | { status: 'superseded'; currentHash: string }
  | { status: 'no-story' };

/**
 * story -> brief. Briefs are cached by (content hash, prompt, model) in the store, so a repeated job
 * costs no LLM call; a job whose story changed since it was enqueued is skipped for the newer one.
 */
export async function runBriefJob(payload: BriefPayload, ctx: JobContext): Promise<BriefJobResult> {
  const { store, llm, clock, config } = ctx.services;
  const currentHash = await briefHashOf(store, payload.storyId);
  if (!currentHash) return { status: 'no-story' };
  if (currentHash !== payload.contentHash) return { status: 'superseded', currentHash };
  const brief = await makeBrief(store, payload.storyId, {
    llm,
    clock,
    dailyTokenBudget: config.CHIPBRIEF_LLM_DAILY_TOKENS,
    ...(llm ? { model: llm.model } : {}),
  });
  processMetrics().briefMade(brief.summarizer, brief.fallbackReason);
  return { status: 'made', briefId: brief.id, summarizer: brief.summarizer };
}
