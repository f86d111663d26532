import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullJobId, logicalJobId } from './job-id.js';
import { JOB_POLICY } from './job-policy.js';
import { PAYLOADS, type PayloadInput, type Payloads } from './payloads.js';
import { QUEUE_NAMES, type QueueName } from './queue-names.js';

export interface Enqueued {
  /** The design's id (`article:<id>` ...). */
  logicalId: string;
  /** The BullMQ job id it maps to. */
  jobId: string;
  /** False when a job with this id already existed (waiting, running or retained): nothing was added. */
  added: boolean;
}

export interface EnqueueOptions {
  /** Run no earlier than this many ms from now. */
  delayMs?: number;
}

export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
  'completed',
  'failed',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface FailedJob {
  queue: QueueName;
  id: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

/**
 * The five queues on one Redis connection, with payload validation and the id mapping applied on every
 * add. The only way jobs enter the system.
 */
export class JobQueues {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    readonly connection: Redis,
    readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      // Errors surface on the awaited calls; the listener keeps EventEmitter from throwing.
      q.on('error', () => {});
      this.queues.set(name, q);
    }
    return q;
  }

  /**
   * Adds a job under its deterministic id; a second add with the same logical id is a no-op (BullMQ
   * keeps the first job while it is waiting, running or retained).
   */
  async add<Q extends QueueName>(
    name: Q,
    logicalId: string,
    payload: PayloadInput<Q>,
    options: EnqueueOptions = {},
  ): Promise<Enqueued> {
    const data = PAYLOADS[name].parse(payload) as Payloads[Q];
    const jobId = bullJobId(logicalId);
    const q = this.queue(name);
    // Only for reporting: the add below is what deduplicates, atomically in Redis.
    const existed = (await q.getJobState(jobId)) !== 'unknown';
    await q.add(name, data, { ...JOB_POLICY[name], jobId, delay: options.delayMs ?? 0 });
    return { logicalId, jobId, added: !existed };
  }

  /** Job counts per queue and state. */
  async counts(): Promise<Record<QueueName, Record<JobState, number>>> {
    const out = {} as Record<QueueName, Record<JobState, number>>;
    for (const name of QUEUE_NAMES) {
      const c = await this.queue(name).getJobCounts(...JOB_STATES);
      out[name] = Object.fromEntries(JOB_STATES.map((s) => [s, c[s] ?? 0])) as Record<JobState, number>;
    }
    return out;
  }

  /** The newest failed jobs of a queue with their one-line reasons. */
  async failed(name: QueueName, limit = 20): Promise<FailedJob[]> {
    const jobs = await this.queue(name).getFailed(0, limit - 1);
    return jobs.map((j) => ({
      queue: name,
      id: logicalJobId(j.id ?? ''),
      reason: j.failedReason ?? '',
      attempts: j.attemptsMade,
      failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    }));
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => {})));
    this.queues.clear();
  }
}
