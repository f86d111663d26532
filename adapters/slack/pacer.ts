export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Paces posts to about one message per interval per channel (Slack: ~1 msg/s per channel), in this
 * process. Each caller reserves the next free slot of its channel, so concurrent posts queue up in order.
 * A rate-limit answer pushes the channel's next slot back by its Retry-After.
 */
export class ChannelPacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly intervalMs: number,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for this channel's next slot and reserves it. */
  async take(channel: string): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.next.get(channel) ?? 0);
    this.next.set(channel, slot + this.intervalMs);
    this.prune(now);
    if (slot > now) await this.sleep(slot - now);
  }

  /** Nothing goes to this channel for `ms` from now (Retry-After). */
  pushBack(channel: string, ms: number): void {
    const until = this.now() + ms;
    if ((this.next.get(channel) ?? 0) < until) this.next.set(channel, until);
  }

  private prune(now: number): void {
    if (this.next.size < 1000) return;
    for (const [k, v] of this.next) if (v < now) this.next.delete(k);
  }
}
