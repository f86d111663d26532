import type { Answer } from '../../src/answers/answer.js';
import type { Config } from '../../src/config.js';
import type { Digest } from '../../src/digests/digest.js';
import type { Services } from '../../src/ingest/services.js';
import type { Logger } from '../../src/log.js';
import type { CommandSink, PlatformPort, ReplyDelivery, ReplyTarget } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import type { DiscordDeps, DiscordHandle, DiscordHealth } from './start.js';

/*
 * The adapter's entry points for the composition root (jobs/main.ts). This module loads nothing of
 * discord.js (about a second of start-up): every function imports the rest when it is first used, so
 * `chipbrief extract` and friends do not pay for Discord.
 */

export { discordCli } from './cli.js';
export type { DiscordDeps, DiscordHandle, DiscordHealth } from './start.js';

/**
 * Starts the Discord adapter for `chipbrief serve` (see start.ts): the discord.js gateway client with
 * intents Guilds, GuildMessages, DirectMessages; `/chipbrief`, its autocomplete, mentions and DMs are
 * deferred/acknowledged and handed to `deps.sink`. Returns the posting side (store-backed), `health()`
 * and `stop()`. Throws ConfigError without DISCORD_TOKEN / DISCORD_APP_ID, PLATFORM_FAILED when the
 * token is rejected or the gateway is not ready within a minute.
 */
export async function startDiscord(deps: DiscordDeps): Promise<DiscordHandle> {
  return (await import('./start.js')).startDiscord(deps);
}

/**
 * The `serve` starter (`QueueHooks.adapters`, structurally an AdapterStarter): null when DISCORD_TOKEN or
 * DISCORD_APP_ID is not set; otherwise starts the client and makes its platform (which records thread
 * context in the store) the one this process's jobs post through (`services.platforms`).
 */
export async function startDiscordAdapter(ctx: {
  config: DiscordDeps['config'];
  services: Pick<Services, 'store' | 'clock' | 'platforms'>;
  commands: CommandSink;
  log: Logger;
}): Promise<{ name: string; stop(): Promise<void>; health(): DiscordHealth } | null> {
  if (!ctx.config.DISCORD_TOKEN || !ctx.config.DISCORD_APP_ID) return null;
  const handle = await startDiscord({
    config: ctx.config,
    services: ctx.services,
    sink: ctx.commands,
    log: ctx.log,
  });
  ctx.services.platforms.set('discord', handle.platform);
  return { name: 'discord', stop: () => handle.stop(), health: () => handle.health() };
}

/**
 * The posting side for worker processes (`QueueHooks.platforms`, a PlatformFactory): null unless
 * DISCORD_TOKEN and DISCORD_APP_ID are set. REST only (no gateway), loaded on first use. With `store`,
 * thread context is recorded when digests and answers are posted; without it, it is recovered from the
 * thread's starter message when someone mentions the bot there.
 */
export function discordPlatform(config: Config, log: Logger, store?: Store | null): PlatformPort | null {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) return null;
  let real: Promise<PlatformPort> | null = null;
  const load = () => {
    real ??= import('./platform.js').then((m) => m.discordPlatform(config, log, store ?? null)!);
    return real;
  };
  return {
    platform: 'discord',
    findPostedDigest: async (channelId: string, digestId: string, since: Date) =>
      (await load()).findPostedDigest(channelId, digestId, since),
    postDigest: async (digest: Digest) => (await load()).postDigest(digest),
    reply: async (target: ReplyTarget, answer: Answer, delivery?: ReplyDelivery) =>
      (await load()).reply(target, answer, delivery),
  };
}

/** Checks for `chipbrief doctor` (see doctor.ts): token accepted, application id matches, command registered. */
export async function checkDiscord(
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_APP_ID' | 'DISCORD_API_URL'>,
): Promise<import('./doctor.js').DiscordCheck[]> {
  if (!config.DISCORD_TOKEN) return [];
  return (await import('./doctor.js')).checkDiscord(config);
}
