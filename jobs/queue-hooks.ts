import type { Answer } from '../src/answers/answer.js';
import type { Config } from '../src/config.js';
import type { Services } from '../src/ingest/services.js';
import type { Logger } from '../src/log.js';
import type { MetricsPort } from '../src/metrics-port.js';
import type { Clock, CommandSink, InboundCommand, Llm, PlatformPort } from '../src/ports.js';
import type { Store } from '../src/store/port.js';

/**
 * Builds the posting side of one platform from config, or null when that platform is not configured.
 * May be async, so a platform SDK is loaded only in processes configured for it.
 */
export type PlatformFactory = (
  config: Config,
  log: Logger,
  deps: { store: Store },
) => PlatformPort | null | Promise<PlatformPort | null>;

/** What `serve` hands an inbound adapter (Slack Bolt app, Discord gateway client). */
export interface AdapterContext {
  config: Config;
  services: Services;
  /** Where the adapter hands slash commands and follow-ups: enqueues an `answer` job. */
  commands: CommandSink;
  log: Logger;
  /** Timings only the adapter can take (command ack latency), for /metrics. */
  metrics?: MetricsPort;
}

/** A started adapter; `stop` disconnects it (called on SIGTERM before the workers close). */
export interface RunningAdapter {
  name: string;
  stop(): Promise<void>;
  /** The connection's state for /healthz (`ok` false: the process reports 503). */
  health?(): { ok: boolean } & object;
}

/** Starts an adapter when its tokens are configured; returns null when they are not. */
export type AdapterStarter = (ctx: AdapterContext) => Promise<RunningAdapter | null>;

/** Worker timings. Defaults suit production; tests shorten them so crash recovery is quick. */
export interface WorkerTuning {
  /** A job whose worker stops renewing its lock for this long is taken over by another worker. */
  lockDurationMs: number;
  /** How often each worker looks for stalled jobs (those whose lock expired). */
  stalledIntervalMs: number;
  /** Times a job may stall (its worker died) before it fails for good. */
  maxStalledCount: number;
  /** On SIGTERM: how long running jobs get to finish before they are handed back to the queue. */
  graceMs: number;
  /** Delay of brief jobs, so a story that gains several copies at once is briefed once. */
  briefDelayMs: number;
  /** How often `serve` re-reads subscriptions and sources from the store. */
  refreshMs: number;
  /** Per-queue concurrency overrides (default CHIPBRIEF_CONCURRENCY). */
  concurrency: Partial<Record<'poll' | 'article' | 'brief' | 'digest' | 'answer', number>>;
}

export const DEFAULT_TUNING: WorkerTuning = {
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 2,
  graceMs: 8_000,
  briefDelayMs: 5_000,
  refreshMs: 30_000,
  concurrency: {},
};

/**
 * What the composition root plugs into the queue commands. Everything is optional: with nothing set,
 * `worker` and `serve` run the pipeline with the extractive summarizer and no platform.
 */
export interface QueueHooks {
  platforms?: readonly PlatformFactory[];
  /** Inbound adapters started by `serve`. */
  adapters?: readonly AdapterStarter[];
  /** The LLM (adapters/openai); absent or null: extractive briefs. Async so the SDK loads only when used. */
  llm?: (config: Config, log: Logger) => Promise<Llm | null> | Llm | null;
  /** Turns a command into an answer (src/answers). The `answer` queue is worked only when it is set. */
  answer?: (command: InboundCommand, services: Services) => Promise<Answer>;
  tuning?: Partial<WorkerTuning>;
  clock?: Clock;
}
