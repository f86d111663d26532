import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { articleInput } from '../../jobs/article-input.js';
import { articleJobId } from '../../jobs/job-id.js';
import { JobQueues } from '../../jobs/job-queues.js';
import type { Store } from '../../src/store/port.js';
import { type PageServer, startPageServer } from './queue-pages.js';
import { killAll, type Proc, spawnChipbrief } from './queue-procs.js';
import { uniquePrefix, waitFor } from './queue-redis.js';

/** The store the workers share, as one crash test sets it up. */
export interface CrashStore<S extends Store> {
  /** Prefix of the test's queue names (unique per run). */
  label: string;
  /** Env of the worker processes that selects the store; called once before the test. */
  env(): Promise<Record<string, string>>;
  /** The test's own connection to that store, to watch and check it. */
  open(env: Record<string, string>): Promise<S>;
  /** Checks of the store particular to it, after every article is found exactly once. */
  check?(store: S, articles: number): Promise<void>;
  /** Removes the store after the test. */
  remove(): Promise<void>;
}

const N = 500;
// Short enough that the dead worker's jobs come back in seconds, long enough that a live worker on a
// busy machine still renews its locks in time.
const tuning = {
  lockDurationMs: 5_000,
  stalledIntervalMs: 2_000,
  maxStalledCount: 3,
  briefDelayMs: 0,
  graceMs: 2_000,
};

/**
 * Promise 4 under a crash, over any store: 500 articles, each enqueued twice, worked by two worker
 * processes sharing the store; one worker is SIGKILLed mid-run. The survivor recovers the dead worker's
 * jobs (stalled-job check) and the store ends with every article exactly once.
 */
export function describeQueueCrash<S extends Store>(title: string, shared: CrashStore<S>): void {
  let pages: PageServer;
  let env: Record<string, string>;
  const procs: Proc[] = [];

  beforeAll(async () => {
    pages = await startPageServer(N);
    env = {
      REDIS_URL: inject('redisUrl'),
      CHIPBRIEF_QUEUE_PREFIX: uniquePrefix(shared.label),
      ...(await shared.env()),
      CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: 'true',
      CHIPBRIEF_CONCURRENCY: '4',
      CHIPBRIEF_LLM: 'off',
    };
  });

  afterAll(async () => {
    await killAll(procs);
    await pages.close();
    await shared.remove();
  });

  describe(title, () => {
    it('stores 500 articles exactly once with one worker killed mid-run, losing no job', async () => {
      const a = spawnChipbrief(['worker'], { env, hooks: { tuning } });
      const b = spawnChipbrief(['worker'], { env, hooks: { tuning } });
      procs.push(a, b);
      await Promise.all([a.waitForLog('workers started'), b.waitForLog('workers started')]);

      const urls = Array.from({ length: N }, (_, i) => pages.url(i));
      const first = spawnChipbrief(['enqueue', ...urls], { env, hooks: {} });
      procs.push(first);
      expect(await first.exited).toBe(0);
      expect(first.stdout()).toMatch(/500 article jobs added, 0 already queued/);

      const store = await shared.open(env);
      try {
        // Kill one worker once it is well into the backlog.
        await waitFor(async () => (await store.stats()).articles >= 60, 60_000, '60 articles stored');
        a.child.kill('SIGKILL');
        expect(await a.exited).toBe('SIGKILL');

        const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: null });
        const queues = new JobQueues(redis, env.CHIPBRIEF_QUEUE_PREFIX!);
        try {
          // The second time each article is enqueued (with tracking parameters, a different spelling of
          // the same page) while the backlog is worked: every add is a no-op.
          let added = 0;
          for (const u of urls) {
            const a = articleInput(`${u}?utm_source=newsletter&utm_medium=email`, '/');
            if ((await queues.add('article', articleJobId(a.articleId), { input: a.input })).added) added++;
          }
          expect(added).toBe(0);
          const drained = await waitFor(
            async () => {
              const c = await queues.counts();
              const busy = (['article', 'brief'] as const).some(
                (q) => c[q].waiting + c[q].active + c[q].delayed + c[q].prioritized > 0,
              );
              return !busy && c.article.completed + c.article.failed === N ? c : null;
            },
            90_000,
            'the backlog to drain',
          );
          expect(drained.article).toMatchObject({ completed: N, failed: 0, active: 0, waiting: 0 });
          expect(drained.brief.failed).toBe(0);
        } finally {
          await queues.close();
          redis.disconnect();
        }

        const stats = await store.stats();
        expect(stats.articles).toBe(N);
        for (let i = 0; i < N; i++) {
          const id = articleInput(pages.url(i), '/').articleId;
          const stored = await store.getArticle(id);
          expect(stored?.title, `article ${i}`).toContain(`order ${i} `);
          expect(stored?.storyId, `story of article ${i}`).not.toBeNull();
        }
        // Processed once: every page fetched, and at most the killed worker's in-flight pages twice.
        const fetches = urls.map((u) => pages.hits.get(new URL(u).pathname) ?? 0);
        expect(Math.min(...fetches)).toBe(1);
        expect(fetches.filter((n) => n > 1).length).toBeLessThanOrEqual(8);
        expect(stats.briefs).toBeGreaterThan(0);
        await shared.check?.(store, N);
      } finally {
        await store.close();
      }

      // The dead worker's in-flight jobs were found by the survivor's stalled-job check.
      expect(b.stderr()).toContain('job stalled, requeued');
      // The survivor stops gracefully on SIGTERM.
      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
    }, 150_000);
  });
}
