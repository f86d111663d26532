import type { Redis } from 'ioredis';
import { oneLine } from '../../src/errors.js';
import type { Store } from '../../src/store/port.js';

/** One part's state: `ok`, plus whatever helps an operator (mode, bot id, error). */
export type PartState = { ok: boolean; error?: string } & Record<string, unknown>;

/** A part of the process /healthz reports on: Redis, the store, each platform connection. */
export interface HealthPart {
  name: string;
  check(): Promise<PartState> | PartState;
}

export interface HealthReport {
  ok: boolean;
  /** Names of the parts that are down (empty when ok). */
  down: string[];
  parts: Record<string, PartState & { ms: number }>;
}

/** A part that does not answer within this is down: Docker's HEALTHCHECK gives the whole probe 5 s. */
const PART_TIMEOUT_MS = 2_000;

async function run(part: HealthPart, timeoutMs: number): Promise<PartState & { ms: number }> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const state = await Promise.race([
      Promise.resolve().then(() => part.check()),
      new Promise<PartState>((resolve) => {
        timer = setTimeout(
          () => resolve({ ok: false, error: `no answer within ${timeoutMs} ms` }),
          timeoutMs,
        );
      }),
    ]);
    return { ...state, ms: Math.round(performance.now() - start) };
  } catch (err) {
    return { ok: false, error: oneLine(err), ms: Math.round(performance.now() - start) };
  } finally {
    clearTimeout(timer);
  }
}

/** Checks every part at once; the process is healthy when all are. */
export async function checkHealth(
  parts: readonly HealthPart[],
  timeoutMs = PART_TIMEOUT_MS,
): Promise<HealthReport> {
  const states = await Promise.all(parts.map((p) => run(p, timeoutMs)));
  const report: HealthReport = { ok: true, down: [], parts: {} };
  parts.forEach((p, i) => {
    const s = states[i]!;
    report.parts[p.name] = s;
    if (!s.ok) report.down.push(p.name);
  });
  report.ok = report.down.length === 0;
  return report;
}

/**
 * Redis answers PING. A service connection queues commands while it reconnects (it never fails
 * them), so a connection that is not `ready` is reported down at once rather than left to time out.
 */
export function redisPart(redis: Redis): HealthPart {
  return {
    name: 'redis',
    async check() {
      if (redis.status !== 'ready') return { ok: false, error: `connection ${redis.status}` };
      await redis.ping();
      return { ok: true };
    },
  };
}

export function storePart(store: Store): HealthPart {
  return {
    name: 'store',
    async check() {
      await store.ping();
      return { ok: true, kind: store.kind };
    },
  };
}

/** A started platform adapter, reporting its connection (Slack socket/receiver, Discord gateway). */
export function adapterPart(adapter: {
  name: string;
  health?: () => { ok: boolean } & object;
}): HealthPart | null {
  const health = adapter.health;
  if (!health) return null;
  return { name: adapter.name, check: () => ({ ...health() }) };
}
