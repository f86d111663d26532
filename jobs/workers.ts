import { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../src/log.js';
import { settlesWithin } from '../src/settles-within.js';
import type { JobContext } from './job-context.js';
import { logicalJobId } from './job-id.js';
import { jobProcessor } from './job-processor.js';
import { runAnswerJob } from './processors/answer-job.js';
import { runArticleJob } from './processors/article-job.js';
import { runBriefJob } from './processors/brief-job.js';
import { runDigestJob } from './processors/digest-job.js';
import { type FeedReader, runPollJob } from './processors/poll-job.js';
import type { QueueName } from './queue-names.js';

/** Longest wait for one shutdown step of BullMQ's (pause, close, disconnect). */
const STEP_MS = 3_000;

/** Waits for one shutdown step up to STEP_MS; false (and a warning) when it did not end in time. */
async function bounded(p: Promise<unknown>, log: Logger, step: string): Promise<boolean> {
  const done = await settlesWithin(p, STEP_MS);
  if (!done) log.warn({ step, ms: STEP_MS }, 'worker shutdown step timed out: going on');
  return done;
}

export interface WorkerPool {
  readonly queues: readonly QueueName[];
  /** Jobs running in this process now. */
  active(): number;
  /**
   * Graceful stop: take no new job, let running ones finish for up to `graceMs`, then hand the rest
   * back to the queue (another worker or the next start takes them at once) and close.
   * Returns how many jobs were handed back.
   */
  close(graceMs: number): Promise<{ released: number }>;
}

function processorFor(
  name: QueueName,
  ctx: JobContext,
  readFeed: FeedReader,
): (job: Job) => Promise<unknown> {
  switch (name) {
    case 'poll':
      return jobProcessor('poll', (p) => runPollJob(p, ctx, readFeed));
    case 'article':
      return jobProcessor('article', (p) => runArticleJob(p, ctx));
    case 'brief':
      return jobProcessor('brief', (p) => runBriefJob(p, ctx));
    case 'digest':
      return jobProcessor('digest', (p) => runDigestJob(p, ctx));
    case 'answer':
      return jobProcessor('answer', (p, job) => runAnswerJob(p, ctx, job));
  }
}

/**
 * One BullMQ Worker per queue on a shared connection (each Worker adds its own blocking connection),
 * concurrency from CHIPBRIEF_CONCURRENCY unless tuned per queue.
 */
export function startWorkers(
  ctx: JobContext,
  connection: Redis,
  options: { queues: readonly QueueName[]; prefix: string; readFeed: FeedReader; log: Logger },
): WorkerPool {
  const { log } = options;
  const running = new Map<string, { job: Job; token: string | undefined }>();
  const workers = options.queues.map((name) => {
    const run = processorFor(name, ctx, options.readFeed);
    const worker = new Worker(
      name,
      async (job: Job, token?: string) => {
        const key = `${name}/${job.id}`;
        running.set(key, { job, token });
        try {
          return await run(job);
        } finally {
          running.delete(key);
        }
      },
      {
        connection,
        prefix: options.prefix,
        concurrency: ctx.tuning.concurrency[name] ?? ctx.services.config.CHIPBRIEF_CONCURRENCY,
        lockDuration: ctx.tuning.lockDurationMs,
        stalledInterval: ctx.tuning.stalledIntervalMs,
        maxStalledCount: ctx.tuning.maxStalledCount,
      },
    );
    worker.on('failed', (job, err) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || err.name === 'UnrecoverableError';
      log[final ? 'warn' : 'info'](
        {
          queue: name,
          job: job?.id ? logicalJobId(job.id) : null,
          attempt: job?.attemptsMade,
          reason: err.message,
        },
        final ? 'job failed' : 'job failed, will retry',
      );
    });
    worker.on('stalled', (jobId) =>
      log.warn({ queue: name, job: logicalJobId(jobId) }, 'job stalled, requeued'),
    );
    // Connection errors while Redis restarts: the worker reconnects on its own; redis.ts logs the outage.
    worker.on('error', (err) => log.debug({ queue: name, err: err.message }, 'worker error'));
    return worker;
  });

  return {
    queues: options.queues,
    active: () => running.size,
    async close(graceMs) {
      // BullMQ's pause and close can wait forever on a blocking connection that Redis dropped (a
      // restart or failover while running): each step gets a bound, so a stop always ends.
      await bounded(Promise.all(workers.map((w) => w.pause(true).catch(() => {}))), log, 'pause');
      const until = Date.now() + graceMs;
      while (running.size > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      const unfinished = [...running.values()].map(({ job, token }) => ({
        queue: job.queueName,
        id: job.id,
        token,
      }));
      // Stop every worker before handing jobs back: a paused worker's pending fetch could take them again.
      const closing = Promise.all(workers.map((w) => w.close(unfinished.length > 0).catch(() => {})));
      if (!(await bounded(closing, log, 'close'))) {
        await bounded(Promise.all(workers.map((w) => w.disconnect().catch(() => {}))), log, 'disconnect');
      }
      let released = 0;
      const handBack = async () => {
        for (const u of unfinished) {
          if (!u.id) continue;
          const queue = new Queue(u.queue, { connection, prefix: options.prefix });
          try {
            const job = await Job.fromId(queue, u.id);
            await job?.moveToWait(u.token);
            released++;
          } catch (err) {
            // Lock already lost: the stalled-job check requeues it.
            log.debug({ job: logicalJobId(u.id), err: (err as Error).message }, 'could not hand job back');
          } finally {
            await queue.close().catch(() => {});
          }
        }
      };
      // With Redis gone the hand-back cannot happen: the locks expire and the stalled check requeues.
      await bounded(handBack(), log, 'hand back');
      if (released) log.info({ released }, 'handed unfinished jobs back to the queue');
      return { released };
    },
  };
}
