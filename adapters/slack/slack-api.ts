import { webApi } from '@slack/bolt';
import { ChipbriefError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { slackLogger } from './bolt-logger.js';
import { type ChannelPacer, realSleep, type Sleep } from './pacer.js';

/** Slack error codes that the same call cannot get past by retrying. */
const PERMANENT = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'invalid_blocks',
  'invalid_arguments',
  'msg_too_long',
  'no_text',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'restricted_action',
  'user_not_found',
  'thread_not_found',
  'cannot_reply_to_message',
  'method_deprecated',
  'expired_url',
  'used_url',
]);

/** A failed Slack call: `slackError` is Slack's error code, `ambiguous` true when it may have happened. */
export class SlackCallError extends ChipbriefError {
  constructor(
    message: string,
    readonly slackError: string | null,
    readonly ambiguous: boolean,
    options: { cause?: unknown; rateLimited?: boolean } = {},
  ) {
    super(options.rateLimited ? 'PLATFORM_RATE_LIMITED' : 'PLATFORM_FAILED', message, {
      cause: options.cause,
      permanent: slackError !== null && PERMANENT.has(slackError),
    });
    this.name = 'SlackCallError';
  }
}

export type SlackResult = Record<string, unknown>;

export interface SlackApiOptions {
  token: string;
  /** Web API base (SLACK_API_URL); Slack's own when absent. */
  apiUrl?: string;
  log: Logger;
  pacer: ChannelPacer;
  sleep?: Sleep;
  /** How many rate-limit answers one call waits out before giving up. */
  rateLimitWaits?: number;
  /** Longest Retry-After honoured in-process; longer ones fail the call so the job retries later. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
}

/**
 * The Web API as this adapter uses it. The SDK's own retries are off (`retries: 0`, rate-limited calls
 * rejected), because the SDK retries any failed request — including a `chat.postMessage` whose response
 * was lost after Slack had posted it, which would post twice. Here:
 * - 429: wait `Retry-After` (Slack did not perform the call), then the same call again;
 * - network failure of a read: retried with backoff;
 * - network failure of a post: not retried blindly; the caller learns it was `ambiguous` and checks.
 */
export class SlackApi {
  readonly client: InstanceType<typeof webApi.WebClient>;
  private readonly sleep: Sleep;
  private readonly waits: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: SlackApiOptions) {
    this.client = new webApi.WebClient(options.token, {
      ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: options.timeoutMs ?? 15_000,
      logger: slackLogger(options.log),
    });
    this.sleep = options.sleep ?? realSleep;
    this.waits = options.rateLimitWaits ?? 5;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 5 * 60_000;
  }

  /** A read (history, users.info, auth.test): network failures and 429s are retried. */
  async read(method: string, args: Record<string, unknown> = {}): Promise<SlackResult> {
    let networkTries = 0;
    for (;;) {
      try {
        return await this.once(method, args, null);
      } catch (err) {
        if (err instanceof SlackCallError && err.ambiguous && networkTries < 2) {
          networkTries += 1;
          await this.sleep(250 * 4 ** networkTries);
          continue;
        }
        throw err;
      }
    }
  }

  /** A post to a channel: paced per channel, 429s waited out, never sent twice by a blind retry. */
  post(method: string, args: Record<string, unknown> & { channel: string }): Promise<SlackResult> {
    return this.once(method, args, args.channel);
  }

  private async once(
    method: string,
    args: Record<string, unknown>,
    channel: string | null,
  ): Promise<SlackResult> {
    for (let attempt = 0; ; attempt += 1) {
      if (channel) await this.options.pacer.take(channel);
      try {
        return (await this.client.apiCall(method, args)) as unknown as SlackResult;
      } catch (err) {
        const retryAfterMs = rateLimitMs(err);
        if (retryAfterMs === null) throw toCallError(method, err);
        if (attempt >= this.waits || retryAfterMs > this.maxRetryAfterMs) {
          throw new SlackCallError(
            `slack ${method}: still rate limited after ${attempt + 1} tries`,
            'ratelimited',
            false,
            {
              cause: err,
              rateLimited: true,
            },
          );
        }
        this.options.log.warn({ method, channel, retryAfterMs }, 'slack rate limit: waiting Retry-After');
        if (channel) this.options.pacer.pushBack(channel, retryAfterMs);
        await this.sleep(retryAfterMs);
      }
    }
  }
}

function rateLimitMs(err: unknown): number | null {
  if (err instanceof webApi.WebAPIRateLimitedError) return Math.max(0, err.retryAfter) * 1000;
  // A 429 without a usable Retry-After: Slack still did not perform the call; wait a second.
  if (err instanceof Error && /Retry header did not contain/.test(err.message)) return 1000;
  return null;
}

function toCallError(method: string, err: unknown): SlackCallError {
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = String(err.data.error);
    return new SlackCallError(`slack ${method}: ${code}`, code, false, { cause: err });
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    // 5xx from Slack's edge: the request may or may not have been handled.
    return new SlackCallError(`slack ${method}: HTTP ${err.statusCode}`, null, err.statusCode >= 500, {
      cause: err,
    });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new SlackCallError(`slack ${method}: ${message}`, null, true, { cause: err });
}
