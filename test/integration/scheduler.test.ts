import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeCron, { type ScheduledTask, type TaskOptions } from 'node-cron';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobQueues } from '../../jobs/job-queues.js';
import { localTime } from '../../jobs/local-time.js';
import { type CronSchedule, type Scheduler, startScheduler } from '../../jobs/scheduler.js';
import type { Store, Subscription } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { closeQueues, testQueues, waitFor } from '../support/queue-redis.js';

const log = pino({ level: 'silent' });
const noFilters = { firms: [], policies: [], keywords: [] };

function sub(channelId: string, time: string, tz: string): Subscription {
  return { platform: 'slack', workspaceId: 'T1', channelId, time, tz, filters: noFilters, createdBy: 'test' };
}

/** A node-cron stand-in that records tasks and lets the test fire them. */
function fakeCron() {
  const tasks: { expr: string; fn: () => void; opts: TaskOptions; destroyed: boolean }[] = [];
  const cron: CronSchedule = (expr, fn, opts) => {
    const t = { expr, fn, opts, destroyed: false };
    tasks.push(t);
    return {
      destroy() {
        t.destroyed = true;
      },
    } as unknown as ScheduledTask;
  };
  return { cron, live: () => tasks.filter((t) => !t.destroyed), tasks };
}

let dir: string;
let store: Store;
let queues: JobQueues;
const schedulers: Scheduler[] = [];
let now: Date;
const clock = { now: () => now };

async function scheduler(cron: CronSchedule): Promise<Scheduler> {
  const s = await startScheduler({ store, queues, clock, log, refreshMs: 60_000, cron });
  schedulers.push(s);
  return s;
}

async function digestJobs(): Promise<string[]> {
  const jobs = await queues.queue('digest').getJobs(['waiting', 'delayed', 'active', 'completed']);
  return jobs.map((j) => j.id ?? '').sort();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-sched-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
  queues = testQueues('sched');
});
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  await closeQueues(queues);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduler', () => {
  it('schedules each subscription at its time in its zone and fires one job per channel-day', async () => {
    now = new Date('2025-06-02T20:00:00Z'); // 05:00 on 3 June in Tokyo: before the 08:00 digest
    await store.upsertSubscription(sub('C0TOKYO', '08:00', 'Asia/Tokyo'));
    const fake = fakeCron();
    await scheduler(fake.cron);
    expect(fake.live().map((t) => [t.expr, t.opts.timezone])).toEqual([['0 8 * * *', 'Asia/Tokyo']]);
    expect(await digestJobs()).toEqual([]);

    now = new Date('2025-06-02T23:00:00Z'); // 08:00 in Tokyo
    fake.live()[0]!.fn();
    fake.live()[0]!.fn();
    await waitFor(async () => (await digestJobs()).length > 0, 10_000, 'the fired digest job');
    await new Promise((r) => setTimeout(r, 200));
    expect(await digestJobs()).toEqual(['digest|slack|C0TOKYO|2025-06-03']);
  });

  it('catches up on start: a digest whose time passed today is enqueued once, across three replicas', async () => {
    now = new Date('2025-06-03T14:30:00Z'); // 10:30 in New York
    await store.upsertSubscription(sub('C0NYC', '08:00', 'America/New_York'));
    await store.upsertSubscription(sub('C0LATE', '23:00', 'America/New_York'));
    for (let i = 0; i < 3; i++) await scheduler(fakeCron().cron);
    expect(await digestJobs()).toEqual(['digest|slack|C0NYC|2025-06-03']);
    const counts = await queues.counts();
    expect(counts.digest.waiting).toBe(1);
  });

  it('picks up subscriptions added, changed and removed at runtime', async () => {
    now = new Date('2025-06-03T06:00:00Z'); // 06:00 UTC
    const fake = fakeCron();
    const s = await scheduler(fake.cron);
    expect(s.scheduled()).toEqual([]);

    await store.upsertSubscription(sub('C0NEW', '09:30', 'UTC'));
    await s.refresh();
    expect(s.scheduled()).toEqual(['slack/C0NEW']);
    expect(fake.live().map((t) => t.expr)).toEqual(['30 9 * * *']);

    await store.upsertSubscription(sub('C0NEW', '05:15', 'UTC'));
    await s.refresh();
    expect(fake.live().map((t) => t.expr)).toEqual(['15 5 * * *']);
    expect(fake.tasks).toHaveLength(2);
    // Moved to a time already passed today: caught up.
    expect(await digestJobs()).toEqual(['digest|slack|C0NEW|2025-06-03']);

    await store.removeSubscription('slack', 'C0NEW');
    await s.refresh();
    expect(s.scheduled()).toEqual([]);
    expect(fake.live()).toEqual([]);
  });

  it('skips a subscription with an unknown time zone and keeps the others', async () => {
    now = new Date('2025-06-03T12:00:00Z');
    await store.upsertSubscription(sub('C0BAD', '08:00', 'Mars/Olympus_Mons'));
    await store.upsertSubscription(sub('C0OK', '08:00', 'Europe/Amsterdam'));
    const s = await scheduler(fakeCron().cron);
    expect(s.scheduled()).toEqual(['slack/C0OK']);
  });

  it('polls each source once per interval slot, whatever the number of replicas', async () => {
    now = new Date('2025-06-03T12:01:00Z');
    const src = await store.addSource({
      kind: 'rss',
      url: 'https://feeds.example.test/chips.xml',
      name: 'Chips feed',
      enabled: true,
      addedBy: 'test',
      priority: 0,
      pollMinutes: 15,
    });
    const a = await scheduler(fakeCron().cron);
    const b = await scheduler(fakeCron().cron);
    await a.refresh();
    await b.refresh();
    const polls = async () => (await queues.queue('poll').getJobs(['waiting'])).map((j) => j.id).sort();
    const slot = Math.floor(now.getTime() / (15 * 60_000));
    expect(await polls()).toEqual([`poll|${src.id}|${slot}`]);
    now = new Date('2025-06-03T12:16:00Z');
    await a.refresh();
    await b.refresh();
    expect(await polls()).toEqual([`poll|${src.id}|${slot}`, `poll|${src.id}|${slot + 1}`]);
  });

  it('real node-cron fires at the subscription time in its zone', async () => {
    now = new Date();
    await store.upsertSubscription(sub('C0REAL', '07:45', 'America/Los_Angeles'));
    let task: ScheduledTask | undefined;
    const s = await scheduler((expr, fn, opts) => {
      task = nodeCron.schedule(expr, fn, opts);
      return task;
    });
    expect(s.scheduled()).toEqual(['slack/C0REAL']);
    const next = task?.getNextRun();
    expect(next).toBeInstanceOf(Date);
    expect(localTime(next!, 'America/Los_Angeles').time).toBe('07:45');
  });
});
