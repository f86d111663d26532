import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, type Proc, spawnChipbrief } from '../support/queue-procs.js';
import { waitFor } from '../support/queue-redis.js';
import { type OwnRedis, startOwnRedis } from '../support/queue-redis-server.js';
import { freePort } from '../support/redis-process.js';

/**
 * `serve` and `worker` as users run them (bin/chipbrief.js), each with /healthz and /metrics on a port
 * of its own, against a Redis of this test's own so it can be stopped.
 */
const ARTICLE = fileURLToPath(
  new URL('../../examples/01-commerce-slows-nvidia-h200-licenses.html', import.meta.url),
);
let dir: string;
let redis: OwnRedis;
const procs: Proc[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-ship-'));
  mkdirSync(join(dir, 'redis'));
  redis = await startOwnRedis(join(dir, 'redis'));
});

afterAll(async () => {
  // SIGKILL: with Redis gone a graceful stop waits out its deadline, which this test does not need.
  await killAll(procs);
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function get(port: number, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, text: await res.text() };
}

function sample(text: string, line: string): number {
  const hit = text.split('\n').find((l) => l.startsWith(`${line} `));
  return hit ? Number(hit.split(' ').at(-1)) : 0;
}

describe('serve and worker observability', () => {
  it('/healthz is 200, /metrics counts a job, and /healthz turns 503 naming Redis when it stops', async () => {
    const [servePort, workerPort] = [await freePort(), await freePort()];
    const env = {
      REDIS_URL: redis.url,
      CHIPBRIEF_QUEUE_PREFIX: 'ship',
      CHIPBRIEF_DB: join(dir, 'chipbrief.db'),
      CHIPBRIEF_LLM: 'off',
    };
    const serve = spawnChipbrief(['serve', '--no-worker'], {
      env: { ...env, METRICS_PORT: String(servePort) },
      hooks: null,
      cwd: dir,
    });
    const worker = spawnChipbrief(['worker'], {
      env: { ...env, METRICS_PORT: String(workerPort) },
      hooks: null,
      cwd: dir,
    });
    procs.push(serve, worker);
    await Promise.all([serve.waitForLog('serve started'), worker.waitForLog('workers started')]);
    expect(serve.stderr()).toContain(`"port":${servePort},"role":"serve"`);

    for (const [port, role] of [
      [servePort, 'serve'],
      [workerPort, 'worker'],
    ] as const) {
      const h = await get(port, '/healthz');
      expect(h.status, h.text).toBe(200);
      expect(JSON.parse(h.text)).toMatchObject({
        status: 'ok',
        role,
        parts: { redis: { ok: true }, store: { ok: true, kind: 'sqlite' } },
      });
    }
    const before = await get(workerPort, '/metrics');
    expect(sample(before.text, 'chipbrief_articles_processed_total{status="new"}')).toBe(0);

    const enqueue = spawnChipbrief(['enqueue', ARTICLE], { env, hooks: null, cwd: dir });
    procs.push(enqueue);
    expect(await enqueue.exited).toBe(0);

    const after = await waitFor(
      async () => {
        const m = await get(workerPort, '/metrics');
        return sample(m.text, 'chipbrief_articles_processed_total{status="new"}') === 1 ? m.text : null;
      },
      30_000,
      'the worker to count the article',
    );
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    // The gauges read Redis, so serve (which ran no job) sees the completed job too.
    const served = await waitFor(
      async () => {
        const m = await get(servePort, '/metrics');
        return sample(m.text, 'chipbrief_jobs{queue="article",state="completed"}') === 1 ? m.text : null;
      },
      10_000,
      'serve to see the completed article job',
    );
    expect(sample(served, 'chipbrief_articles_processed_total{status="new"}')).toBe(0);

    await redis.stop();
    for (const port of [servePort, workerPort]) {
      const down = await waitFor(
        async () => {
          const h = await get(port, '/healthz');
          return h.status === 503 ? h : null;
        },
        10_000,
        '/healthz to turn 503',
      );
      expect(JSON.parse(down.text)).toMatchObject({
        status: 'down',
        down: ['redis'],
        parts: { store: { ok: true } },
      });
    }
    // /metrics still answers without Redis, leaving the queue gauge out.
    const m = await get(workerPort, '/metrics');
    expect(m.status).toBe(200);
    expect(m.text).not.toMatch(/^chipbrief_jobs\{/m);
    expect(sample(m.text, 'chipbrief_articles_processed_total{status="new"}')).toBe(1);
  });
});
