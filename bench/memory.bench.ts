import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { articleInput } from '../jobs/article-input.js';
import { articleJobId } from '../jobs/job-id.js';
import { JobQueues } from '../jobs/job-queues.js';
import { runtimeNodeOptions } from '../scripts/deploy-files.js';
import { type Proc, spawnChipbrief } from '../test/support/queue-procs.js';
import { type OwnRedis, startOwnRedis } from '../test/support/queue-redis-server.js';
import type { Bench, Figure } from './figure.js';
import { pageAt } from './generate/corpus.js';

/**
 * Memory of a real worker process (`node bin/chipbrief.js worker`, as a user runs it) while it fetches,
 * extracts, clusters, stores and briefs 10,000 generated articles served over local HTTP through Redis.
 * The worker's resident set (VmRSS) and its high-water mark (VmHWM) are read from /proc after 2,500,
 * 5,000, 7,500 and 10,000 articles. Budgets: peak < 300 MB, and no growth with count: the high-water
 * mark at 10,000 within 15% of the one at 2,500 (the baseline, same run, same process). The worker
 * runs with the image's heap cap (see `workerNodeOptions`).
 */

const SEED = 20261122;
const MB = 1024 * 1024;

interface Sample {
  done: number;
  rssMb: number;
  hwmMb: number;
}

/** VmRSS and VmHWM of a process in MB (/proc on Linux, `ps` elsewhere: then the HWM is the RSS). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1] ?? 0);
    return { rss: (kb('VmRSS') * 1024) / MB, hwm: (kb('VmHWM') * 1024) / MB };
  } catch {
    const rss = Number(
      spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim(),
    );
    return { rss: (rss * 1024) / MB, hwm: (rss * 1024) / MB };
  }
}

/** Serves generated page n at /p/n, made on request so the corpus never sits in memory. */
async function pageServer(): Promise<{ server: Server; url: (n: number) => string }> {
  const server = createServer((req, res) => {
    const n = Number(req.url?.match(/^\/p\/(\d+)$/)?.[1] ?? Number.NaN);
    if (!Number.isInteger(n)) {
      res.writeHead(404).end();
      return;
    }
    const html = pageAt(SEED, n).html;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
    });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, url: (n) => `http://127.0.0.1:${port}/p/${n}` };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The worker runs with the heap cap the image ships (the Dockerfile's NODE_OPTIONS), so the figure is
 * the shipped worker's. MEMORY_BENCH_NODE_OPTIONS overrides it for experiments ("" runs uncapped).
 */
function workerNodeOptions(): string {
  const override = process.env.MEMORY_BENCH_NODE_OPTIONS;
  if (override !== undefined) return override;
  const root = fileURLToPath(new URL('../', import.meta.url));
  return runtimeNodeOptions(readFileSync(join(root, 'Dockerfile'), 'utf8')) ?? '';
}

/** Runs the worker over `total` articles and returns the figures. */
export async function runMemoryBench(total = 10_000, timeoutMs = 40 * 60_000): Promise<Figure[]> {
  const nodeOptions = workerNodeOptions();
  const dir = mkdtempSync(join(tmpdir(), 'cb-memory-bench-'));
  mkdirSync(join(dir, 'redis'));
  const pages = await pageServer();
  let own: OwnRedis | null = null;
  let worker: Proc | null = null;
  let redis: Redis | null = null;
  let queues: JobQueues | null = null;
  try {
    if (!process.env.REDIS_URL) own = await startOwnRedis(join(dir, 'redis'));
    const redisUrl = process.env.REDIS_URL ?? own!.url;
    const prefix = `membench_${Date.now()}`;
    worker = spawnChipbrief(['worker'], {
      env: {
        REDIS_URL: redisUrl,
        CHIPBRIEF_QUEUE_PREFIX: prefix,
        CHIPBRIEF_DB: join(dir, 'worker.db'),
        CHIPBRIEF_LLM: 'off',
        CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true',
        // The default level, as a user runs it (the start line is what this waits for).
        LOG_LEVEL: 'info',
        ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      },
      hooks: null,
    });
    await worker.waitForLog('workers started', 60_000);
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    queues = new JobQueues(redis, prefix);
    const started = Date.now();
    for (let n = 0; n < total; n++) {
      const a = articleInput(pages.url(n), dir);
      await queues.add('article', articleJobId(a.articleId), { input: a.input });
    }
    const checkpoints = [total / 4, total / 2, (3 * total) / 4, total].map(Math.round);
    const samples: Sample[] = [];
    // The largest resident set seen while polling, and when: where a spike happened, if one did.
    let top = { rss: 0, done: 0 };
    let failed = 0;
    for (;;) {
      if (Date.now() - started > timeoutMs)
        throw new Error(`worker did not finish ${total} articles in time`);
      if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.stderr().slice(-500)}`);
      const c = await queues.counts();
      const done = c.article.completed + c.article.failed;
      failed = c.article.failed;
      const mem = memoryOf(worker.child.pid!);
      if (mem.rss > top.rss) top = { rss: mem.rss, done };
      while (checkpoints.length > 0 && done >= checkpoints[0]!) {
        samples.push({ done: checkpoints.shift()!, rssMb: mem.rss, hwmMb: mem.hwm });
      }
      const briefsPending = c.brief.waiting + c.brief.active + c.brief.delayed;
      if (checkpoints.length === 0 && briefsPending === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (Date.now() - started) / 1000;
    const end = memoryOf(worker.child.pid!);
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const growth = last.hwmMb / first.hwmMb;
    const detail: Record<string, number | string> = {
      articles: total,
      failed,
      seconds: Math.round(seconds),
      node_options: nodeOptions || '(none)',
    };
    for (const s of samples) {
      detail[`rss_mb_at_${s.done}`] = r1(s.rssMb);
      detail[`hwm_mb_at_${s.done}`] = r1(s.hwmMb);
    }
    detail.rss_mb_after_briefs = r1(end.rss);
    detail.max_rss_mb_polled = r1(top.rss);
    detail.max_rss_at_article = top.done;
    return [
      {
        name: 'memory.worker.peak_rss_10k',
        value: r1(end.hwm),
        unit: 'MB',
        budget: '< 300 MB',
        ok: end.hwm < 300 && failed === 0,
        detail,
      },
      {
        name: 'memory.worker.growth_2.5k_to_10k',
        value: Math.round(growth * 100) / 100,
        unit: 'x',
        budget: '<= 1.15x (no growth with count)',
        ok: growth <= 1.15,
        baseline: { name: `memory.worker.hwm_at_${first.done}`, value: r1(first.hwmMb), unit: 'MB' },
        detail: { hwm_mb_at_end: r1(last.hwmMb), rss_mb_at_end: r1(last.rssMb) },
      },
    ];
  } finally {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await queues?.close();
    redis?.disconnect();
    await own?.stop();
    await new Promise((r) => pages.server.close(r));
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = () => runMemoryBench(Number(process.env.MEMORY_BENCH_ARTICLES ?? 10_000));
export default bench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await bench()) console.log(JSON.stringify(f));
}
