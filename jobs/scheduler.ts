import nodeCron, { type ScheduledTask, type TaskOptions } from 'node-cron';
import { digestId } from '../src/digests/digest.js';
import { oneLine } from '../src/errors.js';
import type { Logger } from '../src/log.js';
import type { Clock } from '../src/ports.js';
import type { Store, Subscription } from '../src/store/port.js';
import { pollJobId } from './job-id.js';
import type { JobQueues } from './job-queues.js';
import { dailyCron, isValidTimeZone, localTime } from './local-time.js';

export type CronSchedule = (expression: string, fn: () => void, options: TaskOptions) => ScheduledTask;

export interface SchedulerDeps {
  store: Store;
  queues: JobQueues;
  clock: Clock;
  log: Logger;
  /** How often subscriptions and sources are re-read (changes apply without a restart). */
  refreshMs: number;
  /** node-cron's `schedule` (injected in unit tests). */
  cron?: CronSchedule;
}

export interface Scheduler {
  /** Re-reads subscriptions and sources now; enqueues what is due. */
  refresh(): Promise<void>;
  /** Subscriptions with a live cron task, as `platform/channel`. */
  scheduled(): string[];
  stop(): Promise<void>;
}

interface Entry {
  signature: string;
  task: ScheduledTask;
  sub: Subscription;
}

/**
 * The `serve` scheduler. Each subscription gets a daily node-cron task at its HH:MM in its time zone;
 * each source is polled once per `pollMinutes` slot. Everything is enqueued under deterministic ids
 * (`digest:<platform>:<channel>:<date>`, `poll:<source>:<slot>`), so any number of replicas running
 * this produce one job each.
 *
 * Catch-up: on every refresh, a subscription whose time has passed today and whose digest this process
 * has not enqueued yet is enqueued — after a restart, after a missed tick (Redis down at 08:00), and
 * for a subscription added after its time. The job id makes repeats no-ops, and the digest record
 * makes a posted digest final even after the job is no longer retained.
 */
export async function startScheduler(deps: SchedulerDeps): Promise<Scheduler> {
  const { store, queues, clock, log } = deps;
  const cron: CronSchedule = deps.cron ?? ((expr, fn, opts) => nodeCron.schedule(expr, fn, opts));
  const entries = new Map<string, Entry>();
  const enqueuedFor = new Map<string, string>();
  const polledSlot = new Map<string, number>();
  const badZones = new Set<string>();
  let refreshing: Promise<void> | null = null;
  let stopped = false;

  async function enqueueDigest(sub: Subscription, date: string, why: string): Promise<void> {
    const key = `${sub.platform}/${sub.channelId}`;
    const id = digestId(sub.platform, sub.channelId, date);
    const r = await queues.add('digest', id, { platform: sub.platform, channelId: sub.channelId, date });
    enqueuedFor.set(key, date);
    log.info({ job: id, why, added: r.added }, r.added ? 'digest enqueued' : 'digest already enqueued');
  }

  function fire(key: string): void {
    const e = entries.get(key);
    if (!e || stopped) return;
    const date = localTime(clock.now(), e.sub.tz).date;
    enqueueDigest(e.sub, date, 'cron').catch((err) =>
      log.warn({ subscription: key, err: oneLine(err) }, 'digest enqueue failed; retried on next refresh'),
    );
  }

  async function syncSubscriptions(): Promise<void> {
    const subs = await store.listSubscriptions();
    const seen = new Set<string>();
    for (const sub of subs) {
      const key = `${sub.platform}/${sub.channelId}`;
      seen.add(key);
      if (!isValidTimeZone(sub.tz)) {
        if (!badZones.has(sub.tz))
          log.warn({ subscription: key, tz: sub.tz }, 'unknown time zone; not scheduled');
        badZones.add(sub.tz);
        continue;
      }
      const signature = `${sub.time}|${sub.tz}`;
      const current = entries.get(key);
      if (current?.signature !== signature) {
        if (current) await current.task.destroy();
        const task = cron(dailyCron(sub.time), () => fire(key), {
          timezone: sub.tz,
          name: `digest ${key}`,
          noOverlap: true,
        });
        entries.set(key, { signature, task, sub });
        log.info(
          { subscription: key, time: sub.time, tz: sub.tz },
          current ? 'schedule changed' : 'scheduled',
        );
      } else {
        current.sub = sub;
      }
      const now = localTime(clock.now(), sub.tz);
      if (now.time >= sub.time && enqueuedFor.get(key) !== now.date)
        await enqueueDigest(sub, now.date, 'catch-up');
    }
    for (const [key, e] of entries) {
      if (seen.has(key)) continue;
      await e.task.destroy();
      entries.delete(key);
      enqueuedFor.delete(key);
      log.info({ subscription: key }, 'unscheduled');
    }
  }

  async function pollSources(): Promise<void> {
    const nowMs = clock.now().getTime();
    for (const source of await store.listSources()) {
      if (!source.enabled) continue;
      const slot = Math.floor(nowMs / (Math.max(1, source.pollMinutes) * 60_000));
      if (polledSlot.get(source.id) === slot) continue;
      await queues.add('poll', pollJobId(source.id, slot), { sourceId: source.id });
      polledSlot.set(source.id, slot);
    }
  }

  async function refreshOnce(): Promise<void> {
    for (const step of [syncSubscriptions, pollSources]) {
      try {
        await step();
      } catch (err) {
        log.warn(
          { step: step.name, err: oneLine(err) },
          'scheduler refresh failed; retrying on next refresh',
        );
      }
    }
  }

  function refresh(): Promise<void> {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  await refresh();
  const timer = setInterval(() => {
    if (!stopped) void refresh();
  }, deps.refreshMs);

  return {
    refresh,
    scheduled: () => [...entries.keys()],
    async stop() {
      stopped = true;
      clearInterval(timer);
      await refreshing;
      for (const e of entries.values()) await e.task.destroy();
      entries.clear();
    },
  };
}
