import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { bullJobId } from '../../jobs/job-id.js';
import { JobQueues } from '../../jobs/job-queues.js';
import { localTime } from '../../jobs/local-time.js';
import { digestId } from '../../src/digests/digest.js';
import type { DigestRecord, Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CapturingPlatform } from '../fakes/capturing-platform.js';
import { ingestFiles, midDayZone, writeCorpus } from '../support/queue-corpus.js';
import { killAll, type Proc, spawnChipbrief } from '../support/queue-procs.js';
import { completedJob, uniquePrefix, waitFor } from '../support/queue-redis.js';

/**
 * `chipbrief serve` replicas: three independent schedulers (real processes) on one Redis and one
 * store produce one digest job and one posted message, even when the process that posted dies
 * before recording it. A serve started after the digest time catches up once.
 */
const tuning = {
  refreshMs: 500,
  lockDurationMs: 3_000,
  stalledIntervalMs: 1_000,
  maxStalledCount: 3,
  briefDelayMs: 0,
  graceMs: 2_000,
};
let dir: string;
let corpus: string[];
const procs: Proc[] = [];
const tz = midDayZone();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-serve-'));
  corpus = writeCorpus(dir, 6);
});
afterEach(async () => {
  await killAll(procs.splice(0));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Setup {
  env: Record<string, string>;
  db: string;
  channel: string;
  id: string;
  queues: JobQueues;
  close(): Promise<void>;
}

/**
 * A store with stories first seen an hour ago, and a config subscribing `channel` at a local time a
 * few minutes ago: the digest time has passed today, and its window holds the stories.
 */
async function setup(name: string, extraSubs: object[] = []): Promise<Setup> {
  const db = join(dir, `${name}.db`);
  await ingestFiles(db, corpus, new Date(Date.now() - 3_600_000));
  const time = localTime(new Date(Date.now() - 3 * 60_000), tz).time;
  const channel = `C0${name.toUpperCase()}`;
  const configPath = join(dir, `${name}.config.json`);
  writeFileSync(
    configPath,
    JSON.stringify({
      subscriptions: [{ platform: 'slack', channelId: channel, time, tz }, ...extraSubs],
    }),
  );
  const env = {
    REDIS_URL: inject('redisUrl'),
    CHIPBRIEF_QUEUE_PREFIX: uniquePrefix(name),
    CHIPBRIEF_DB: db,
    CHIPBRIEF_CONFIG: configPath,
    CHIPBRIEF_LLM: 'off',
    CHIPBRIEF_CONCURRENCY: '2',
  };
  const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  const queues = new JobQueues(redis, env.CHIPBRIEF_QUEUE_PREFIX);
  return {
    env,
    db,
    channel,
    id: digestId('slack', channel, localTime(new Date(), tz).date),
    queues,
    async close() {
      await queues.close();
      redis.disconnect();
    },
  };
}

async function digestJobIds(queues: JobQueues): Promise<string[]> {
  const jobs = await queues.queue('digest').getJobs(['waiting', 'active', 'delayed', 'completed', 'failed']);
  return jobs.map((j) => j.id ?? '');
}

async function postedRecord(store: Store, id: string): Promise<DigestRecord | null> {
  const r = await store.getDigest(id);
  return r?.postedAt ? r : null;
}

async function stopAll(list: Proc[]): Promise<void> {
  for (const p of list) p.child.kill('SIGTERM');
  for (const p of list) expect(await p.exited).toBe(0);
}

describe('serve replicas', () => {
  it('three serve processes make one digest job and one message, though the poster dies before recording', async () => {
    const s = await setup('crash');
    const file = join(dir, 'crash.posts.jsonl');
    const marker = join(dir, 'crash.marker');
    const platform = new CapturingPlatform({ file });
    try {
      const capture = { file, platform: 'slack', crashAfterPost: { mode: 'kill', marker } };
      const serves = [0, 1, 2].map(() =>
        spawnChipbrief(['serve'], { env: s.env, hooks: { tuning, capture } }),
      );
      procs.push(...serves);
      // The replica that posts may die before it logs that it started.
      await Promise.all(
        serves.map((p) =>
          p.waitForLog('serve started').catch((err) => {
            if (p.child.signalCode !== 'SIGKILL') throw err;
          }),
        ),
      );
      const store = openSqliteStore(s.db);
      try {
        const rec = await waitFor(() => postedRecord(store, s.id), 60_000, 'the digest to be recorded');
        expect(existsSync(marker)).toBe(true);
        const crashedPid = Number(readFileSync(marker, 'utf8'));
        const crashed = serves.find((p) => p.child.pid === crashedPid)!;
        expect(await crashed.exited).toBe('SIGKILL');
        const posts = platform.digests();
        expect(posts).toHaveLength(1);
        expect(posts[0]!.pid).toBe(crashedPid);
        expect(rec.messageRef).toBe(posts[0]!.ref);
        // Another replica took the dead one's job over and found the message instead of posting again.
        // The record is written before the job completes: wait for the job's own state.
        const job = await completedJob(
          s.queues.queue('digest'),
          bullJobId(s.id),
          30_000,
          'the digest job completed',
        );
        expect(job?.returnvalue).toMatchObject({ status: 'recovered', messageRef: posts[0]!.ref });
        // A few scheduler refreshes later (every replica re-checks what is due): still one job, one message.
        await new Promise((r) => setTimeout(r, 1_500));
        expect(await digestJobIds(s.queues)).toEqual([bullJobId(s.id)]);
        expect(platform.digests()).toHaveLength(1);
        expect(posts[0]).toMatchObject({ digestId: s.id, channelId: s.channel });
        expect(posts[0]!.storyIds.length).toBeGreaterThan(0);
        await stopAll(serves.filter((p) => p !== crashed));
      } finally {
        await store.close();
      }
    } finally {
      await s.close();
    }
  }, 120_000);

  it('a serve started after the digest time enqueues today’s digest once', async () => {
    const s = await setup('catchup', [{ platform: 'slack', channelId: 'C0LATER', time: '23:30', tz }]);
    try {
      const first = spawnChipbrief(['serve', '--no-worker'], { env: s.env, hooks: { tuning } });
      procs.push(first);
      await first.waitForLog('serve started');
      await waitFor(async () => (await digestJobIds(s.queues)).length > 0, 10_000, 'the catch-up job');
      await stopAll([first]);
      const second = spawnChipbrief(['serve', '--no-worker'], { env: s.env, hooks: { tuning } });
      procs.push(second);
      await second.waitForLog('serve started');
      await new Promise((r) => setTimeout(r, 1_500));
      await stopAll([second]);
      // Today's digest once; the subscription whose time is still ahead is not enqueued.
      expect(await digestJobIds(s.queues)).toEqual([bullJobId(s.id)]);
      expect(second.stderr()).toContain('digest already enqueued');
    } finally {
      await s.close();
    }
  }, 120_000);
});
