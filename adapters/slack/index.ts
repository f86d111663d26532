import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Config } from '../../src/config.js';
import { ConfigError, toChipbriefError } from '../../src/errors.js';
import type { Services } from '../../src/ingest/services.js';
import type { Logger } from '../../src/log.js';
import type { MetricsPort } from '../../src/metrics-port.js';
import type { CommandSink } from '../../src/ports.js';
import { SlackAdmins } from './admins.js';
import { slackLogger } from './bolt-logger.js';
import { registerInbound } from './inbound.js';
import { SlackPlatform, type SlackTuning } from './platform.js';

export {
  type BotIdentity,
  createSlackPlatform,
  SlackPlatform,
  type SlackTuning,
  slackPlatformFactory,
} from './platform.js';

export interface SlackHealth {
  ok: boolean;
  mode: 'socket' | 'http';
  /** Socket Mode: the WebSocket is open; HTTP: the receiver is listening. */
  connected: boolean;
  botUserId: string | null;
  lastEventAt: string | null;
}

export interface SlackHandle {
  /** Posting side, for `services.platforms.set('slack', handle.platform)`. */
  platform: SlackPlatform;
  mode: 'socket' | 'http';
  /** HTTP mode: the port the receiver listens on (PORT, or the one picked for PORT=0). */
  port: number | null;
  health(): SlackHealth;
  /** Stops receiving (closes the HTTP server or the WebSocket). Idempotent. */
  stop(): Promise<void>;
}

export interface SlackDeps {
  config: Pick<
    Config,
    'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL' | 'PORT' | 'file'
  >;
  services: Pick<Services, 'store' | 'clock'>;
  sink: CommandSink;
  log: Logger;
  tuning?: SlackTuning;
  /** Where command ack latency goes (serve's /metrics). */
  metrics?: MetricsPort;
}

/**
 * Starts the Slack adapter for `chipbrief serve`: checks the bot token (auth.test), then receives
 * `/chipbrief`, mentions and DMs — over Socket Mode when SLACK_APP_TOKEN is set (no public URL),
 * otherwise over HTTP on PORT at /slack/events with signed-request verification — and hands each to
 * `sink` after acknowledging it. The returned `platform` is the posting side the jobs use.
 */
export async function startSlack(deps: SlackDeps): Promise<SlackHandle> {
  const { config, log } = deps;
  const token = config.SLACK_BOT_TOKEN;
  if (!token) throw new ConfigError('SLACK_BOT_TOKEN: required for Slack — set the bot token (xoxb-...)');
  const socket = Boolean(config.SLACK_APP_TOKEN);
  if (!socket && !config.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET: required for the HTTP receiver — set it, or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  const tuning = deps.tuning ?? {};
  const now = tuning.now ?? (() => deps.services.clock.now());
  const platform = new SlackPlatform({
    token,
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    store: deps.services.store,
    log,
    tuning: { ...tuning, now },
  });
  const identity = await platform.connect();
  const logger = slackLogger(log);
  const clientOptions = config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {};

  let connected = false;
  let lastEventAt: string | null = null;
  const receiver = socket
    ? new SocketModeReceiver({
        appToken: config.SLACK_APP_TOKEN!,
        logger,
        // The Socket Mode client's own WebClient calls apps.connections.open: same API base.
        installerOptions: { clientOptions: { ...clientOptions } },
        ...(tuning.clientPingTimeoutMs ? { clientPingTimeout: tuning.clientPingTimeoutMs } : {}),
        ...(tuning.serverPingTimeoutMs ? { serverPingTimeout: tuning.serverPingTimeoutMs } : {}),
      })
    : new HTTPReceiver({
        signingSecret: config.SLACK_SIGNING_SECRET!,
        endpoints: '/slack/events',
        port: config.PORT,
        logger,
      });
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => {
      connected = true;
    });
    receiver.client.on('disconnected', () => {
      connected = false;
    });
    receiver.client.on('reconnecting', () => {
      connected = false;
    });
  }

  const app = new App({
    receiver,
    token,
    ...(identity.botId ? { botId: identity.botId } : {}),
    ...(identity.botUserId ? { botUserId: identity.botUserId } : {}),
    tokenVerificationEnabled: false,
    clientOptions,
    logger,
  });
  app.error(async (err) => {
    log.error({ err }, 'slack: listener failed');
  });

  const configured = new Set(config.file.admins.filter((a) => a.platform === 'slack').map((a) => a.userId));
  registerInbound(app, {
    api: platform.api,
    sink: deps.sink,
    admins: new SlackAdmins(configured, platform.api, log, tuning.adminCacheMs),
    threads: platform.threads,
    log,
    bot: () => platform.bot(),
    commandName: tuning.commandName ?? '/chipbrief',
    now,
    onEvent: () => {
      lastEventAt = now().toISOString();
    },
    onAck: (seconds) => deps.metrics?.commandAcked('slack', seconds),
  });

  let port: number | null = null;
  try {
    if (socket) {
      await app.start();
    } else {
      const server = (await app.start(config.PORT)) as Server;
      port = (server.address() as AddressInfo).port;
    }
    connected = true;
  } catch (err) {
    throw startError(err, config.PORT);
  }
  log.info({ mode: socket ? 'socket' : 'http', port, botUserId: identity.botUserId }, 'slack: receiving');

  let stopped = false;
  return {
    platform,
    mode: socket ? 'socket' : 'http',
    port,
    health: () => ({
      ok: connected && !stopped,
      mode: socket ? 'socket' : 'http',
      connected: connected && !stopped,
      botUserId: identity.botUserId,
      lastEventAt,
    }),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      connected = false;
      await app.stop();
    },
  };
}

/** A failed start in one line that says what to fix. */
function startError(err: unknown, port: number): Error {
  const e = err as { code?: unknown; data?: { error?: unknown }; message?: string };
  if (e.code === 'EADDRINUSE') {
    return new ConfigError(
      `PORT: ${port} is already in use — set PORT to a free port, or use Socket Mode (SLACK_APP_TOKEN)`,
    );
  }
  const slackError = typeof e.data?.error === 'string' ? e.data.error : null;
  if (slackError && /invalid_auth|not_authed|token_revoked|not_allowed_token_type/.test(slackError)) {
    return new ConfigError(
      `SLACK_APP_TOKEN: Slack rejected the app-level token (${slackError}) — create one with the connections:write scope (Basic Information → App-Level Tokens)`,
    );
  }
  return toChipbriefError(err, 'PLATFORM_FAILED');
}

/**
 * The `serve` starter (`QueueHooks.adapters`, structurally an AdapterStarter): null when SLACK_BOT_TOKEN
 * is not set; otherwise starts the receiver and makes its platform (which records thread context in the
 * store) the one this process's jobs post through.
 */
export async function startSlackAdapter(ctx: {
  config: SlackDeps['config'];
  services: Pick<Services, 'store' | 'clock' | 'platforms'>;
  commands: CommandSink;
  log: Logger;
  metrics?: MetricsPort;
}): Promise<{ name: string; stop(): Promise<void>; health(): SlackHealth } | null> {
  if (!ctx.config.SLACK_BOT_TOKEN) return null;
  const handle = await startSlack({
    config: ctx.config,
    services: ctx.services,
    sink: ctx.commands,
    log: ctx.log,
    metrics: ctx.metrics,
  });
  ctx.services.platforms.set('slack', handle.platform);
  return { name: 'slack', stop: () => handle.stop(), health: () => handle.health() };
}
