import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobQueues } from '../../jobs/job-queues.js';
import { articleId } from '../../src/articles/identity.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { killAll, type Proc, spawnChipbrief } from '../support/queue-procs.js';
import { uniquePrefix, waitFor } from '../support/queue-redis.js';
import { articlePage, FILLER, type PageCase } from './cases.js';
import { MARKUP_PAGES } from './markup-cases.js';
import { REFUSED_PAGES } from './page-cases.js';
import type { Route } from './server.js';
import { HostileServer } from './server.js';

/**
 * A subset of the hostile inputs through the real queue, as a user runs it: `chipbrief enqueue` and a
 * `chipbrief worker` process (private networks not allowed). The worker must survive every one, the
 * queue must drain with the bad jobs failed for good with one-line reasons, the good article stored
 * first must still be there, and a good article enqueued after them must still be processed.
 */
const MAX_FILE = 20 * 1024 * 1024;

let dir: string;
let server: HostileServer;
let worker: Proc;
const procs: Proc[] = [];
const env: Record<string, string> = {};

interface Job {
  name: string;
  input: string;
  /** Codes the failed job's reason may start with, or 'completed'. */
  expect: string[] | 'completed';
}

/** Writes a case's page to a file (the worker reads files), or keeps its URL when it is a redirect. */
async function materialise(c: PageCase): Promise<Job> {
  let route: Route | null = null;
  let path = '';
  const shim = {
    add: (p: string, r: Route) => {
      route = r;
      path = p;
      return server.add(p, r);
    },
    origin: server.origin,
  };
  const url = c.input({ server: shim as unknown as HostileServer, dir });
  const r = route as Route | null;
  if (!r || (r.status ?? 200) !== 200) {
    // Served from 127.0.0.1: with private networks off the first hop is refused already.
    return { name: c.name, input: url, expect: ['FETCH_REFUSED'] };
  }
  const file = join(dir, `${path.replace(/\W+/g, '-')}.html`);
  const body = r.body;
  if (typeof body === 'function') {
    const out = createWriteStream(file);
    for (const chunk of body())
      if (!out.write(chunk)) await new Promise<void>((ok) => out.once('drain', () => ok()));
    await new Promise<void>((ok) => out.end(() => ok()));
  } else writeFileSync(file, body ?? '');
  const expected =
    c.expect === 'result' ? 'completed' : statSync(file).size > MAX_FILE ? ['INPUT_UNSUPPORTED'] : c.expect;
  return { name: c.name, input: file, expect: expected };
}

function run(args: string[], hooks: object | null = null): Proc {
  const p = spawnChipbrief(args, { env, hooks });
  procs.push(p);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cb-hostile-queue-'));
  server = await HostileServer.start();
  Object.assign(env, {
    REDIS_URL: inject('redisUrl'),
    CHIPBRIEF_QUEUE_PREFIX: uniquePrefix('hostile'),
    CHIPBRIEF_DB: join(dir, 'queue.db'),
    CHIPBRIEF_LLM: 'off',
    CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'false',
    LOG_LEVEL: 'info',
  });
});

afterAll(async () => {
  await killAll(procs);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile inputs through the queue', () => {
  it('fail for good with reasons while the worker keeps working and nothing stored is lost', async () => {
    const good = join(dir, 'good.html');
    writeFileSync(
      good,
      articlePage('Chip subsidies reach a second round', [FILLER[0]!, FILLER[1]!, FILLER[2]!]),
    );
    const later = join(dir, 'later.html');
    writeFileSync(later, articlePage('Licence reviews slow tool exports', [FILLER[2]!, FILLER[0]!]));
    const jobs: Job[] = [];
    for (const c of [...REFUSED_PAGES, ...MARKUP_PAGES].filter((x) => x.queue))
      jobs.push(await materialise(c));
    jobs.push({ name: 'a private address', input: 'http://10.0.0.5/admin', expect: ['FETCH_REFUSED'] });
    jobs.push({
      name: 'cloud metadata',
      input: 'http://169.254.169.254/latest/meta-data/',
      expect: ['FETCH_REFUSED'],
    });

    worker = run(['worker']);
    await worker.waitForLog('workers started');
    const first = run(['enqueue', good]);
    expect(await first.exited).toBe(0);
    const bad = run(['enqueue', ...jobs.map((j) => j.input)]);
    expect(await bad.exited, bad.stderr()).toBe(0);
    const after = run(['enqueue', later]);
    expect(await after.exited).toBe(0);

    const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queues = new JobQueues(redis, env.CHIPBRIEF_QUEUE_PREFIX!);
    try {
      const total = jobs.length + 2;
      await waitFor(
        async () => {
          const c = await queues.counts();
          const briefs = c.brief.waiting + c.brief.active + c.brief.delayed;
          return c.article.completed + c.article.failed === total && briefs === 0;
        },
        60_000,
        'the queue to drain',
      );
      const c = await queues.counts();
      const completed = jobs.filter((j) => j.expect === 'completed').length + 2;
      expect(c.article.completed).toBe(completed);
      expect(c.article.failed).toBe(total - completed);
    } finally {
      await queues.close();
      redis.disconnect();
    }
    expect(worker.child.exitCode, worker.stderr().slice(-2000)).toBeNull();

    const status = run(['queues', '--json', '--failed']);
    expect(await status.exited).toBe(0);
    const failed = (JSON.parse(status.stdout()) as { failed: { reason: string; attempts: number }[] }).failed;
    for (const f of failed) {
      expect(f.reason).toMatch(/^[A-Z_]+: [^\n]+$/);
      // Permanent: no retries of input that cannot change.
      expect(f.attempts).toBe(1);
    }
    const reasons = failed.map((f) => f.reason.split(':')[0]!).sort();
    const wanted = jobs.filter((j) => j.expect !== 'completed').map((j) => j.expect as string[]);
    expect(reasons).toHaveLength(wanted.length);
    for (const codes of wanted) {
      const i = reasons.findIndex((r) => codes.includes(r));
      expect(i, `a failure with ${codes.join('|')} among ${reasons.join(', ')}`).toBeGreaterThanOrEqual(0);
      reasons.splice(i, 1);
    }

    const store = openSqliteStore(env.CHIPBRIEF_DB!);
    try {
      for (const f of [good, later]) {
        expect(await store.getArticle(articleId(pathToFileURL(f).href, ''))).not.toBeNull();
      }
    } finally {
      await store.close();
    }
    console.log(`hostile inputs through the queue: ${jobs.length} tried, ${jobs.length} held`);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  }, 120_000);
});
