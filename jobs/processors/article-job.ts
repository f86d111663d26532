import { ingestInput } from '../../src/ingest/ingest-input.js';
import { articleInput } from '../article-input.js';
import type { JobContext } from '../job-context.js';
import { briefJobId } from '../job-id.js';
import { processMetrics } from '../observability/process-metrics.js';
import type { ArticlePayload } from '../payloads.js';
import { briefHashOf } from '../story-hash.js';

export interface ArticleJobResult {
  articleId: string;
  status: 'new' | 'seen';
  storyId: string | null;
  /** The brief job this article led to (logical id), if it belongs to a story. */
  briefJob: string | null;
}

/**
 * fetch -> extract -> quotes/entities -> story -> store, then a `brief` job for the story.
 * Idempotent: an article already stored is not fetched again, and the brief job is (re)enqueued under
 * its deterministic id every time, so a crash between storing and enqueueing loses no brief.
 */
export async function runArticleJob(payload: ArticlePayload, ctx: JobContext): Promise<ArticleJobResult> {
  const { store, fetcher, clock } = ctx.services;
  const { articleId } = articleInput(payload.input, process.cwd());
  const stored = await store.getArticle(articleId);
  const result = stored
    ? { articleId: stored.id, status: 'seen' as const, storyId: stored.storyId }
    : await ingestInput(
        payload.input,
        { store, fetcher, clock },
        { sourceId: payload.sourceId, sourcePriority: payload.sourcePriority },
      );
  let briefJob: string | null = null;
  const hash = result.storyId ? await briefHashOf(store, result.storyId) : null;
  if (result.storyId && hash) {
    briefJob = briefJobId(result.storyId, hash);
    await ctx.queues.add(
      'brief',
      briefJob,
      { storyId: result.storyId, contentHash: hash },
      { delayMs: ctx.tuning.briefDelayMs },
    );
  }
  processMetrics().articleProcessed(result.status);
  return { articleId: result.articleId, status: result.status, storyId: result.storyId, briefJob };
}
