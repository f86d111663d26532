import type { Answer } from '../../src/answers/answer.js';
import type { BriefView } from '../../src/briefs/brief.js';
import { latestBriefViews } from '../../src/briefs/brief-view.js';
import type { Logger } from '../../src/log.js';
import type { ReplyDelivery, ReplyTarget } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { replyNonce } from './digest-ref.js';
import { CODES, type DiscordApi, discordCode, toPlatformError } from './discord-api.js';
import type { OutMessage } from './limits.js';
import { renderAnswer } from './render-answer.js';
import type { ThreadRecorder } from './thread-context.js';

/** Keys this adapter puts in `ReplyTarget.via` (strings only: the target travels in a queue job). */
export const VIA = {
  /** 'command' | 'mention' | 'dm' */
  kind: 'kind',
  /** The inbound event id (interaction or message id): seeds the nonces of the reply's messages. */
  eventId: 'eventId',
  appId: 'appId',
  /** Interaction token: the webhook the reply is sent through; valid 15 minutes from `createdAt`. */
  token: 'token',
  createdAt: 'createdAt',
  /** 'ephemeral' | 'public': how the command was deferred (an edit cannot change it). */
  deferred: 'deferred',
  userId: 'userId',
  /** The user's message a mention or DM reply answers (`message_reference`). */
  replyTo: 'replyTo',
} as const;

/** Interaction tokens last 15 minutes; past 14 the reply goes to the channel instead. */
export const TOKEN_TTL_MS = 14 * 60_000;

export interface ReplierDeps {
  api: DiscordApi;
  log: Logger;
  threads?: ThreadRecorder | null;
  /** To show a `digest` answer's stories in full. */
  store?: Store | null;
  now?: () => Date;
}

/**
 * Where an answer goes — all by REST, so any worker process can send it:
 * - a slash command: the interaction's webhook. The deferred "thinking…" reply is edited into the
 *   answer's first message and the rest follow up. An ephemeral answer (help, refusals, errors) to a
 *   command deferred in public replaces it: the public placeholder is deleted and the answer follows
 *   up visible to the asker only. Past the token's life, a public answer is posted in the channel and an
 *   ephemeral one is dropped (logged): it cannot be shown to one user outside an interaction;
 * - a mention or DM: in place (the thread, the channel or the DM), as a reply to the user's message.
 * Returns the id that keys the conversation: the thread id for thread follow-ups, else the answer's
 * first message id ('' when there is none to follow up on).
 *
 * Retries (`ReplyDelivery`): parts the delivery recorded as sent are not sent again. Channel and thread
 * messages carry a nonce from the reply id and part with `enforce_nonce`, so a part resent within
 * Discord's nonce window (minutes — answer retries and stalled-job takeovers come well within it) is
 * returned, not posted twice; on a retry, the first part of a reply to a user's message is also found by
 * its `message_reference` among the channel's recent messages. Editing the deferred reply is idempotent.
 * Webhook follow-ups take no nonce and the bot cannot list an interaction's follow-ups, so there only
 * the record protects: a crash between Discord accepting a follow-up and the record repeats that one.
 */
export class DiscordReplier {
  constructor(private readonly deps: ReplierDeps) {}

  async reply(target: ReplyTarget, answer: Answer, delivery?: ReplyDelivery): Promise<string> {
    const stories = answer.kind === 'digest' ? await this.digestStories(answer) : [];
    const messages = renderAnswer(answer, undefined, stories);
    const via = target.via;
    try {
      if (via[VIA.kind] === 'command') {
        const token = via[VIA.token];
        const created = Date.parse(via[VIA.createdAt] ?? '');
        const now = (this.deps.now?.() ?? new Date()).getTime();
        if (token && Number.isFinite(created) && now - created < TOKEN_TTL_MS) {
          try {
            return await this.viaWebhook(target, token, answer, messages, delivery);
          } catch (err) {
            const code = discordCode(err);
            if (code !== CODES.invalidWebhookToken && code !== CODES.unknownWebhook) throw err;
            this.deps.log.warn({ channelId: target.channelId }, 'discord: interaction token no longer valid');
          }
        }
        if (answer.visibility === 'ephemeral') {
          this.deps.log.warn(
            { channelId: target.channelId, kind: answer.kind },
            'discord: interaction expired; a reply only its asker may see was not sent',
          );
          return '';
        }
        return await this.inChannel(target, answer, messages, null, delivery);
      }
      return await this.inChannel(target, answer, messages, via[VIA.replyTo] ?? null, delivery);
    } catch (err) {
      throw toPlatformError(err, `replying in ${target.channelId}`);
    }
  }

