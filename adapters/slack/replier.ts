import type { Answer } from '../../src/answers/answer.js';
import type { BriefView } from '../../src/briefs/brief.js';
import { latestBriefViews } from '../../src/briefs/brief-view.js';
import type { Logger } from '../../src/log.js';
import type { ReplyTarget } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import type { SlackMessage } from './blocks.js';
import type { ChannelPacer, Sleep } from './pacer.js';
import type { PackLimits } from './pack.js';
import { renderAnswer } from './render-answer.js';
import { postToResponseUrl, RESPONSE_URL_USES } from './response-url.js';
import type { SlackApi } from './slack-api.js';
import type { ThreadMemory } from './thread-memory.js';

/** Keys this adapter puts in `ReplyTarget.via`. */
export const VIA = {
  responseUrl: 'responseUrl',
  userId: 'userId',
  /** 'command' | 'mention' | 'dm' */
  kind: 'kind',
} as const;

export interface ReplierDeps {
  api: SlackApi;
  /** For `digest` answers (their stories' briefs); null in a posting-only process. */
  store: Store | null;
  pacer: ChannelPacer;
  threads: ThreadMemory;
  log: Logger;
  pack?: PackLimits;
  sleep?: Sleep;
  now?: () => Date;
}

/**
 * Where an answer goes:
 * - a follow-up (mention in a thread, DM in a thread): `chat.postMessage` in that thread; refusals and
 *   help to the asker only (`chat.postEphemeral`) outside DMs. Returns the thread ts;
 * - a slash command: its `response_url` — in_channel for answers, ephemeral for help, errors and
 *   refusals. Works in every conversation the command works in, even where the bot is not a member.
 *   It returns no ts; the message carries its story ids in block ids, so a thread started on it still
 *   gets context (ThreadMemory.recover). Returns '' (no reference);
 * - a top-level DM: posted in the DM; its ts becomes a thread with the answer's context. Returns the ts.
 */
export class SlackReplier {
  constructor(private readonly deps: ReplierDeps) {}

  async reply(target: ReplyTarget, answer: Answer): Promise<string> {
    const stories = answer.kind === 'digest' ? await this.digestStories(answer) : [];
    const messages = renderAnswer(answer, this.deps.pack, stories);
    const channel = target.channelId;
    const userId = target.via[VIA.userId];
    const responseUrl = target.via[VIA.responseUrl];
    const isDm = target.via[VIA.kind] === 'dm' || channel.startsWith('D');

    if (target.threadRef) {
      if (answer.visibility === 'ephemeral' && userId && !isDm) {
        for (const m of messages) {
          await this.deps.api.post('chat.postEphemeral', {
            channel,
            user: userId,
            thread_ts: target.threadRef,
            ...body(m),
          });
        }
        return '';
      }
      for (const m of messages) await this.post(channel, m, target.threadRef);
      await this.deps.threads.remember(channel, target.threadRef, {
        digestId: null,
        storyIds: answer.storyIds,
      });
      return target.threadRef;
    }

    if (responseUrl) {
      const type = answer.visibility === 'channel' ? 'in_channel' : 'ephemeral';
      const sendable = messages.slice(0, RESPONSE_URL_USES);
      if (messages.length > sendable.length) {
        this.deps.log.warn(
          { parts: messages.length },
          'slack: answer longer than five response_url posts, cut',
        );
      }
      for (const m of sendable) {
        if (type === 'in_channel') await this.deps.pacer.take(channel);
        await postToResponseUrl(responseUrl, m, type, { log: this.deps.log, sleep: this.deps.sleep });
      }
      return '';
    }

    let first: string | null = null;
    for (const m of messages) {
      const ts = await this.post(channel, m, null);
      first ??= ts;
    }
    if (first) {
      await this.deps.threads.rememberAnswer(
        channel,
        first,
        answer,
        (this.deps.now?.() ?? new Date()).toISOString(),
      );
    }
    return first ?? '';
  }

  /**
   * The stories of a `digest` answer (the engine names the digest, it does not carry it): their latest
   * briefs as rendered for readers. Needs the store; without one the answer's own text is shown.
   */
  private async digestStories(answer: Answer): Promise<BriefView[]> {
    const store = this.deps.store;
    if (!store) return [];
    return latestBriefViews(store, answer.storyIds.slice(0, 20), (err, storyId) =>
      this.deps.log.warn({ err, storyId }, 'slack: could not render a story of the digest'),
    );
  }

  private async post(channel: string, m: SlackMessage, threadTs: string | null): Promise<string> {
    const res = await this.deps.api.post('chat.postMessage', {
      channel,
      ...body(m),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    return String(res.ts);
  }
}

function body(m: SlackMessage): Record<string, unknown> {
  return { text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false, parse: 'none' };
}
