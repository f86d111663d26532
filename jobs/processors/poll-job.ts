import { articleInput } from '../article-input.js';
import type { JobContext } from '../job-context.js';
import { articleJobId } from '../job-id.js';
import type { PollPayload } from '../payloads.js';

/** What a poll needs from the feed reader (src/articles): the items' links and the new validators. */
export interface FeedRead {
  notModified: boolean;
  links: string[];
  etag: string | null;
  lastModified: string | null;
}

export type FeedReader = (
  url: string,
  ctx: JobContext,
  validators: { etag: string | null; lastModified: string | null },
) => Promise<FeedRead>;

export type PollJobResult =
  | { status: 'polled'; links: number; enqueued: number; known: number }
  | { status: 'not-modified' | 'disabled' | 'no-source' };

/**
 * source -> new article URLs -> `article` jobs. A link whose article is already stored is skipped
 * (the store, not job retention, is what makes a feed listing the same item for weeks cheap); the rest
 * are enqueued under `article:<id>`, so two polls racing enqueue each article once.
 */
export async function runPollJob(
  payload: PollPayload,
  ctx: JobContext,
  readFeed: FeedReader,
): Promise<PollJobResult> {
  const { store, clock } = ctx.services;
  let url: string;
  let sourceId: string | null = null;
  let priority = 0;
  let validators = { etag: null as string | null, lastModified: null as string | null };
  if (payload.sourceId) {
    const source = (await store.listSources()).find((s) => s.id === payload.sourceId);
    if (!source) return { status: 'no-source' };
    if (!source.enabled) return { status: 'disabled' };
    ({ url, id: sourceId, priority } = source);
    validators = { etag: source.etag, lastModified: source.lastModified };
    if (source.kind === 'url') {
      const read = { notModified: false, links: [source.url], etag: null, lastModified: null };
      return enqueueLinks(read, sourceId, priority, ctx);
    }
  } else {
    url = payload.feedUrl!;
  }
  const read = await readFeed(url, ctx, validators);
  const result: PollJobResult = read.notModified
    ? { status: 'not-modified' }
    : await enqueueLinks(read, sourceId, priority, ctx);
  // Validators are saved only after the links are enqueued: a crash in between must not turn the
  // retry into a 304 that loses them.
  if (sourceId) {
    await store.markSourcePolled(sourceId, {
      etag: read.etag,
      lastModified: read.lastModified,
      at: clock.now().toISOString(),
    });
  }
  return result;
}

async function enqueueLinks(
  read: FeedRead,
  sourceId: string | null,
  priority: number,
  ctx: JobContext,
): Promise<PollJobResult> {
  let enqueued = 0;
  let known = 0;
  for (const link of new Set(read.links)) {
    let a: ReturnType<typeof articleInput>;
    try {
      a = articleInput(link, process.cwd());
    } catch {
      continue; // A feed item with a non-web link (mailto:, ftp:) is not an article.
    }
    if (!/^https?:/i.test(a.input)) continue; // Never let a feed point a worker at local files.
    if (await ctx.services.store.getArticle(a.articleId)) {
      known++;
      continue;
    }
    const r = await ctx.queues.add('article', articleJobId(a.articleId), {
      input: a.input,
      sourceId,
      sourcePriority: priority,
    });
    if (r.added) enqueued++;
  }
  return { status: 'polled', links: read.links.length, enqueued, known };
}
