import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DiscordGateway } from './discord-gateway.js';
import { type CapturedRequest, DiscordRest, type Fault } from './discord-rest.js';
import { DiscordState, type FakeMessage, type FakeUser, snowflake } from './discord-state.js';

export const FAKE_APP_ID = '900000000000000001';
export const FAKE_GUILD_ID = '910000000000000001';
/** Manage Server (1 << 5) plus ordinary chat permissions. */
export const MANAGE_GUILD_PERMS = String((1n << 5n) | (1n << 10n) | (1n << 11n));
/** View channel + send messages only. */
export const MEMBER_PERMS = String((1n << 10n) | (1n << 11n));

export interface SlashInput {
  /** Subcommand name, e.g. 'who'. */
  sub: string;
  /** Subcommand group, e.g. 'sources'. */
  group?: string;
  options?: Record<string, string>;
  channelId: string;
  user?: FakeUser;
  /** Member permissions bitfield as a decimal string; absent in DMs. */
  permissions?: string;
  dm?: boolean;
  /** Autocomplete: the option being typed. */
  focused?: string;
}

export interface FakeDiscord {
  /** REST base for DISCORD_API_URL (no version: discord.js adds /v10). */
  apiUrl: string;
  gatewayUrl: string;
  appId: string;
  token: string;
  state: DiscordState;
  rest: DiscordRest;
  gateway: DiscordGateway;
  requests: CapturedRequest[];
  /** Queues a fault (429, status, dropped response) for matching requests. */
  fault(f: Fault): void;
  /** Sends INTERACTION_CREATE for `/chipbrief <group?> <sub> ...`; returns its id, token and send time. */
  slash(input: SlashInput): { id: string; token: string; sentAt: number };
  /** A user message (optionally mentioning the bot) created in a channel and dispatched as MESSAGE_CREATE. */
  userMessage(input: {
    channelId: string;
    content: string;
    author?: FakeUser;
    mentionBot?: boolean;
    dm?: boolean;
  }): FakeMessage;
  /** Requests matching method and path pattern. */
  find(method: string, path: RegExp): CapturedRequest[];
  /** Waits until `pred` holds (polling), or throws after `ms`. */
  until<T>(pred: () => T | undefined | null | false, ms?: number): Promise<T>;
  close(): Promise<void>;
}

/** Starts the fake Discord (REST + gateway on one local port) with a guild text channel and a DM channel. */
export async function startFakeDiscord(opts: { heartbeatMs?: number } = {}): Promise<FakeDiscord> {
  const state = new DiscordState(FAKE_APP_ID);
  const rest = new DiscordRest(state);
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    rest.handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const gateway = new DiscordGateway(server, state, opts.heartbeatMs ?? 400);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const gatewayUrl = `ws://127.0.0.1:${port}`;
  rest.gatewayUrl = gatewayUrl;
  gateway.url = gatewayUrl;

  const slash = (input: SlashInput) => {
    const id = snowflake();
    const token = `itok-${id}`;
    rest.addInteraction(id, token, input.channelId);
    const user = input.user ?? state.user('700000000000000001', 'analyst');
    const leaf: Record<string, unknown>[] = Object.entries(input.options ?? {}).map(([name, value]) => ({
      type: 3,
      name,
      value,
      ...(input.focused === name ? { focused: true } : {}),
    }));
    const sub = { type: 1, name: input.sub, options: leaf };
    const top = input.group ? { type: 2, name: input.group, options: [sub] } : sub;
    const channel = state.channels.get(input.channelId);
    const payload: Record<string, unknown> = {
      id,
      application_id: FAKE_APP_ID,
      type: input.focused ? 4 : 2,
      data: { id: '920000000000000001', name: 'chipbrief', type: 1, options: [top] },
      channel_id: input.channelId,
      channel: channel ? state.channelJson(channel) : { id: input.channelId, type: 0 },
      token,
      version: 1,
      locale: 'en-US',
      app_permissions: MANAGE_GUILD_PERMS,
      entitlements: [],
      authorizing_integration_owners: { '0': FAKE_GUILD_ID },
      context: input.dm ? 1 : 0,
      attachment_size_limit: 8_388_608,
    };
    if (input.dm) {
      payload.user = user;
    } else {
      payload.guild_id = FAKE_GUILD_ID;
      payload.guild_locale = 'en-US';
      payload.guild = { id: FAKE_GUILD_ID, locale: 'en-US', features: [] };
      payload.member = {
        user,
        roles: [],
        permissions: input.permissions ?? MEMBER_PERMS,
        joined_at: '2025-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      };
    }
    const sentAt = Date.now();
    gateway.dispatch('INTERACTION_CREATE', payload);
    return { id, token, sentAt };
  };

  const userMessage: FakeDiscord['userMessage'] = (input) => {
    const author = input.author ?? state.user('700000000000000001', 'analyst');
    const mention = input.mentionBot ? `<@${state.bot.id}> ` : '';
    const { message } = state.createMessage({
      channelId: input.channelId,
      author,
      body: { content: `${mention}${input.content}` },
    });
    if (input.mentionBot) message.mentions = [state.bot];
    const channel = state.channels.get(input.channelId);
    gateway.dispatch('MESSAGE_CREATE', {
      ...state.toJson(message),
      ...(input.dm || !channel?.guild_id
        ? {}
        : {
            guild_id: channel.guild_id,
            member: { roles: [], joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
          }),
      ...(channel ? { channel_type: channel.type } : {}),
    });
    return message;
  };

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    appId: FAKE_APP_ID,
    token: rest.token,
    state,
    rest,
    gateway,
    requests: rest.requests,
    fault: (f) => rest.faults.push(f),
    slash,
    userMessage,
    find: (method, path) => rest.requests.filter((r) => r.method === method && path.test(r.path)),
    until: async <T>(pred: () => T | undefined | null | false, ms = 5_000): Promise<T> => {
      const end = Date.now() + ms;
      for (;;) {
        const v = pred();
        if (v) return v;
        if (Date.now() > end) throw new Error('fake discord: condition not met in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: async () => {
      await gateway.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Standard channels the tests use. */
export function seedChannels(fake: FakeDiscord): { channelId: string; dmId: string } {
  const channelId = '930000000000000001';
  const dmId = '930000000000000002';
  fake.state.addChannel({ id: channelId, type: 0, guild_id: FAKE_GUILD_ID, name: 'chip-policy' });
  fake.state.addChannel({ id: dmId, type: 1 });
  return { channelId, dmId };
}
