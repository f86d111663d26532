import type { Platform } from './digests/digest.js';

/**
 * Where code outside jobs/ reports what only it can time. `chipbrief worker` and `serve` hand adapters
 * an implementation backed by /metrics (jobs/observability); everywhere else it is `noMetrics`.
 * Kept to what the jobs cannot see themselves: they time their own work (articles, briefs, posts).
 */
export interface MetricsPort {
  /**
   * A platform request was acknowledged (Slack `ack()`, Discord `deferReply`) `seconds` after the
   * platform sent it. For commands that carry the platform's own timestamp (`via.createdAt`, Discord
   * interactions) the command sink derives it, so only adapters whose commands carry none report it.
   */
  commandAcked(platform: Platform, seconds: number): void;
}

/** The MetricsPort of processes that serve no /metrics (CLI commands, tests). */
export const noMetrics: MetricsPort = { commandAcked: () => {} };
