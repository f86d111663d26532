import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleInput } from '../../jobs/article-input.js';
import { readFeed } from '../../jobs/feed-reader.js';
import type { JobContext } from '../../jobs/job-context.js';
import { articleJobId } from '../../jobs/job-id.js';
import type { JobQueues } from '../../jobs/job-queues.js';
import { DEFAULT_TUNING } from '../../jobs/queue-hooks.js';
import { startWorkers } from '../../jobs/workers.js';
import { createHttpFetcher, type HttpFetcher } from '../../src/articles/fetcher.js';
import { loadConfig } from '../../src/config.js';
import type { Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type PageServer, startPageServer } from '../support/queue-pages.js';
import { closeQueues, testQueues, waitFor } from '../support/queue-redis.js';

/** Graceful stop: a job still running when the grace period ends goes back to the queue at once. */
let dir: string;
let store: Store;
let queues: JobQueues;
let pages: PageServer;
let fetcher: HttpFetcher;
let ctx: JobContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-shutdown-'));
  pages = await startPageServer(3, { delayMs: 1_500 });
  const config = loadConfig({ CHIPBRIEF_DB: join(dir, 'db.sqlite'), CHIPBRIEF_LLM: 'off' }, dir);
  store = openSqliteStore(config.CHIPBRIEF_DB);
  queues = testQueues('shutdown');
  fetcher = createHttpFetcher({ allowPrivateNetworks: true, maxBytes: 1 << 20, timeoutMs: 10_000 });
  ctx = {
    services: {
      config,
      store,
      fetcher,
      llm: null,
      clock: { now: () => new Date() },
      log: pino({ level: 'silent' }),
      platforms: new Map(),
    },
    queues,
    tuning: { ...DEFAULT_TUNING, briefDelayMs: 0 },
  };
});

afterAll(async () => {
  await closeQueues(queues);
  await store.close();
  await fetcher.close();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

function start() {
  return startWorkers(ctx, queues.connection, {
    queues: ['article'],
    prefix: queues.prefix,
    readFeed,
    log: ctx.services.log,
  });
}

describe('worker shutdown', () => {
  it('hands an unfinished job back after the grace period, and the next worker completes it', async () => {
    const a = articleInput(pages.url(0), dir);
    await queues.add('article', articleJobId(a.articleId), { input: a.input });
    const pool = start();
    await waitFor(async () => (await queues.counts()).article.active === 1, 10_000, 'the job to start');
    const t0 = Date.now();
    expect(await pool.close(200)).toEqual({ released: 1 });
    expect(Date.now() - t0).toBeLessThan(1_400);
    const after = await queues.counts();
    expect(after.article).toMatchObject({ active: 0, waiting: 1, failed: 0 });

    const next = start();
    await waitFor(async () => (await queues.counts()).article.completed === 1, 15_000, 'the job to complete');
    await next.close(5_000);
    expect(await store.getArticle(a.articleId)).not.toBeNull();
  });

  it('lets a running job finish within the grace period', async () => {
    const a = articleInput(pages.url(1), dir);
    await queues.add('article', articleJobId(a.articleId), { input: a.input });
    const pool = start();
    await waitFor(async () => (await queues.counts()).article.active === 1, 10_000, 'the job to start');
    expect(await pool.close(10_000)).toEqual({ released: 0 });
    const c = await queues.counts();
    expect(c.article).toMatchObject({ active: 0, waiting: 0, completed: 2 });
  });
});
