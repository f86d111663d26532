/**
 * The world of the fake Discord: users, channels, threads and messages, with the few semantics the
 * adapter relies on (nonce + enforce_nonce, threads from messages, ephemeral interaction messages).
 * Plain data; discord-rest.ts and discord-gateway.ts drive it.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let counter = 0n;

/** A snowflake for "now": time in the high bits, a counter in the low ones, so ids sort by creation. */
export function snowflake(at = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | counter).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface FakeChannel {
  id: string;
  /** 0 guild text, 1 DM, 11 public thread. */
  type: 0 | 1 | 11;
  guild_id?: string;
  parent_id?: string;
  name?: string;
  /** Thread created from this message id (threads) — equals the thread id on Discord. */
  owner_id?: string;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  author: FakeUser;
  content: string;
  embeds: Record<string, unknown>[];
  timestamp: string;
  flags: number;
  type: number;
  mentions: FakeUser[];
  nonce?: string | number;
  webhook_id?: string;
  application_id?: string;
  message_reference?: Record<string, unknown>;
  /** Not part of Discord's JSON: whether the message is only visible to its interaction's user. */
  ephemeral: boolean;
  /** Not part of Discord's JSON: the request body that created or last edited it. */
  body: Record<string, unknown>;
}

export class DiscordState {
  readonly bot: FakeUser;
  readonly channels = new Map<string, FakeChannel>();
  /** Every message in creation order (ephemeral ones too; they are left out of channel history). */
  readonly messages: FakeMessage[] = [];
  /** How long a nonce is checked for uniqueness with enforce_nonce (Discord: "the past few minutes"). */
  nonceWindowMs = 5 * 60_000;
  private readonly nonceSeen = new Map<string, { messageId: string; at: number }>();

  constructor(readonly appId: string) {
    this.bot = {
      id: appId,
      username: 'chipbrief',
      global_name: null,
      discriminator: '0000',
      avatar: null,
      bot: true,
    };
  }

  user(id: string, username = `user${id.slice(-4)}`): FakeUser {
    return { id, username, global_name: username, discriminator: '0', avatar: null };
  }

  addChannel(channel: FakeChannel): FakeChannel {
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Creates a message; with `enforceNonce`, a nonce seen from the same author recently returns that message. */
  createMessage(input: {
    channelId: string;
    author: FakeUser;
    body: Record<string, unknown>;
    ephemeral?: boolean;
    webhookId?: string;
    enforceNonce?: boolean;
    at?: number;
  }): { message: FakeMessage; created: boolean } {
    const at = input.at ?? Date.now();
    const nonce = input.body.nonce as string | number | undefined;
    const key = nonce === undefined ? null : `${input.author.id}\u0000${String(nonce)}`;
    if (key && input.enforceNonce) {
      const seen = this.nonceSeen.get(key);
      if (seen && at - seen.at <= this.nonceWindowMs) {
        const existing = this.messages.find((m) => m.id === seen.messageId);
        if (existing) return { message: existing, created: false };
      }
    }
    const message: FakeMessage = {
      id: snowflake(at),
      channel_id: input.channelId,
      author: input.author,
      content: typeof input.body.content === 'string' ? input.body.content : '',
      embeds: Array.isArray(input.body.embeds) ? (input.body.embeds as Record<string, unknown>[]) : [],
      timestamp: new Date(at).toISOString(),
      flags: typeof input.body.flags === 'number' ? input.body.flags : 0,
      type: input.body.message_reference ? 19 : 0,
      mentions: [],
      ephemeral: input.ephemeral ?? false,
      body: input.body,
      ...(nonce === undefined ? {} : { nonce }),
      ...(input.webhookId ? { webhook_id: input.webhookId, application_id: this.appId } : {}),
      ...(input.body.message_reference
        ? { message_reference: input.body.message_reference as Record<string, unknown> }
        : {}),
    };
    this.messages.push(message);
    if (key) this.nonceSeen.set(key, { messageId: message.id, at });
    return { message, created: true };
  }

  editMessage(message: FakeMessage, body: Record<string, unknown>): FakeMessage {
    if (typeof body.content === 'string') message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds as Record<string, unknown>[];
    message.body = body;
    return message;
  }

  /** Visible messages of a channel or thread, oldest first. */
  history(channelId: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel_id === channelId && !m.ephemeral);
  }

  /** Messages the bot (or its webhooks) posted in one channel, thread, or anywhere. */
  botMessages(channelId?: string): FakeMessage[] {
    return this.messages.filter(
      (m) => m.author.id === this.bot.id && (channelId === undefined || m.channel_id === channelId),
    );
  }

  /** The message as Discord returns it: no nonce (Discord echoes it only on create), no fake-only fields. */
  toJson(m: FakeMessage, withNonce = false): Record<string, unknown> {
    const { ephemeral: _e, body: _b, nonce, ...rest } = m;
    const thread = this.channels.get(m.id);
    return {
      ...rest,
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mention_roles: [],
      attachments: [],
      components: [],
      pinned: false,
      ...(withNonce && nonce !== undefined ? { nonce } : {}),
      ...(thread && thread.type === 11 ? { thread: this.channelJson(thread) } : {}),
    };
  }

  channelJson(c: FakeChannel): Record<string, unknown> {
    return {
      id: c.id,
      type: c.type,
      ...(c.guild_id ? { guild_id: c.guild_id } : {}),
      ...(c.parent_id ? { parent_id: c.parent_id } : {}),
      ...(c.name ? { name: c.name } : {}),
      ...(c.type === 1 ? { recipients: [] } : {}),
      ...(c.type === 11
        ? {
            owner_id: this.bot.id,
            thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
            message_count: this.history(c.id).length,
            member_count: 1,
          }
        : {}),
    };
  }
}
