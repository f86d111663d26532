import { getHeapStatistics } from 'node:v8';
import type { AppContext } from '../../src/cli/app-context.js';
import { ChipbriefError } from '../../src/errors.js';
import { readFeed } from '../feed-reader.js';
import type { JobContext } from '../job-context.js';
import { observeProcess } from '../observability/observe-process.js';
import { DEFAULT_TUNING, type QueueHooks, type WorkerTuning } from '../queue-hooks.js';
import { isQueueName, QUEUE_NAMES, type QueueName } from '../queue-names.js';
import { openQueueRuntime, openServices, serviceLogger } from '../queue-runtime.js';
import { shutdownSignal } from '../shutdown-signal.js';
import { startWorkers } from '../workers.js';

export function tuningOf(hooks: QueueHooks): WorkerTuning {
  return {
    ...DEFAULT_TUNING,
    ...hooks.tuning,
    concurrency: { ...DEFAULT_TUNING.concurrency, ...hooks.tuning?.concurrency },
  };
}

/** Parses `--queues a,b`; default: every queue (the answer queue only when answers are wired). */
export function selectQueues(list: string | undefined, hooks: QueueHooks): QueueName[] {
  const all = QUEUE_NAMES.filter((q) => q !== 'answer' || hooks.answer);
  if (!list) return all;
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = names.find((n) => !isQueueName(n));
  if (bad)
    throw new ChipbriefError('COMMAND_INVALID', `unknown queue "${bad}" — use ${QUEUE_NAMES.join(', ')}`);
  if (names.includes('answer') && !hooks.answer) {
    throw new ChipbriefError('COMMAND_INVALID', 'the answer queue is not available in this build');
  }
  return names as QueueName[];
}

/**
 * `chipbrief worker [--queues a,b]`: works the queues until SIGTERM/SIGINT, then stops gracefully
 * (running jobs get the grace period, then go back to the queue) and exits 0.
 */
export async function workerCommand(
  app: AppContext,
  hooks: QueueHooks,
  opts: { queues?: string },
): Promise<void> {
  const queueNames = selectQueues(opts.queues, hooks);
  const log = serviceLogger(app);
  const tuning = tuningOf(hooks);
  const stop = shutdownSignal(log, tuning.graceMs + 15_000);
  try {
    const { redis, queues } = await openQueueRuntime(app, 'service', log);
    const services = await openServices(app, hooks, log);
    await observeProcess(app, { role: 'worker', redis, queues, services, log });
    const ctx: JobContext = { services, queues, tuning, answer: hooks.answer };
    const pool = startWorkers(ctx, redis, { queues: queueNames, prefix: queues.prefix, readFeed, log });
    // The heap cap decides the worker's memory (see the Dockerfile): an operator reads it here.
    const heapLimitMb = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
    log.info({ queues: queueNames, pid: process.pid, heapLimitMb }, 'workers started');
    await stop.received;
    const { released } = await pool.close(tuning.graceMs);
    log.info({ released }, 'workers stopped');
  } finally {
    stop.dispose();
  }
}
