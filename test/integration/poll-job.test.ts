import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../jobs/feed-reader.js';
import type { JobContext } from '../../jobs/job-context.js';
import type { JobQueues } from '../../jobs/job-queues.js';
import { runArticleJob } from '../../jobs/processors/article-job.js';
import { runPollJob } from '../../jobs/processors/poll-job.js';
import { DEFAULT_TUNING } from '../../jobs/queue-hooks.js';
import { createHttpFetcher, type HttpFetcher } from '../../src/articles/fetcher.js';
import { loadConfig } from '../../src/config.js';
import type { Source, Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type PageServer, startPageServer } from '../support/queue-pages.js';
import { closeQueues, testQueues } from '../support/queue-redis.js';

/** The poll job: feed -> article jobs for links not yet stored, conditional GET between polls. */
let dir: string;
let store: Store;
let queues: JobQueues;
let pages: PageServer;
let fetcher: HttpFetcher;
let ctx: JobContext;
let source: Source;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-poll-'));
  pages = await startPageServer(4);
  const config = loadConfig({ CHIPBRIEF_DB: join(dir, 'db.sqlite'), CHIPBRIEF_LLM: 'off' }, dir);
  store = openSqliteStore(config.CHIPBRIEF_DB);
  queues = testQueues('poll');
  fetcher = createHttpFetcher({ allowPrivateNetworks: true, maxBytes: 1 << 20, timeoutMs: 10_000 });
  ctx = {
    services: {
      config,
      store,
      fetcher,
      llm: null,
      clock: { now: () => new Date('2025-06-03T12:00:00Z') },
      log: pino({ level: 'silent' }),
      platforms: new Map(),
    },
    queues,
    tuning: { ...DEFAULT_TUNING, briefDelayMs: 0 },
  };
  source = await store.addSource({
    kind: 'rss',
    url: pages.feedUrl,
    name: 'Chip Policy Wire',
    enabled: true,
    addedBy: 'test',
    priority: 2,
    pollMinutes: 30,
  });
});

afterAll(async () => {
  await closeQueues(queues);
  await store.close();
  await fetcher.close();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('poll job', () => {
  it('enqueues each new link once, with its source, and saves the validators', async () => {
    const first = await runPollJob({ sourceId: source.id, feedUrl: null }, ctx, readFeed);
    expect(first).toEqual({ status: 'polled', links: 4, enqueued: 4, known: 0 });
    const jobs = await queues.queue('article').getJobs(['waiting']);
    expect(jobs).toHaveLength(4);
    expect(jobs[0]!.data).toMatchObject({ sourceId: source.id, sourcePriority: 2 });
    const saved = (await store.listSources()).find((s) => s.id === source.id)!;
    expect(saved.etag).toBe('"feed-4"');
    expect(saved.lastPolledAt).toBe('2025-06-03T12:00:00.000Z');

    // Unchanged feed: a 304, nothing enqueued.
    expect(await runPollJob({ sourceId: source.id, feedUrl: null }, ctx, readFeed)).toEqual({
      status: 'not-modified',
    });
  });

  it('skips links whose articles are already stored', async () => {
    await runArticleJob({ input: pages.url(0), sourceId: source.id, sourcePriority: 2 }, ctx);
    const r = await runPollJob({ sourceId: null, feedUrl: pages.feedUrl }, ctx, readFeed);
    // The one-off poll (no validators) sees the feed again: the stored article is known, the others
    // are already queued under the same ids.
    expect(r).toEqual({ status: 'polled', links: 4, enqueued: 0, known: 1 });
    expect(await queues.queue('article').getJobs(['waiting'])).toHaveLength(4);
  });

  it('does nothing for a disabled or removed source', async () => {
    expect(await runPollJob({ sourceId: 'src_gone', feedUrl: null }, ctx, readFeed)).toEqual({
      status: 'no-source',
    });
  });
});
