import {
  type APIChannel,
  type APIMessage,
  type APIUser,
  DiscordAPIError,
  HTTPError,
  type REST,
  Routes,
} from 'discord.js';
import { ChipbriefError } from '../../src/errors.js';
import type { OutMessage } from './limits.js';

/** What every message the bot sends carries: nothing in it can ping anyone (DESIGN promise 3). */
export const NO_MENTIONS = { parse: [] as string[], replied_user: false } as const;

export interface SendOptions {
  /** Discord nonce (<= 25 chars); with `enforceNonce`, a repeat within minutes returns the first message. */
  nonce?: string;
  /** Only the interaction's user sees it (interaction follow-ups only). */
  ephemeral?: boolean;
  /** Reply to this message (mentions and DMs), without pinging its author. */
  replyTo?: string;
}

/** Discord's codes this adapter branches on. */
export const CODES = {
  unknownChannel: 10003,
  unknownMessage: 10008,
  unknownWebhook: 10015,
  invalidWebhookToken: 50027,
  missingAccess: 50001,
  missingPermissions: 50013,
  threadExists: 160004,
} as const;

/** Body of a message create/edit: the rendered message with `allowed_mentions` always set. */
export function messageBody(m: OutMessage, o: SendOptions = {}): Record<string, unknown> {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds,
    allowed_mentions: NO_MENTIONS,
    ...(o.ephemeral ? { flags: 64 } : {}),
    ...(o.nonce ? { nonce: o.nonce, enforce_nonce: true } : {}),
    ...(o.replyTo ? { message_reference: { message_id: o.replyTo, fail_if_not_exists: false } } : {}),
  };
}

/** True when the call may have reached Discord and done its work before failing (a lost response). */
export function isAmbiguous(err: unknown): boolean {
  return !(err instanceof DiscordAPIError) && !(err instanceof HTTPError && err.status < 500);
}

export function discordCode(err: unknown): number | null {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : null;
}

/** A Discord failure as a ChipbriefError: 4xx (but 429) are permanent — retrying cannot help. */
export function toPlatformError(err: unknown, what: string): ChipbriefError {
  if (err instanceof ChipbriefError) return err;
  if (err instanceof DiscordAPIError) {
    const hint =
      err.code === CODES.missingAccess || err.code === CODES.missingPermissions
        ? ' — give the bot View Channel, Read Message History, Send Messages, Embed Links, Create Public Threads and Send Messages in Threads there'
        : '';
    const permanent = err.status >= 400 && err.status < 500 && err.status !== 429;
    return new ChipbriefError('PLATFORM_FAILED', `discord ${what}: ${err.message} (${err.code})${hint}`, {
      cause: err,
      permanent,
    });
  }
  const msg = err instanceof Error ? err.message : String(err);
  return new ChipbriefError('PLATFORM_FAILED', `discord ${what}: ${msg}`, { cause: err });
}

/**
 * The Discord REST calls chipbrief makes, over discord.js's REST (which queues per rate-limit bucket
 * and waits out 429s before retrying, so a rate-limited message is sent once, late, not lost).
 * Interaction webhooks are called without the bot token, as Discord expects.
 */
export class DiscordApi {
  private me: Promise<APIUser> | null = null;

  constructor(
    readonly rest: REST,
    readonly appId: string,
  ) {}

  /** The bot's own user (cached). */
  async botUser(): Promise<APIUser> {
    this.me ??= (this.rest.get(Routes.user('@me')) as Promise<APIUser>).catch((err) => {
      this.me = null;
      throw err;
    });
    return this.me;
  }

  async createMessage(channelId: string, m: OutMessage, o: SendOptions = {}): Promise<APIMessage> {
    const body = messageBody(m, o);
    try {
      return (await this.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
    } catch (err) {
      // A lost response with a nonce is safe to send again: Discord returns the message it already made.
      if (o.nonce && isAmbiguous(err)) {
        return (await this.rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
      }
      throw err;
    }
  }

  /** Newest first; `before` pages back. */
  async listMessages(channelId: string, before?: string, limit = 100): Promise<APIMessage[]> {
    const query = new URLSearchParams({ limit: String(limit), ...(before ? { before } : {}) });
    return (await this.rest.get(Routes.channelMessages(channelId), { query })) as APIMessage[];
  }

  async getMessage(channelId: string, messageId: string): Promise<APIMessage> {
    return (await this.rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
  }

  async getChannel(channelId: string): Promise<APIChannel> {
    return (await this.rest.get(Routes.channel(channelId))) as APIChannel;
  }

  /** Starts a public thread from a message; an existing thread on it is fine (its id is the message id). */
  async startThread(channelId: string, messageId: string, name: string): Promise<string> {
    try {
      const ch = (await this.rest.post(Routes.threads(channelId, messageId), {
        body: { name, auto_archive_duration: 1440 },
      })) as APIChannel;
      return ch.id;
    } catch (err) {
      if (discordCode(err) === CODES.threadExists) return messageId;
      throw err;
    }
  }

  async editOriginal(token: string, m: OutMessage): Promise<APIMessage> {
    const route = Routes.webhookMessage(this.appId, token, '@original');
    const body = messageBody(m);
    try {
      return (await this.rest.patch(route, { body, auth: false })) as APIMessage;
    } catch (err) {
      if (isAmbiguous(err)) return (await this.rest.patch(route, { body, auth: false })) as APIMessage;
      throw err;
    }
  }

  async deleteOriginal(token: string): Promise<void> {
    try {
      await this.rest.delete(Routes.webhookMessage(this.appId, token, '@original'), { auth: false });
    } catch (err) {
      if (discordCode(err) !== CODES.unknownMessage) throw err;
    }
  }

  async followUp(token: string, m: OutMessage, ephemeral: boolean): Promise<APIMessage> {
    return (await this.rest.post(Routes.webhook(this.appId, token), {
      body: messageBody(m, { ephemeral }),
      auth: false,
    })) as APIMessage;
  }

  /** Replaces the application's commands, globally or in one guild (instant, for testing). */
  async putCommands(body: unknown[], guildId?: string): Promise<unknown[]> {
    const route = guildId
      ? Routes.applicationGuildCommands(this.appId, guildId)
      : Routes.applicationCommands(this.appId);
    return (await this.rest.put(route, { body })) as unknown[];
  }
}
