import { randomBytes } from 'node:crypto';
import type { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { JobQueues } from '../../jobs/job-queues.js';

/** A BullMQ key prefix no other test uses (tests share the private Redis of the global setup). */
export function uniquePrefix(label: string): string {
  return `t_${label}_${randomBytes(4).toString('hex')}`;
}

/** Queues on the test Redis under a fresh prefix; close with `closeQueues`. */
export function testQueues(label: string, url = inject('redisUrl')): JobQueues {
  const redis = new Redis(url, { maxRetriesPerRequest: null });
  return new JobQueues(redis, uniquePrefix(label));
}

export async function closeQueues(queues: JobQueues): Promise<void> {
  await queues.close();
  queues.connection.disconnect();
}

/** Polls `check` until it returns a truthy value or `ms` pass. */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  ms: number,
  what = 'condition',
): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${ms} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
  );
}

/**
 * The job once BullMQ has completed it. Its state is read first: a job object fetched a moment before
 * it completes carries no return value.
 */
export function completedJob(queue: Queue, jobId: string, ms: number, what: string): Promise<Job> {
  return waitFor(
    async () =>
      (await queue.getJobState(jobId)) === 'completed' ? ((await queue.getJob(jobId)) ?? null) : null,
    ms,
    what,
  );
}
