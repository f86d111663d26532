import type { Answer } from '../../src/answers/answer.js';
import { rememberAnswer, rememberThread } from '../../src/answers/thread-context.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/port.js';
import { DIGEST_EVENT } from './render-digest.js';
import { storyIdsFromBlocks } from './render-parts.js';
import type { SlackApi } from './slack-api.js';

/**
 * What a Slack thread is about, kept in the store's `threads` (through the answers engine's
 * rememberThread / rememberAnswer) so follow-ups are answered with the thread's stories. Written when the
 * adapter starts a thread (a digest's parent, an answer posted with a ts) and, for threads whose root
 * was not recorded (answers sent through `response_url`, which returns no ts; digests posted by a worker
 * without a store), recovered from the root message itself: chipbrief messages carry their story ids in
 * block ids and digests their id in message metadata.
 *
 * Without a store (a posting-only worker) nothing is recorded; recovery in `serve` covers it. Failures
 * here never fail a post or a command: a thread without context still gets an answer.
 */
export class ThreadMemory {
  constructor(
    private readonly store: Store | null,
    private readonly log: Logger,
  ) {}

  /** Adds a digest's (or recovered) context to a thread, keeping what the thread already has. */
  async remember(
    channelId: string,
    threadRef: string,
    input: { digestId: string | null; storyIds: readonly string[] },
  ): Promise<void> {
    if (!this.store) return;
    try {
      await rememberThread(this.store, { platform: 'slack', channelId, threadRef, ...input });
    } catch (err) {
      this.log.warn({ err, channelId, threadRef }, 'slack: could not record thread context');
    }
  }

  /** Seeds the thread an answer's own message starts (its question and stories). */
  async rememberAnswer(channelId: string, threadRef: string, answer: Answer, at: string): Promise<void> {
    if (!this.store) return;
    try {
      await rememberAnswer(this.store, { platform: 'slack', channelId, threadRef }, answer, at);
    } catch (err) {
      this.log.warn({ err, channelId, threadRef }, 'slack: could not record thread context');
    }
  }

  /**
   * Makes sure a thread the bot was mentioned in has a record when its root is a chipbrief message:
   * reads the root (`conversations.replies`, first message) for its metadata and block ids.
   */
  async recover(api: SlackApi, channelId: string, threadTs: string, botId: string | null): Promise<void> {
    if (!this.store) return;
    try {
      if (await this.store.getThread('slack', channelId, threadTs)) return;
      const res = await api.read('conversations.replies', {
        channel: channelId,
        ts: threadTs,
        limit: 1,
        include_all_metadata: true,
      });
      const messages = Array.isArray(res.messages) ? (res.messages as Record<string, unknown>[]) : [];
      const root = messages.find((m) => m.ts === threadTs);
      if (!root || !(root.bot_id || root.app_id)) return;
      if (botId && root.bot_id && root.bot_id !== botId) return;
      const meta = root.metadata as
        | { event_type?: unknown; event_payload?: Record<string, unknown> }
        | undefined;
      const digestId =
        meta?.event_type === DIGEST_EVENT && typeof meta.event_payload?.digest_id === 'string'
          ? meta.event_payload.digest_id
          : null;
      const storyIds = storyIdsFromBlocks(root.blocks);
      if (!digestId && storyIds.length === 0) return;
      await this.remember(channelId, threadTs, { digestId, storyIds });
    } catch (err) {
      this.log.warn({ err, channelId, threadTs }, 'slack: could not read the thread root for context');
    }
  }
}
