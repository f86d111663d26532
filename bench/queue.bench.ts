import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import pino from 'pino';
import { articleInput } from '../jobs/article-input.js';
import type { JobContext } from '../jobs/job-context.js';
import { articleJobId } from '../jobs/job-id.js';
import { JobQueues } from '../jobs/job-queues.js';
import type { BriefPayload } from '../jobs/payloads.js';
import { runArticleJob } from '../jobs/processors/article-job.js';
import { runBriefJob } from '../jobs/processors/brief-job.js';
import { DEFAULT_TUNING } from '../jobs/queue-hooks.js';
import { createHttpFetcher } from '../src/articles/fetcher.js';
import { loadConfig } from '../src/config.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { type PageServer, startPageServer } from '../test/support/queue-pages.js';
import { type Proc, spawnChipbrief } from '../test/support/queue-procs.js';
import { type OwnRedis, startOwnRedis } from '../test/support/queue-redis-server.js';
import type { Bench, Figure } from './figure.js';

/**
 * End-to-end article jobs per second through Redis (BullMQ) with worker processes, next to the same
 * pipeline (the same article and brief job functions) run in one process without a queue. Both fetch
 * generated pages over local HTTP, extract, cluster, store in SQLite and brief each story.
 */
const CONCURRENCY = 4;
/**
 * Articles each mode runs before its clock starts: the in-process baseline warms its JIT and caches,
 * so the worker processes get the same (a fresh process is otherwise timed compiling the pipeline).
 */
const WARMUP = 40;
const ROUNDS = 2;

interface Run {
  seconds: number;
  perSecond: number;
}

async function inProcess(pages: PageServer, n: number, dir: string, db: string): Promise<Run> {
  const config = loadConfig(
    { CHIPBRIEF_DB: join(dir, db), CHIPBRIEF_LLM: 'off', CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true' },
    dir,
  );
  const store = openSqliteStore(config.CHIPBRIEF_DB);
  const fetcher = createHttpFetcher({ allowPrivateNetworks: true, maxBytes: 5 << 20, timeoutMs: 15_000 });
  const briefs = new Map<string, BriefPayload>();
  const ctx: JobContext = {
    services: {
      config,
      store,
      fetcher,
      llm: null,
      clock: { now: () => new Date() },
      log: pino({ level: 'silent' }),
      platforms: new Map(),
    },
    // Follow-on brief jobs collected in memory, deduplicated by the same ids the queue uses.
    queues: {
      async add(_name, logicalId, payload) {
        const added = !briefs.has(logicalId);
        briefs.set(logicalId, payload as BriefPayload);
        return { logicalId, jobId: logicalId, added };
      },
    },
    tuning: { ...DEFAULT_TUNING, briefDelayMs: 0 },
  };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++;
        await runArticleJob({ input: pages.url(i), sourceId: null, sourcePriority: 0 }, ctx);
      }
    }),
  );
  for (const p of briefs.values()) await runBriefJob(p, ctx);
  const seconds = (performance.now() - t0) / 1000;
  await fetcher.close();
  await store.close();
  return { seconds, perSecond: n / seconds };
}

async function throughQueue(
  pages: PageServer,
  n: number,
  dir: string,
  redisUrl: string,
  workers: number,
  round: number,
): Promise<Run> {
  const prefix = `bench_${workers}w_${round}_${Date.now()}`;
  const env = {
    REDIS_URL: redisUrl,
    CHIPBRIEF_QUEUE_PREFIX: prefix,
    CHIPBRIEF_DB: join(dir, `queue-${workers}w-${round}.db`),
    CHIPBRIEF_LLM: 'off',
    CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true',
    CHIPBRIEF_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'info',
  };
  const procs: Proc[] = Array.from({ length: workers }, () =>
    spawnChipbrief(['worker'], { env, hooks: { tuning: { briefDelayMs: 0 } } }),
  );
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = new JobQueues(redis, prefix);
  // Pages n .. n + WARMUP - 1 warm the workers up; pages 0 .. n - 1 are timed.
  const run = async (from: number, to: number) => {
    const before = await queues.counts();
    const done = before.article.completed + before.article.failed;
    for (let i = from; i < to; i++) {
      const a = articleInput(pages.url(i), dir);
      await queues.add('article', articleJobId(a.articleId), { input: a.input });
    }
    for (;;) {
      const c = await queues.counts();
      const pending = (['article', 'brief'] as const).some(
        (q) => c[q].waiting + c[q].active + c[q].delayed > 0,
      );
      if (!pending && c.article.completed + c.article.failed - done >= to - from) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  try {
    await Promise.all(procs.map((p) => p.waitForLog('workers started', 60_000)));
    await run(n, n + WARMUP);
    const t0 = performance.now();
    await run(0, n);
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, perSecond: n / seconds };
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await queues.close();
    redis.disconnect();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;

export async function runQueueBench(n: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'chipbrief-qbench-'));
  mkdirSync(join(dir, 'redis'));
  const pages = await startPageServer(n + WARMUP);
  let own: OwnRedis | null = null;
  try {
    // A private Redis unless REDIS_URL names one.
    if (!process.env.REDIS_URL) own = await startOwnRedis(join(dir, 'redis'));
    const redisUrl = process.env.REDIS_URL ?? own!.url;
    // Warm-up (JIT, page server, file cache), not measured: the first mode run must not pay for it.
    await inProcess(pages, Math.min(WARMUP, n), dir, 'warmup.db');
    // Each mode's best of ROUNDS, the modes interleaved, each run on a fresh store: a shared machine's
    // pauses then cost a run, not the figure.
    const runs: { base: Run; one: Run; two: Run }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      runs.push({
        base: await inProcess(pages, n, dir, `inproc-${r}.db`),
        one: await throughQueue(pages, n, dir, redisUrl, 1, r),
        two: await throughQueue(pages, n, dir, redisUrl, 2, r),
      });
    }
    const best = (k: 'base' | 'one' | 'two') =>
      runs.map((x) => x[k]).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const base = best('base');
    const one = best('one');
    const two = best('two');
    const baseline = {
      name: 'queue.in_process.articles_per_s',
      value: round(base.perSecond),
      unit: 'articles/s',
    };
    return [
      { ...baseline, detail: { articles: n, concurrency: CONCURRENCY, seconds: round(base.seconds) } },
      {
        name: 'queue.redis_2_workers.articles_per_s',
        value: round(two.perSecond),
        unit: 'articles/s',
        // Informational: the gain of a second process depends on a free core (each process also warms
        // up its own JIT); the queue's own cost is the one-worker ratio below.
        baseline,
        detail: {
          articles: n,
          ratio: Math.round((two.perSecond / base.perSecond) * 100) / 100,
          seconds: round(two.seconds),
        },
      },
      {
        name: 'queue.redis_1_worker.articles_per_s',
        value: round(one.perSecond),
        unit: 'articles/s',
        // Same parallelism as the baseline: the ratio is the queue's own cost.
        budget: '>= 0.7x in-process',
        ok: one.perSecond >= 0.7 * base.perSecond,
        baseline,
        detail: {
          articles: n,
          ratio: Math.round((one.perSecond / base.perSecond) * 100) / 100,
          seconds: round(one.seconds),
        },
      },
    ];
  } finally {
    await own?.stop();
    await pages.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = () => runQueueBench(Number(process.env.QUEUE_BENCH_ARTICLES ?? 300));
export default bench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await bench()) console.log(JSON.stringify(f));
}
