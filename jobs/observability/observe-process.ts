import type { Redis } from 'ioredis';
import type { AppContext } from '../../src/cli/app-context.js';
import type { Services } from '../../src/ingest/services.js';
import type { Logger } from '../../src/log.js';
import type { JobQueues } from '../job-queues.js';
import type { RunningAdapter } from '../queue-hooks.js';
import { QUEUE_NAMES } from '../queue-names.js';
import { createDashboard, dashboardCredentials } from './dashboard.js';
import { adapterPart, type HealthPart, redisPart, storePart } from './health.js';
import { meteredLlm } from './metered.js';
import type { ChipbriefMetrics } from './metrics.js';
import { processMetrics } from './process-metrics.js';
import { DASHBOARD_PATH, type ObservabilityServer, startObservability } from './server.js';

export interface ObserveOptions {
  role: 'serve' | 'worker';
  redis: Redis;
  queues: JobQueues;
  services: Services;
  /** The platform adapters running now (serve); read at every /healthz. */
  adapters?: () => readonly RunningAdapter[];
  log: Logger;
}

/** Store row counts change slowly and COUNT(*) is not free on a big PostgreSQL table: read at most this often. */
const STORE_STATS_TTL_MS = 15_000;

function cached<T>(read: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let last: { at: number; value: Promise<T> } | null = null;
  return () => {
    const now = Date.now();
    if (!last || now - last.at > ttlMs) {
      const value = read();
      last = { at: now, value };
      value.catch(() => {
        last = null;
      });
    }
    return last.value;
  };
}

/**
 * Instruments a `worker` or `serve` process and serves /healthz, /metrics and (with DASHBOARD_USER and
 * DASHBOARD_PASSWORD) the queue dashboard on METRICS_PORT. Call before the workers start: it wraps
 * `services.llm` so every LLM request is counted. A port already in use is logged and skipped — the
 * process still works (run serve and worker on one host with different METRICS_PORT values).
 */
export async function observeProcess(
  app: AppContext,
  opts: ObserveOptions,
): Promise<{ metrics: ChipbriefMetrics; server: ObservabilityServer | null }> {
  const { services, queues, redis, log } = opts;
  const metrics = processMetrics().withProcessMetrics();
  if (services.llm) services.llm = meteredLlm(services.llm, metrics);
  metrics.watch({
    queueCounts: () =>
      redis.status === 'ready' ? queues.counts() : Promise.reject(new Error('redis not ready')),
    storeStats: cached(() => services.store.stats(), STORE_STATS_TTL_MS),
  });
  const creds = dashboardCredentials(app.config);
  const dashboard = creds
    ? await createDashboard(
        QUEUE_NAMES.map((n) => queues.queue(n)),
        creds,
        DASHBOARD_PATH,
      )
    : null;
  const health = (): HealthPart[] => [
    redisPart(redis),
    storePart(services.store),
    ...(opts.adapters?.() ?? []).map(adapterPart).filter((p): p is HealthPart => p !== null),
  ];
  try {
    const server = await startObservability({
      port: app.config.METRICS_PORT,
      role: opts.role,
      metrics,
      health,
      dashboard,
      log,
    });
    app.onClose(() => server.close());
    return { metrics, server };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw err;
    log.warn(
      { port: app.config.METRICS_PORT, err: (err as Error).message },
      'observability off in this process: METRICS_PORT is taken — give each process on a host its own METRICS_PORT (0 picks a free one)',
    );
    return { metrics, server: null };
  }
}
