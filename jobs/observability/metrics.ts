import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SummarizerKind } from '../../src/briefs/brief.js';
import type { Platform } from '../../src/digests/digest.js';
import type { MetricsPort } from '../../src/metrics-port.js';
import type { StoreStats } from '../../src/store/port.js';

/** What the gauges read at scrape time: the queues' job counts and the store's row counts. */
export interface MetricSources {
  queueCounts?: () => Promise<Record<string, Record<string, number>>>;
  storeStats?: () => Promise<Pick<StoreStats, 'articles' | 'stories' | 'quotes' | 'briefs'>>;
}

/** Scrapes must answer even when Redis or the store hangs: a gauge that cannot be read is left out. */
const SOURCE_TIMEOUT_MS = 1_500;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), ms);
    }),
  ]);
}

/** The error code of a `fallbackReason` ("LLM_TIMEOUT: ..."): a bounded label value. */
function reasonCode(reason: string): string {
  const m = /^([A-Z][A-Z_]+):/.exec(reason);
  return m ? m[1]! : 'OTHER';
}

/**
 * The process's Prometheus metrics on a registry of its own. Counters count what this process did
 * (sum them across processes); the `chipbrief_jobs` and `chipbrief_store_rows` gauges read shared
 * state at scrape time and are the same from every process (take the max).
 */
export class ChipbriefMetrics implements MetricsPort {
  readonly registry = new Registry();
  private sources: MetricSources = {};
  private defaults = false;

  private readonly articles = new Counter({
    name: 'chipbrief_articles_processed_total',
    help: 'Article jobs finished, by whether the article was new or already stored.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly briefs = new Counter({
    name: 'chipbrief_briefs_total',
    help: 'Briefs made (or found cached) by brief jobs, by summarizer kind.',
    labelNames: ['summarizer'] as const,
    registers: [this.registry],
  });
  private readonly fallbacks = new Counter({
    name: 'chipbrief_llm_fallbacks_total',
    help: 'Briefs that fell back to the extractive summarizer although an LLM is configured, by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  private readonly llmRequests = new Counter({
    name: 'chipbrief_llm_requests_total',
    help: 'LLM requests, by outcome (ok or the error code).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly llmTokens = new Counter({
    name: 'chipbrief_llm_tokens_total',
    help: 'LLM tokens used, by direction (in = prompt, out = completion).',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });
  private readonly posts = new Histogram({
    name: 'chipbrief_post_duration_seconds',
    help: 'Time to post to a platform: a whole digest, or one answer reply.',
    labelNames: ['platform', 'kind', 'outcome'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly acks = new Histogram({
    name: 'chipbrief_command_ack_seconds',
    help: 'Time from the platform sending a command to chipbrief acknowledging it (limit: 3 s).',
    labelNames: ['platform'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [this.registry],
  });
  private readonly commands = new Counter({
    name: 'chipbrief_commands_total',
    help: 'Commands and follow-ups accepted from a platform and queued for an answer.',
    labelNames: ['platform', 'kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    const self = this;
    new Gauge({
      name: 'chipbrief_jobs',
      help: 'Jobs in Redis, by queue and state (completed and failed: those still retained).',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const counts = await self.read(self.sources.queueCounts);
        for (const [queue, states] of Object.entries(counts ?? {})) {
          for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
        }
      },
    });
    new Gauge({
      name: 'chipbrief_store_rows',
      help: 'Rows in the store, by table (articles, stories, quotes, briefs).',
      labelNames: ['table'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        const s = await self.read(self.sources.storeStats);
        if (!s) return;
        for (const table of ['articles', 'stories', 'quotes', 'briefs'] as const)
          this.set({ table }, s[table]);
      },
    });
  }

  private async read<T>(source: (() => Promise<T>) | undefined): Promise<T | null> {
    if (!source) return null;
    try {
      return await within(source(), SOURCE_TIMEOUT_MS);
    } catch {
      return null;
    }
  }

  /** Where the gauges read from; set by `worker` and `serve` once Redis and the store are open. */
  watch(sources: MetricSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Adds Node's process metrics (CPU, memory, event loop); once, when a process starts serving them. */
  withProcessMetrics(): this {
    if (!this.defaults) collectDefaultMetrics({ register: this.registry });
    this.defaults = true;
    return this;
  }

  articleProcessed(status: 'new' | 'seen'): void {
    this.articles.inc({ status });
  }

  /** A brief job's brief; a fallback reason (LLM configured, extractive brief) is counted by code. */
  briefMade(summarizer: SummarizerKind, fallbackReason: string | null): void {
    this.briefs.inc({ summarizer });
    if (fallbackReason) this.fallbacks.inc({ reason: reasonCode(fallbackReason) });
  }

  llmRequest(outcome: string, tokensIn: number, tokensOut: number): void {
    this.llmRequests.inc({ outcome });
    if (tokensIn > 0) this.llmTokens.inc({ direction: 'in' }, tokensIn);
    if (tokensOut > 0) this.llmTokens.inc({ direction: 'out' }, tokensOut);
  }

  posted(platform: Platform, kind: 'digest' | 'reply', seconds: number, ok: boolean): void {
    this.posts.observe({ platform, kind, outcome: ok ? 'ok' : 'error' }, seconds);
  }

  commandAcked(platform: Platform, seconds: number): void {
    this.acks.observe({ platform }, Math.max(0, seconds));
  }

  commandSubmitted(platform: Platform, followUp: boolean): void {
    this.commands.inc({ platform, kind: followUp ? 'follow-up' : 'command' });
  }

  /** The exposition text for GET /metrics. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
