import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobQueues } from '../../jobs/job-queues.js';
import { type PageServer, startPageServer } from '../support/queue-pages.js';
import { killAll, type Proc, spawnChipbrief } from '../support/queue-procs.js';
import { uniquePrefix, waitFor } from '../support/queue-redis.js';
import { freePort } from '../support/redis-process.js';

/** The queue commands as a user runs them (bin/chipbrief.js), against the test Redis or none. */
let dir: string;
let pages: PageServer;
const procs: Proc[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-qcli-'));
  pages = await startPageServer(5);
});
afterAll(async () => {
  await killAll(procs);
  await pages.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string>, hooks: object | null = null): Proc {
  const p = spawnChipbrief(args, {
    env: { CHIPBRIEF_DB: join(dir, 'cli.db'), LOG_LEVEL: 'warn', ...env },
    hooks,
  });
  procs.push(p);
  return p;
}

describe('queue commands', () => {
  it('say in one line that Redis is unreachable, and exit 1 within seconds', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    // A one-shot command and a long-running one (which otherwise reconnects forever).
    const runs = [['enqueue', 'https://example.test/a'], ['worker']].map((args) =>
      run(args, { REDIS_URL: url }),
    );
    for (const p of runs) {
      expect(await p.exited).toBe(1);
      expect(p.stderr()).toMatch(
        /^chipbrief: QUEUE_UNAVAILABLE: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+ — start redis-server or set REDIS_URL\n$/,
      );
    }
    // Start-up included; the connect attempt itself gives up within a few seconds (workers: 5 s).
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 120_000);

  it('refuse bad input before touching the queue', async () => {
    const env = { REDIS_URL: inject('redisUrl'), CHIPBRIEF_QUEUE_PREFIX: uniquePrefix('cli') };
    const missing = run(['enqueue', join(dir, 'nope.txt')], env);
    expect(await missing.exited).toBe(2);
    expect(missing.stderr()).toMatch(/^chipbrief: INPUT_NOT_FOUND: no such file: .*nope\.txt\n$/);
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queues = new JobQueues(redis, env.CHIPBRIEF_QUEUE_PREFIX);
    try {
      expect((await queues.counts()).article.waiting).toBe(0);
    } finally {
      await queues.close();
      redis.disconnect();
    }
  }, 120_000);

  it('poll a feed into article jobs, and keep a permanent failure with its reason', async () => {
    const env = {
      REDIS_URL: inject('redisUrl'),
      CHIPBRIEF_QUEUE_PREFIX: uniquePrefix('feed'),
      CHIPBRIEF_DB: join(dir, 'feed.db'),
      CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true',
    };
    const binary = join(dir, 'scan.txt');
    writeFileSync(
      binary,
      Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]),
    );
    const worker = run(['worker'], { ...env, LOG_LEVEL: 'info' }, { tuning: { briefDelayMs: 0 } });
    await worker.waitForLog('workers started');

    const feed = run(['enqueue', '--feed', pages.feedUrl, binary], env);
    expect(await feed.exited).toBe(0);
    expect(feed.stdout()).toMatch(/1 article job added, 0 already queued; feed poll added/);

    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
    const queues = new JobQueues(redis, env.CHIPBRIEF_QUEUE_PREFIX);
    try {
      await waitFor(
        async () => {
          const c = await queues.counts();
          return (
            c.article.completed === 5 && c.article.failed === 1 && c.brief.waiting + c.brief.active === 0
          );
        },
        40_000,
        'five feed articles stored and the binary file failed',
      );
    } finally {
      await queues.close();
      redis.disconnect();
    }
    const json = run(['queues', '--json', '--failed'], env);
    expect(await json.exited).toBe(0);
    const status = JSON.parse(json.stdout()) as {
      queues: Record<string, Record<string, number>>;
      failed: { id: string; reason: string; attempts: number }[];
    };
    expect(Object.keys(status.queues)).toEqual(['poll', 'article', 'brief', 'digest', 'answer']);
    expect(status.queues.poll!.completed).toBe(1);
    expect(status.failed).toHaveLength(1);
    expect(status.failed[0]!.id).toMatch(/^article:[0-9a-f]{24}$/);
    // Permanent: failed at the first attempt, with a one-line reason.
    expect(status.failed[0]!.attempts).toBe(1);
    expect(status.failed[0]!.reason).toMatch(/^INPUT_BINARY: [^\n]+$/);

    const table = run(['queues', '--failed'], env);
    expect(await table.exited).toBe(0);
    expect(table.stdout()).toMatch(/^article\s+0\s+0\s+0\s+1\s+5\s+0$/m);
    expect(table.stdout()).toContain('INPUT_BINARY');

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 120_000);
});
