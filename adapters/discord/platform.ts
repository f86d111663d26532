import { REST } from 'discord.js';
import type { Answer } from '../../src/answers/answer.js';
import type { Config } from '../../src/config.js';
import type { Digest } from '../../src/digests/digest.js';
import type { Logger } from '../../src/log.js';
import type { PlatformPort, ReplyDelivery, ReplyTarget } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { DigestPoster, type DigestPosterDeps } from './digest-poster.js';
import { DiscordApi } from './discord-api.js';
import { DiscordReplier } from './replier.js';
import { ThreadRecorder } from './thread-context.js';

export const DISCORD_API_VERSION = '10';

/**
 * The REST base for discord.js from DISCORD_API_URL: discord.js appends `/v10` itself, so a base given
 * with a version (`…/api/v10`) or a trailing slash is trimmed to `…/api`.
 */
export function restBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}

/** A discord.js REST client for the configured API (real Discord unless DISCORD_API_URL says otherwise). */
export function createRest(config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_API_URL'>): REST {
  const api = restBase(config.DISCORD_API_URL);
  const rest = new REST({ version: DISCORD_API_VERSION, ...(api ? { api } : {}) });
  if (config.DISCORD_TOKEN) rest.setToken(config.DISCORD_TOKEN);
  return rest;
}

export interface DiscordPlatformDeps {
  api: DiscordApi;
  log: Logger;
  /** With a store, digest and answer threads are recorded at post time (else recovered on mention). */
  store?: Store | null;
  now?: () => Date;
  /** Digest packing (tests use small messages to exercise multi-part threads). */
  render?: DigestPosterDeps['render'];
}

/** Discord's posting side (PlatformPort): digests and replies, all over REST. */
export class DiscordPlatform implements PlatformPort {
  readonly platform = 'discord' as const;
  private readonly poster: DigestPoster;
  private readonly replier: DiscordReplier;

  constructor(deps: DiscordPlatformDeps) {
    const threads = deps.store ? new ThreadRecorder(deps.store, deps.log) : null;
    this.poster = new DigestPoster({
      api: deps.api,
      log: deps.log,
      threads,
      ...(deps.render ? { render: deps.render } : {}),
    });
    this.replier = new DiscordReplier({
      api: deps.api,
      log: deps.log,
      threads,
      store: deps.store ?? null,
      ...(deps.now ? { now: deps.now } : {}),
    });
  }

  findPostedDigest(channelId: string, digestId: string, since: Date): Promise<string | null> {
    return this.poster.findPostedDigest(channelId, digestId, since);
  }

  postDigest(digest: Digest): Promise<string> {
    return this.poster.postDigest(digest);
  }

  reply(target: ReplyTarget, answer: Answer, delivery?: ReplyDelivery): Promise<string> {
    return this.replier.reply(target, answer, delivery);
  }
}

/**
 * The posting side for worker processes (a `PlatformFactory` for jobs/): null unless DISCORD_TOKEN and
 * DISCORD_APP_ID are set. Pass the store when the process has one so threads are recorded at post time.
 */
export function discordPlatform(
  config: Config,
  log: Logger,
  store?: DiscordPlatformDeps['store'],
): DiscordPlatform | null {
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) return null;
  const api = new DiscordApi(createRest(config), config.DISCORD_APP_ID);
  return new DiscordPlatform({ api, log, store: store ?? null });
}
