import type { Logger } from '../../src/log.js';
import type { SlackMessage } from './blocks.js';
import { realSleep, type Sleep } from './pacer.js';
import { SlackCallError } from './slack-api.js';

export interface ResponseUrlOptions {
  log: Logger;
  sleep?: Sleep;
  rateLimitWaits?: number;
  timeoutMs?: number;
}

/** Slack accepts five responses per response_url (within 30 minutes). */
export const RESPONSE_URL_USES = 5;

/**
 * Posts to a slash command's `response_url` (JSON). 429s wait out Retry-After; an expired or unknown
 * URL (404, `expired_url`) fails for good; a lost connection is reported ambiguous and not retried.
 */
export async function postToResponseUrl(
  url: string,
  message: SlackMessage,
  responseType: 'ephemeral' | 'in_channel',
  options: ResponseUrlOptions,
): Promise<void> {
  const sleep = options.sleep ?? realSleep;
  const waits = options.rateLimitWaits ?? 5;
  const body = JSON.stringify({
    response_type: responseType,
    replace_original: false,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
  for (let attempt = 0; ; attempt += 1) {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new SlackCallError(`slack response_url: ${(err as Error).message}`, null, true, { cause: err });
    }
    const text = await res.text();
    if (res.status === 429) {
      const seconds = Number(res.headers.get('retry-after'));
      const ms = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
      if (attempt >= waits) {
        throw new SlackCallError('slack response_url: still rate limited', 'ratelimited', false, {
          rateLimited: true,
        });
      }
      options.log.warn({ retryAfterMs: ms }, 'slack response_url rate limited: waiting Retry-After');
      await sleep(ms);
      continue;
    }
    if (res.status === 404 || /expired_url|used_url/.test(text)) {
      throw new SlackCallError(
        `slack response_url: ${res.status} ${text.slice(0, 80)}`,
        'expired_url',
        false,
      );
    }
    if (res.status >= 500) {
      throw new SlackCallError(`slack response_url: HTTP ${res.status}`, null, true);
    }
    if (res.status !== 200) {
      throw new SlackCallError(
        `slack response_url: HTTP ${res.status} ${text.slice(0, 80)}`,
        'invalid_arguments',
        false,
      );
    }
    return;
  }
}
