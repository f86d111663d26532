import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import type { Config } from '../../src/config.js';
import { ChipbriefError } from '../../src/errors.js';
import { DISCORD_API_VERSION, restBase } from './platform.js';

/** Guilds, guild messages and DMs: no privileged intent (no MESSAGE_CONTENT, no members, no presences). */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
];

/**
 * The discord.js client: minimal intents, REST base from DISCORD_API_URL (the gateway URL then comes
 * from that API's `GET /gateway/bot`, so a proxy or test server serves both), no message cache (the
 * adapter reads the raw events it needs), and mentions disabled by default on anything sent through it.
 */
export function createClient(config: Pick<Config, 'DISCORD_API_URL'>): Client {
  const api = restBase(config.DISCORD_API_URL);
  return new Client({
    intents: INTENTS,
    rest: { version: DISCORD_API_VERSION, ...(api ? { api } : {}) },
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
  });
}

/** Logs in and waits until the gateway session is ready; a rejected token is a permanent, explained failure. */
export async function connect(client: Client, token: string, timeoutMs = 60_000): Promise<void> {
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new ChipbriefError('PLATFORM_FAILED', `discord: gateway not ready after ${timeoutMs} ms`)),
      timeoutMs,
    );
    timer.unref();
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(token);
  } catch (err) {
    await client.destroy().catch(() => {});
    const invalid = (err as { code?: unknown }).code === 'TokenInvalid';
    throw new ChipbriefError(
      'PLATFORM_FAILED',
      invalid
        ? 'discord: DISCORD_TOKEN was rejected — copy the bot token again from the developer portal (Bot → Reset Token)'
        : `discord: could not connect to the gateway: ${(err as Error).message}`,
      { cause: err, permanent: invalid },
    );
  }
  if (!client.isReady()) {
    try {
      await ready;
    } catch (err) {
      await client.destroy().catch(() => {});
      throw err;
    }
  }
}
