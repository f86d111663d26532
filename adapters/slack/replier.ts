import type { Answer } from '../../src/answers/answer.js';
import type { BriefView } from '../../src/briefs/brief.js';
import { latestBriefViews } from '../../src/briefs/brief-view.js';
import type { Logger } from '../../src/log.js';
import type { ReplyDelivery, ReplyTarget } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { type AnswerPlace, answerMetadata, findAnswerParts } from './answer-lookup.js';
import type { SlackMessage } from './blocks.js';
import type { ChannelPacer, Sleep } from './pacer.js';
import type { PackLimits } from './pack.js';
import { PartSender } from './part-sender.js';
import { renderAnswer } from './render-answer.js';
import { postToResponseUrl, RESPONSE_URL_USES } from './response-url.js';
import { type SlackApi, SlackCallError } from './slack-api.js';
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
  /** The bot's ids (auth.test), to tell its own answer parts apart; `connect` fetches them once. */
  bot: () => { botId: string | null };
  connect: () => Promise<unknown>;
}

/** How far back a retry looks in a DM for parts of its reply (answer retries come within minutes). */
const LOOK_BACK_MS = 60 * 60_000;

/**
 * Where an answer goes:
 * - a follow-up (mention in a thread, DM in a thread): `chat.postMessage` in that thread; refusals and
 *   help to the asker only (`chat.postEphemeral`) outside DMs. Returns the thread ts;
 * - a slash command: its `response_url` — in_channel for answers, ephemeral for help, errors and
 *   refusals. Works in every conversation the command works in, even where the bot is not a member.
 *   It returns no ts; the message carries its story ids in block ids, so a thread started on it still
 *   gets context (ThreadMemory.recover). Returns '' (no reference);
 * - a top-level DM: posted in the DM; its ts becomes a thread with the answer's context. Returns the ts.
 *
 * Retries (`ReplyDelivery`): a part the delivery recorded as sent is never posted again. Every
 * chat.postMessage part carries `chipbrief_answer` metadata {reply_id, part}, so a retry also reads the
 * thread (conversations.replies) or the DM (conversations.history) and skips the parts found — this
 * covers a crash between Slack accepting a part and the record. Slack keeps no trace the bot can read of
 * an ephemeral message or a response_url post (the bot need not even be in the channel), so there only
 * the record protects: a crash in that window, or a lost response, repeats that one part. For
 * ephemerals only the asker sees it. For an in_channel response_url answer we still retry through
 * response_url rather than fall back to chat.postMessage: the fallback needs channel membership the
 * slash command does not, and it could not see the parts the first attempt sent through response_url.
 */
export class SlackReplier {
  constructor(private readonly deps: ReplierDeps) {}

  async reply(target: ReplyTarget, answer: Answer, delivery?: ReplyDelivery): Promise<string> {
    const stories = answer.kind === 'digest' ? await this.digestStories(answer) : [];
    const messages = renderAnswer(answer, this.deps.pack, stories);
    const channel = target.channelId;
    const userId = target.via[VIA.userId];
    const responseUrl = target.via[VIA.responseUrl];
    const isDm = target.via[VIA.kind] === 'dm' || channel.startsWith('D');
    const parts = new PartSender(messages, delivery);

    if (target.threadRef) {
      const threadTs = target.threadRef;
      if (answer.visibility === 'ephemeral' && userId && !isDm) {
        await parts.each(async (m) => {
          await this.deps.api.post('chat.postEphemeral', {
            channel,
            user: userId,
            thread_ts: threadTs,
            ...body(m),
          });
          return null;
        });
        return '';
      }
      await parts.look(() => this.lookup({ channel, threadTs }, delivery));
      await parts.each((m, i) =>
        this.post(channel, m, threadTs, delivery, i, () => this.lookup({ channel, threadTs }, delivery)),
      );
      await this.deps.threads.remember(channel, threadTs, { digestId: null, storyIds: answer.storyIds });
      return threadTs;
    }

    if (responseUrl) {
      const type = answer.visibility === 'channel' ? 'in_channel' : 'ephemeral';
      if (messages.length > RESPONSE_URL_USES) {
        this.deps.log.warn(
          { parts: messages.length },
          'slack: answer longer than five response_url posts, cut',
        );
      }
      await parts.each(async (m) => {
        if (type === 'in_channel') await this.deps.pacer.take(channel);
        await postToResponseUrl(responseUrl, m, type, { log: this.deps.log, sleep: this.deps.sleep });
        return null;
      }, RESPONSE_URL_USES);
      return '';
    }

    const now = this.deps.now?.() ?? new Date();
    const place = { channel, oldest: new Date(now.getTime() - LOOK_BACK_MS) };
    await parts.look(() => this.lookup(place, delivery));
    await parts.each((m, i) => this.post(channel, m, null, delivery, i, () => this.lookup(place, delivery)));
    const first = parts.ts(0);
    if (first) await this.deps.threads.rememberAnswer(channel, first, answer, now.toISOString());
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

  /**
   * One chat.postMessage part, tagged with the reply's metadata. A lost response (ambiguous) is
   * checked on Slack before the part is posted once more, as digest parts are.
   */
  private async post(
    channel: string,
    m: SlackMessage,
    threadTs: string | null,
    delivery: ReplyDelivery | undefined,
    index: number,
    lookup: () => Promise<Map<number, string>>,
  ): Promise<string> {
    const args = {
      channel,
      ...body(m),
      ...(delivery ? { metadata: answerMetadata(delivery.replyId, index) } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    };
    try {
      return String((await this.deps.api.post('chat.postMessage', args)).ts);
    } catch (err) {
      if (!delivery || !(err instanceof SlackCallError) || !err.ambiguous) throw err;
      const landed = (await lookup()).get(index);
      if (landed) return landed;
      return String((await this.deps.api.post('chat.postMessage', args)).ts);
    }
  }

  private async lookup(
    place: AnswerPlace,
    delivery: ReplyDelivery | undefined,
  ): Promise<Map<number, string>> {
    if (!delivery) return new Map();
    await this.deps.connect();
    return findAnswerParts(this.deps.api, place, delivery.replyId, this.deps.bot().botId);
  }
}

function body(m: SlackMessage): Record<string, unknown> {
  return { text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false, parse: 'none' };
}
