import { Redis } from 'ioredis';
import { ChipbriefError } from '../src/errors.js';
import type { Logger } from '../src/log.js';

/** How a process uses Redis: a command gives up quickly, a long-running worker reconnects forever. */
export type RedisRole = 'command' | 'service';

/** The URL with any password hidden, for messages and logs. */
export function safeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href.replace(/\/$/, '');
  } catch {
    return 'redis://(invalid URL)';
  }
}

export function queueUnavailable(url: string, cause?: unknown): ChipbriefError {
  return new ChipbriefError(
    'QUEUE_UNAVAILABLE',
    `cannot reach Redis at ${safeRedisUrl(url)} — start redis-server or set REDIS_URL`,
    { cause },
  );
}

/**
 * An ioredis connection for BullMQ. `command`: bounded connect timeout and a few retries, so a CLI
 * command with Redis down fails in seconds. `service`: `maxRetriesPerRequest: null` (required by
 * BullMQ's blocking calls) and a capped backoff forever, so workers ride out a Redis restart.
 * BullMQ is handed instances, never options, because its ESM build cannot load ioredis itself.
 */
export function connectRedis(url: string, role: RedisRole, log?: Logger): Redis {
  const redis =
    role === 'command'
      ? new Redis(url, {
          lazyConnect: true,
          connectTimeout: 2_000,
          maxRetriesPerRequest: 1,
          retryStrategy: (times) => (times > 2 ? null : 200 * times),
        })
      : new Redis(url, {
          lazyConnect: true,
          connectTimeout: 5_000,
          maxRetriesPerRequest: null,
          enableReadyCheck: true,
          retryStrategy: (times) => Math.min(250 * times, 5_000),
        });
  // Without a listener ioredis prints every failed reconnect. Log the first error of each outage once
  // the connection has worked; before that, `ensureRedis` reports the failure in one line.
  let ready = false;
  let down = false;
  redis.on('error', (err: Error) => {
    if (ready && !down) log?.warn({ err: err.message, redis: safeRedisUrl(url) }, 'redis connection lost');
    down = true;
  });
  redis.on('ready', () => {
    if (ready && down) log?.info({ redis: safeRedisUrl(url) }, 'redis connection restored');
    ready = true;
    down = false;
  });
  return redis;
}

/**
 * Connects and PINGs within `timeoutMs`; throws QUEUE_UNAVAILABLE (one line, says what to do) when
 * Redis cannot be reached. The connection is left open on success.
 */
export async function ensureRedis(redis: Redis, url: string, timeoutMs = 3_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(queueUnavailable(url)), timeoutMs);
  });
  try {
    const ping = (async () => {
      if (redis.status === 'wait') await redis.connect();
      await redis.ping();
    })();
    ping.catch(() => {});
    await Promise.race([ping, timeout]);
  } catch (err) {
    redis.disconnect();
    throw err instanceof ChipbriefError ? err : queueUnavailable(url, err);
  } finally {
    clearTimeout(timer);
  }
}

/** Closes a connection politely, or drops it when Redis is gone. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  try {
    await Promise.race([redis.quit(), new Promise((r) => setTimeout(r, 1_000))]);
  } catch {
    // Already closing or closed.
  }
  if ((redis.status as string) !== 'end') redis.disconnect();
}
