import { Status } from 'discord.js';
import type { Config } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import type { Services } from '../../src/ingest/services.js';
import type { Logger } from '../../src/log.js';
import type { CommandSink } from '../../src/ports.js';
import { DiscordAdmins } from './admins.js';
import { ChannelResolver } from './channels.js';
import { connect, createClient } from './client.js';
import { DiscordApi } from './discord-api.js';
import { registerInbound } from './inbound.js';
import { DiscordPlatform } from './platform.js';
import { ThreadRecorder } from './thread-context.js';

export interface DiscordHealth {
  ok: boolean;
  /** The gateway session is ready. */
  connected: boolean;
  /** Last heartbeat round trip, ms (-1 before the first). */
  pingMs: number;
  botUserId: string | null;
  lastEventAt: string | null;
}

export interface DiscordHandle {
  /** Posting side (records thread context in the store): for `services.platforms.set('discord', …)`. */
  platform: DiscordPlatform;
  health(): DiscordHealth;
  /** Disconnects the gateway. Idempotent. */
  stop(): Promise<void>;
}

export interface DiscordDeps {
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_APP_ID' | 'DISCORD_API_URL' | 'file'>;
  services: Pick<Services, 'store' | 'clock'>;
  sink: CommandSink;
  log: Logger;
}

/**
 * Starts the Discord adapter for `chipbrief serve`: logs the discord.js client in to the gateway
 * (intents Guilds, GuildMessages, DirectMessages — none privileged), then receives `/chipbrief`
 * (deferred at once, then handed to `sink`), its autocomplete, mentions of the bot and DMs. The
 * returned `platform` posts digests and replies through the client's REST (shared rate-limit state).
 * Throws a ConfigError when DISCORD_TOKEN or DISCORD_APP_ID is missing, and PLATFORM_FAILED when the
 * token is rejected or the gateway does not become ready.
 */
export async function startDiscord(deps: DiscordDeps): Promise<DiscordHandle> {
  const { config, log } = deps;
  const token = config.DISCORD_TOKEN;
  const appId = config.DISCORD_APP_ID;
  if (!token) throw new ConfigError('DISCORD_TOKEN: required for Discord — set the bot token');
  if (!appId)
    throw new ConfigError(
      'DISCORD_APP_ID: required for Discord — copy the Application ID from the developer portal',
    );
  const now = () => deps.services.clock.now();
  const client = createClient(config);
  const api = new DiscordApi(client.rest, appId);
  const store = deps.services.store;
  const threads = new ThreadRecorder(store, log);
  let lastEventAt: string | null = null;
  registerInbound({
    client,
    api,
    sink: deps.sink,
    admins: new DiscordAdmins(config.file.admins),
    channels: new ChannelResolver(api, client),
    threads,
    store,
    log,
    now,
    onEvent: () => {
      lastEventAt = now().toISOString();
    },
  });
  client.on('error', (err) => log.error({ err }, 'discord: client error'));
  client.on('shardDisconnect', (e, id) =>
    log.warn({ code: e.code, shard: id }, 'discord: gateway closed for good'),
  );
  await connect(client, token);
  log.info({ botUserId: client.user?.id ?? null }, 'discord: receiving');

  let stopped = false;
  const platform = new DiscordPlatform({ api, log, store, now });
  return {
    platform,
    health: () => {
      const connected = !stopped && client.ws.status === Status.Ready;
      return {
        ok: connected,
        connected,
        pingMs: client.ws.ping,
        botUserId: client.user?.id ?? null,
        lastEventAt,
      };
    },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}
