import type { Answer } from '../../src/answers/answer.js';
import type { Config } from '../../src/config.js';
import type { Digest } from '../../src/digests/digest.js';
import { ConfigError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import type { PlatformPort, ReplyDelivery, ReplyTarget } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { DigestPoster } from './digest-poster.js';
import { ChannelPacer, realSleep, type Sleep } from './pacer.js';
import type { PackLimits } from './pack.js';
import { SlackReplier } from './replier.js';
import { SlackApi, SlackCallError } from './slack-api.js';
import { ThreadMemory } from './thread-memory.js';

const REJECTED = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
]);

/** Knobs with production defaults; tests shorten the waits. */
export interface SlackTuning {
  /** Minimum gap between two posts to one channel (Slack: about 1 message/s/channel). Default 1000. */
  postIntervalMs?: number;
  /** How waits (pacing, Retry-After, backoff) sleep; tests inject a fast or recording one. */
  sleep?: Sleep;
  /** Rate-limit answers one call waits out before failing. Default 5. */
  rateLimitWaits?: number;
  /** Longest Retry-After waited in-process (longer: the job retries later). Default 5 min. */
  maxRetryAfterMs?: number;
  /** How long a users.info admin verdict is cached. Default 5 min. */
  adminCacheMs?: number;
  /** Message size budget (blocks per message, characters of block text). */
  pack?: PackLimits;
  /** Digests of at most this many stories are one message when they fit. Default 3. */
  inlineMaxStories?: number;
  /** Slash command name. Default '/chipbrief'. */
  commandName?: string;
  now?: () => Date;
  /** Socket Mode heartbeat timeouts (ms). */
  clientPingTimeoutMs?: number;
  serverPingTimeoutMs?: number;
}

export interface BotIdentity {
  botId: string | null;
  botUserId: string | null;
  teamId: string | null;
}

/**
 * Slack's posting side (PlatformPort): what the digest and answer jobs use, in `serve` and in
 * `worker` processes alike. Needs only SLACK_BOT_TOKEN (and SLACK_API_URL); no receiver.
 */
export class SlackPlatform implements PlatformPort {
  readonly platform = 'slack' as const;
  readonly api: SlackApi;
  readonly pacer: ChannelPacer;
  readonly threads: ThreadMemory;
  private readonly poster: DigestPoster;
  private readonly replier: SlackReplier;
  private identity: BotIdentity | null = null;

  constructor(deps: {
    token: string;
    apiUrl?: string;
    /** Where thread context is recorded; null in a posting-only process (see ThreadMemory). */
    store: Store | null;
    log: Logger;
    tuning?: SlackTuning;
  }) {
    const t = deps.tuning ?? {};
    const sleep = t.sleep ?? realSleep;
    const log = deps.log.child({ platform: 'slack' });
    this.pacer = new ChannelPacer(t.postIntervalMs ?? 1000, sleep);
    this.api = new SlackApi({
      token: deps.token,
      ...(deps.apiUrl ? { apiUrl: deps.apiUrl } : {}),
      log,
      pacer: this.pacer,
      sleep,
      ...(t.rateLimitWaits !== undefined ? { rateLimitWaits: t.rateLimitWaits } : {}),
      ...(t.maxRetryAfterMs !== undefined ? { maxRetryAfterMs: t.maxRetryAfterMs } : {}),
    });
    this.threads = new ThreadMemory(deps.store, log);
    const bot = () => ({ botId: this.identity?.botId ?? null, botUserId: this.identity?.botUserId ?? null });
    this.poster = new DigestPoster({
      api: this.api,
      threads: this.threads,
      log,
      bot,
      render: {
        ...(t.pack ? { pack: t.pack } : {}),
        ...(t.inlineMaxStories !== undefined ? { inlineMaxStories: t.inlineMaxStories } : {}),
      },
      ...(t.now ? { now: t.now } : {}),
    });
    this.replier = new SlackReplier({
      api: this.api,
      store: deps.store,
      pacer: this.pacer,
      threads: this.threads,
      log,
      sleep,
      bot,
      connect: () => this.connect(),
      ...(t.pack ? { pack: t.pack } : {}),
      ...(t.now ? { now: t.now } : {}),
    });
  }

  /** auth.test once: the bot's user and bot ids (mention stripping, telling our messages apart). */
  async connect(): Promise<BotIdentity> {
    if (this.identity) return this.identity;
    let res: Record<string, unknown>;
    try {
      res = await this.api.read('auth.test');
    } catch (err) {
      if (err instanceof SlackCallError && err.slackError && REJECTED.has(err.slackError)) {
        throw new ConfigError(
          `SLACK_BOT_TOKEN: Slack rejected the bot token (${err.slackError}) — copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page`,
        );
      }
      throw err;
    }
    this.identity = {
      botId: typeof res.bot_id === 'string' ? res.bot_id : null,
      botUserId: typeof res.user_id === 'string' ? res.user_id : null,
      teamId: typeof res.team_id === 'string' ? res.team_id : null,
    };
    return this.identity;
  }

  bot(): BotIdentity {
    return this.identity ?? { botId: null, botUserId: null, teamId: null };
  }

  async findPostedDigest(channelId: string, digestId: string, since: Date): Promise<string | null> {
    await this.connect();
    return this.poster.findPostedDigest(channelId, digestId, since);
  }

  async postDigest(digest: Digest): Promise<string> {
    await this.connect();
    return this.poster.postDigest(digest);
  }

  reply(target: ReplyTarget, answer: Answer, delivery?: ReplyDelivery): Promise<string> {
    return this.replier.reply(target, answer, delivery);
  }
}

/**
 * The posting side alone, for `chipbrief worker` (digest and answer jobs). Checks the token with
 * auth.test so a bad token fails at start, not at the first digest.
 */
export async function createSlackPlatform(deps: {
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>;
  store: Store | null;
  log: Logger;
  tuning?: SlackTuning;
}): Promise<SlackPlatform> {
  const token = deps.config.SLACK_BOT_TOKEN;
  if (!token)
    throw new ConfigError('SLACK_BOT_TOKEN: required to post to Slack — set the bot token (xoxb-...)');
  const platform = new SlackPlatform({
    token,
    ...(deps.config.SLACK_API_URL ? { apiUrl: deps.config.SLACK_API_URL } : {}),
    store: deps.store,
    log: deps.log,
    ...(deps.tuning ? { tuning: deps.tuning } : {}),
  });
  await platform.connect();
  return platform;
}

/**
 * The posting side for the queue's platform factories (`QueueHooks.platforms`): null when
 * SLACK_BOT_TOKEN is not set. Synchronous; the token is checked (auth.test) on first use. With the
 * store, digests and answers posted by this process record their thread context at once (otherwise it
 * is recovered from the thread's root message when someone follows up).
 */
export function slackPlatformFactory(
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>,
  log: Logger,
  deps: { store?: Store | null } = {},
): SlackPlatform | null {
  if (!config.SLACK_BOT_TOKEN) return null;
  return new SlackPlatform({
    token: config.SLACK_BOT_TOKEN,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    store: deps.store ?? null,
    log,
  });
}
