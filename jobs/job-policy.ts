import type { JobsOptions } from 'bullmq';
import type { QueueName } from './queue-names.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * Retries and retention per queue.
 *
 * Retention bounds Redis memory (age in seconds and a count cap) while keeping failed jobs long enough
 * for an operator to read their one-line reason. A deterministic job id only deduplicates while the
 * finished job is retained: after that a repeated enqueue runs again, and the store's idempotency is
 * the real guarantee (an article already stored is `seen` and not fetched again; a digest already
 * posted is found by its record and not posted again). The windows below are chosen so the common
 * repeats (a feed listing the same link for days, `serve` catch-up on restart, three replicas firing
 * the same cron) hit a retained job and cost nothing.
 */
export const JOB_POLICY: Record<QueueName, JobsOptions> = {
  poll: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: DAY, count: 2_000 },
    removeOnFail: { age: 7 * DAY, count: 2_000 },
  },
  article: {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    // A week of article ids: feeds rarely list an item longer than that.
    removeOnComplete: { age: 7 * DAY, count: 50_000 },
    removeOnFail: { age: 14 * DAY, count: 10_000 },
  },
  brief: {
    attempts: 4,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 2 * DAY, count: 10_000 },
    removeOnFail: { age: 14 * DAY, count: 5_000 },
  },
  digest: {
    // Platform outages: ~8 attempts spread over about 20 minutes before giving up.
    attempts: 8,
    backoff: { type: 'exponential', delay: 10_000 },
    // Longer than a day, so catch-up after a restart the next morning still dedupes by id.
    removeOnComplete: { age: 3 * DAY, count: 10_000 },
    removeOnFail: { age: 30 * DAY, count: 5_000 },
  },
  answer: {
    // Someone is waiting for the answer: retry quickly, give up soon.
    attempts: 3,
    backoff: { type: 'exponential', delay: 1_000 },
    // Slack and Discord redeliver an unacknowledged event within minutes.
    removeOnComplete: { age: DAY, count: 10_000 },
    removeOnFail: { age: 7 * DAY, count: 5_000 },
  },
};
