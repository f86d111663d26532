import type { ReplyDelivery } from '../../src/ports.js';
import type { SlackMessage } from './blocks.js';

/**
 * Sends an answer's rendered parts in order, each at most once across the attempts of its job: a part
 * the delivery recorded as sent, or found on Slack by `look`, is skipped; a part sent is recorded
 * before the next one is posted, so a failure on part n leaves parts 1..n-1 recorded for the retry.
 */
export class PartSender {
  private readonly onSlack = new Map<number, string>();

  constructor(
    private readonly messages: readonly SlackMessage[],
    private readonly delivery: ReplyDelivery | undefined,
  ) {}

  /** On a retry only: the first attempt pays nothing for the look-up. */
  async look(find: () => Promise<Map<number, string>>): Promise<void> {
    if (!this.delivery?.retry) return;
    for (const [index, ts] of await find()) this.onSlack.set(index, ts);
  }

  /** Sends the parts not yet sent (at most `max` parts); `send` returns the part's ts when it has one. */
  async each(
    send: (m: SlackMessage, index: number) => Promise<string | null>,
    max = Number.POSITIVE_INFINITY,
  ): Promise<void> {
    for (const [index, m] of this.messages.slice(0, max).entries()) {
      if (this.onSlack.has(index) || this.delivery?.wasSent(index)) continue;
      const ts = await send(m, index);
      if (ts !== null) this.onSlack.set(index, ts);
      await this.delivery?.markSent(index);
    }
  }

  /** The ts of part `index`, when it was posted now or found on Slack. */
  ts(index: number): string | undefined {
    return this.onSlack.get(index);
  }
}