  private async viaWebhook(
    target: ReplyTarget,
    token: string,
    answer: Answer,
    messages: OutMessage[],
    delivery: ReplyDelivery | undefined,
  ): Promise<string> {
    const { api } = this.deps;
    const deferredEphemeral = target.via[VIA.deferred] === 'ephemeral';
    const followUps = async (from: number, ephemeral: boolean) => {
      for (const [i, m] of messages.entries()) {
        if (i < from || delivery?.wasSent(i)) continue;
        await api.followUp(token, m, ephemeral);
        await delivery?.markSent(i);
      }
    };
    if (answer.visibility === 'ephemeral' && !deferredEphemeral) {
      await api.deleteOriginal(token);
      await followUps(0, true);
      return '';
    }
    // Editing the original again on a retry is harmless and gives back its id.
    const original = await api.editOriginal(token, messages[0]!);
    await delivery?.markSent(0);
    await followUps(1, deferredEphemeral);
    if (deferredEphemeral) return '';
    await this.rememberAnswer(target.channelId, original.id, answer);
    return original.id;
  }

  private async inChannel(
    target: ReplyTarget,
    answer: Answer,
    messages: OutMessage[],
    replyTo: string | null,
    delivery: ReplyDelivery | undefined,
  ): Promise<string> {
    const channel = target.threadRef ?? target.channelId;
    const seed = delivery?.replyId ?? target.via[VIA.eventId] ?? `${channel}:${Date.now()}`;
    let firstId = delivery?.retry && replyTo ? await this.findFirstPart(channel, replyTo) : null;
    for (const [i, m] of messages.entries()) {
      if (delivery?.wasSent(i) || (i === 0 && firstId)) continue;
      const sent = await this.deps.api.createMessage(channel, m, {
        nonce: replyNonce(seed, i),
        ...(i === 0 && replyTo ? { replyTo } : {}),
      });
      firstId ??= sent.id;
      await delivery?.markSent(i);
    }
    // In a thread (or a DM conversation) the answers engine records the turn itself.
    if (target.threadRef) return target.threadRef;
    if (firstId) await this.rememberAnswer(target.channelId, firstId, answer);
    return firstId ?? '';
  }

  /** The bot's earlier reply to `replyTo` among the channel's latest messages (a retry's look-up). */
  private async findFirstPart(channel: string, replyTo: string): Promise<string | null> {
    const bot = await this.deps.api.botUser();
    const recent = await this.deps.api.listMessages(channel);
    const found = recent.find((m) => m.author.id === bot.id && m.message_reference?.message_id === replyTo);
    return found?.id ?? null;
  }

  /**
   * The stories of a `digest` answer (the engine names the digest, it does not carry it): their latest
   * briefs as rendered for readers. Needs the store; without one the answer's own text is shown.
   */
  private async digestStories(answer: Answer): Promise<BriefView[]> {
    const store = this.deps.store;
    if (!store) return [];
    return latestBriefViews(store, answer.storyIds.slice(0, 20), (err, storyId) =>
      this.deps.log.warn({ err, storyId }, 'discord: could not render a story of the digest'),
    );
  }

  /** An answer message may become a thread's starter: its context is keyed by the message id. */
  private async rememberAnswer(channelId: string, messageId: string, answer: Answer): Promise<void> {
    if (!this.deps.threads || (answer.storyIds.length === 0 && !answer.understood)) return;
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    await this.deps.threads.remember(channelId, messageId, {
      digestId: null,
      storyIds: answer.storyIds,
      turn: answer.understood ? { ...answer.understood, at } : null,
    });
  }
}
