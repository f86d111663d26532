import type { AppContext } from '../../src/cli/app-context.js';
import { oneLine } from '../../src/errors.js';
import { queueCommandSink } from '../command-sink.js';
import { readFeed } from '../feed-reader.js';
import type { JobContext } from '../job-context.js';
import { meteredSink } from '../observability/metered.js';
import { observeProcess } from '../observability/observe-process.js';
import type { QueueHooks, RunningAdapter } from '../queue-hooks.js';
import { openQueueRuntime, openServices, serviceLogger } from '../queue-runtime.js';
import { startScheduler } from '../scheduler.js';
import { shutdownSignal } from '../shutdown-signal.js';
import { syncConfigToStore } from '../sync-config.js';
import { startWorkers, type WorkerPool } from '../workers.js';
import { selectQueues, tuningOf } from './worker-command.js';

/**
 * `chipbrief serve`: the scheduler (subscriptions' digests, sources' polls), the platform adapters
 * configured by the composition root, and — unless `--no-worker` — the workers, so one process is a
 * whole deployment. Any number of serve processes may run: every job has a deterministic id.
 */
export async function serveCommand(
  app: AppContext,
  hooks: QueueHooks,
  opts: { worker: boolean },
): Promise<void> {
  const log = serviceLogger(app);
  const tuning = tuningOf(hooks);
  const stop = shutdownSignal(log, tuning.graceMs + 15_000);
  const adapters: RunningAdapter[] = [];
  try {
    const { redis, queues } = await openQueueRuntime(app, 'service', log);
    const services = await openServices(app, hooks, log);
    const { metrics } = await observeProcess(app, {
      role: 'serve',
      redis,
      queues,
      services,
      adapters: () => adapters,
      log,
    });
    const synced = await syncConfigToStore(app.config, services.store);
    const ctx: JobContext = { services, queues, tuning, answer: hooks.answer };
    let pool: WorkerPool | null = null;
    if (opts.worker) {
      pool = startWorkers(ctx, redis, {
        queues: selectQueues(undefined, hooks),
        prefix: queues.prefix,
        readFeed,
        log,
      });
    }
    const scheduler = await startScheduler({
      store: services.store,
      queues,
      clock: services.clock,
      log,
      refreshMs: tuning.refreshMs,
    });
    const commands = meteredSink(queueCommandSink(queues), metrics);
    for (const start of hooks.adapters ?? []) {
      const running = await start({ config: app.config, services, commands, log, metrics });
      if (running) adapters.push(running);
    }
    log.info(
      { pid: process.pid, workers: pool?.queues ?? [], adapters: adapters.map((a) => a.name), ...synced },
      'serve started',
    );
    await stop.received;
    // Inbound first (no new commands), then schedules, then the jobs already running.
    for (const a of adapters.splice(0).reverse()) {
      await a.stop().catch((err) => log.warn({ adapter: a.name, err: oneLine(err) }, 'adapter stop failed'));
    }
    await scheduler.stop();
    const released = pool ? (await pool.close(tuning.graceMs)).released : 0;
    log.info({ released }, 'serve stopped');
  } finally {
    for (const a of adapters) await a.stop().catch(() => {});
    stop.dispose();
  }
}
