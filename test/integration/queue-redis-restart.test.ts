import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueues } from '../../jobs/job-queues.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type PageServer, startPageServer } from '../support/queue-pages.js';
import { killAll, type Proc, spawnChipbrief } from '../support/queue-procs.js';
import { waitFor } from '../support/queue-redis.js';
import { type OwnRedis, startOwnRedis } from '../support/queue-redis-server.js';

/** Redis goes away mid-run and comes back: workers reconnect on their own and finish the backlog. */
const N = 60;
let dir: string;
let pages: PageServer;
let redisServer: OwnRedis;
const procs: Proc[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-restart-'));
  mkdirSync(join(dir, 'redis'));
  redisServer = await startOwnRedis(join(dir, 'redis'));
  // Pages past the first 15 are held until Redis is down, so jobs are in flight when it goes away
  // however fast the workers are.
  pages = await startPageServer(N, { delayMs: 20, holdFrom: 15 });
});

afterAll(async () => {
  await killAll(procs);
  await redisServer.stop();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis restart', () => {
  it('workers reconnect and finish every job', async () => {
    const env = {
      REDIS_URL: redisServer.url,
      CHIPBRIEF_QUEUE_PREFIX: 'restart',
      CHIPBRIEF_DB: join(dir, 'chipbrief.db'),
      CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true',
      CHIPBRIEF_CONCURRENCY: '2',
      CHIPBRIEF_LLM: 'off',
    };
    const tuning = { lockDurationMs: 3_000, stalledIntervalMs: 1_000, maxStalledCount: 5, briefDelayMs: 0 };
    const w1 = spawnChipbrief(['worker'], { env, hooks: { tuning } });
    const w2 = spawnChipbrief(['worker'], { env, hooks: { tuning } });
    procs.push(w1, w2);
    await Promise.all([w1.waitForLog('workers started'), w2.waitForLog('workers started')]);

    const enq = spawnChipbrief(['enqueue', ...Array.from({ length: N }, (_, i) => pages.url(i))], {
      env,
      hooks: {},
    });
    procs.push(enq);
    expect(await enq.exited).toBe(0);

    const store = openSqliteStore(env.CHIPBRIEF_DB);
    try {
      await waitFor(async () => (await store.stats()).articles >= 15, 60_000, '15 articles stored');
      await redisServer.stop();
      pages.release();
      await new Promise((r) => setTimeout(r, 1_500));
      const during = (await store.stats()).articles;
      expect(during).toBeLessThan(N);
      await redisServer.start();

      const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
      const queues = new JobQueues(redis, env.CHIPBRIEF_QUEUE_PREFIX);
      try {
        const c = await waitFor(
          async () => {
            const counts = await queues.counts();
            return counts.article.completed === N &&
              counts.brief.waiting + counts.brief.active + counts.brief.delayed === 0
              ? counts
              : null;
          },
          90_000,
          'all article jobs to complete after the restart',
        );
        expect(c.article.failed).toBe(0);
      } finally {
        await queues.close();
        redis.disconnect();
      }
      expect((await store.stats()).articles).toBe(N);
      expect(w1.child.exitCode).toBeNull();
      expect(w2.child.exitCode).toBeNull();
      expect(w1.stderr() + w2.stderr()).toContain('redis connection restored');
    } finally {
      await store.close();
    }
    w1.child.kill('SIGTERM');
    w2.child.kill('SIGTERM');
    // A failed exit shows the worker's last log lines.
    expect(await w1.exited, w1.stderr().slice(-3000)).toBe(0);
    expect(await w2.exited, w2.stderr().slice(-3000)).toBe(0);
  }, 150_000);
});
