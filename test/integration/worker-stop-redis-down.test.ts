import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageServer, startPageServer } from '../support/queue-pages.js';
import { killAll, type Proc, spawnChipbrief } from '../support/queue-procs.js';
import { waitFor } from '../support/queue-redis.js';
import { type OwnRedis, startOwnRedis } from '../support/queue-redis-server.js';

/**
 * SIGTERM while Redis is down (a restart or failover under way): BullMQ's pause and close can wait
 * forever on a dropped blocking connection, so every shutdown step is bounded. The worker must end on
 * its own, as a graceful stop, well before the last-resort deadline (grace + 15 s) kills it.
 */
let dir: string;
let redisServer: OwnRedis;
let pages: PageServer;
const procs: Proc[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-stop-down-'));
  mkdirSync(join(dir, 'redis'));
  redisServer = await startOwnRedis(join(dir, 'redis'));
  // Held pages keep the jobs active when Redis goes away and the stop comes.
  pages = await startPageServer(4, { holdFrom: 0 });
});

afterAll(async () => {
  await killAll(procs);
  await redisServer.stop();
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a worker stopped while Redis is down', () => {
  it('exits 0 within its bounded steps, not by the deadline', async () => {
    const env = {
      REDIS_URL: redisServer.url,
      CHIPBRIEF_QUEUE_PREFIX: 'stopdown',
      CHIPBRIEF_DB: join(dir, 'chipbrief.db'),
      CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true',
      CHIPBRIEF_LLM: 'off',
      METRICS_PORT: '0',
    };
    const tuning = { graceMs: 1_000, briefDelayMs: 0 };
    const worker = spawnChipbrief(['worker'], { env, hooks: { tuning } });
    procs.push(worker);
    await worker.waitForLog('workers started');
    const enq = spawnChipbrief(['enqueue', pages.url(0), pages.url(1)], { env, hooks: {} });
    procs.push(enq);
    expect(await enq.exited).toBe(0);
    await waitFor(
      async () => (pages.hits.get('/news/0') && pages.hits.get('/news/1') ? true : null),
      15_000,
      'both article jobs fetching',
    );
    await redisServer.stop();
    await worker.waitForLog('redis connection lost', 15_000);

    const t0 = Date.now();
    worker.child.kill('SIGTERM');
    const code = await worker.exited;
    const seconds = (Date.now() - t0) / 1000;
    expect(code, worker.stderr().slice(-3000)).toBe(0);
    expect(worker.stderr()).toContain('workers stopped');
    expect(worker.stderr()).not.toContain('graceful stop took too long');
    // grace 1 s + at most four 3 s steps + the 3 s exit guard, against a 16 s deadline.
    expect(seconds).toBeLessThan(16);
  }, 60_000);
});
