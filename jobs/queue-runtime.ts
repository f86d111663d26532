import type { Redis } from 'ioredis';
import type { HttpFetcher } from '../src/articles/fetcher.js';
import type { AppContext } from '../src/cli/app-context.js';
import { fetcherFromConfig } from '../src/cli/fetcher-from-config.js';
import type { Platform } from '../src/digests/digest.js';
import type { Services } from '../src/ingest/services.js';
import { createLogger, type Logger } from '../src/log.js';
import { type PlatformPort, systemClock } from '../src/ports.js';
import { JobQueues } from './job-queues.js';
import type { QueueHooks } from './queue-hooks.js';
import { closeRedis, connectRedis, ensureRedis, type RedisRole } from './redis.js';

export interface QueueRuntime {
  redis: Redis;
  queues: JobQueues;
}

/**
 * Connects to Redis (failing in seconds with QUEUE_UNAVAILABLE when it is down) and opens the queues;
 * both are closed when the command ends.
 */
export async function openQueueRuntime(
  app: AppContext,
  role: RedisRole,
  log?: Logger,
): Promise<QueueRuntime> {
  const url = app.config.REDIS_URL;
  const redis = connectRedis(url, role, log);
  await ensureRedis(redis, url, role === 'command' ? 3_000 : 5_000);
  const queues = new JobQueues(redis, app.config.CHIPBRIEF_QUEUE_PREFIX);
  app.onClose(async () => {
    await queues.close();
    await closeRedis(redis);
  });
  return { redis, queues };
}

/** Long-running commands log at info unless LOG_LEVEL says otherwise. */
export function serviceLogger(app: AppContext): Logger {
  return createLogger(app.config.LOG_LEVEL ?? 'info');
}

/** The pipeline's services for a worker or serve process. */
export async function openServices(app: AppContext, hooks: QueueHooks, log: Logger): Promise<Services> {
  const config = app.config;
  const store = await app.store();
  const platforms = new Map<Platform, PlatformPort>();
  for (const make of hooks.platforms ?? []) {
    const port = await make(config, log, { store });
    if (port) platforms.set(port.platform, port);
  }
  const fetcher = fetcherFromConfig(config);
  // The HTTP fetcher pools keep-alive sockets; close them with the command.
  app.onClose(async () => (fetcher as Partial<HttpFetcher>).close?.());
  return {
    config,
    store,
    fetcher,
    llm: (await hooks.llm?.(config, log)) ?? null,
    clock: hooks.clock ?? systemClock,
    log,
    platforms,
  };
}
