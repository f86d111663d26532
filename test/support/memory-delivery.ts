import type { ReplyDelivery } from '../../src/ports.js';

/**
 * A `ReplyDelivery` kept in memory, for calling a platform's `reply` the way successive attempts of
 * one answer job do. `crashBeforeRecording(i)` makes recording part i throw, as a worker killed after
 * the platform accepted the part and before the job recorded it.
 */
export class MemoryDelivery implements ReplyDelivery {
  readonly sent = new Set<number>();
  retry = false;
  private crashAt: number | null = null;

  constructor(readonly replyId: string) {}

  crashBeforeRecording(index: number): this {
    this.crashAt = index;
    return this;
  }

  /** The next attempt: the same record, flagged as a retry, no crash. */
  nextAttempt(): this {
    this.retry = true;
    this.crashAt = null;
    return this;
  }

  wasSent(index: number): boolean {
    return this.sent.has(index);
  }

  async markSent(index: number): Promise<void> {
    if (index === this.crashAt) throw new Error(`SIGKILL: worker died before recording part ${index}`);
    this.sent.add(index);
  }
}
