import { createHmac, randomUUID } from 'node:crypto';

/**
 * Slack's request signing, as Slack does it: `v0=` + hex HMAC-SHA256(signing secret, `v0:<ts>:<body>`),
 * sent as X-Slack-Signature with X-Slack-Request-Timestamp. Tests sign what they send to the receiver.
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  status: number;
  body: string;
  /** Milliseconds until the response (the ack) arrived. */
  ms: number;
}

/** POSTs `body` to the receiver signed with `secret` (or a forged signature / stale timestamp). */
export async function postSigned(
  url: string,
  body: string,
  options: {
    secret: string;
    contentType?: string;
    /** Seconds since the epoch; default now. */
    timestamp?: number;
    /** Replace the signature (forgery). */
    signature?: string;
    headers?: Record<string, string>;
  },
): Promise<SignedPost> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, ts, body),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: Date.now() - started };
}

export interface SlashCommandFields {
  text: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  teamId?: string;
  command?: string;
  triggerId?: string;
}

/** A slash command payload's fields, as Slack sends them (form fields; also the Socket Mode payload). */
export function slashCommandPayload(f: SlashCommandFields): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: f.teamId ?? 'T0CHIPS',
    team_domain: 'chips',
    channel_id: f.channelId,
    channel_name: 'policy-desk',
    user_id: f.userId,
    user_name: 'analyst',
    command: f.command ?? '/chipbrief',
    text: f.text,
    api_app_id: 'A0CHIPS',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? `${Date.now()}.${Math.floor(Math.random() * 1e9)}.${randomUUID().slice(0, 8)}`,
  };
}

/** The form-encoded body of a slash command request. */
export function slashCommandBody(f: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(f)).toString();
}

/** An Events API callback body (JSON) around `event`. */
export function eventCallback(
  event: Record<string, unknown>,
  options: { teamId?: string; eventId?: string } = {},
) {
  return {
    token: 'deprecated-verification-token',
    team_id: options.teamId ?? 'T0CHIPS',
    api_app_id: 'A0CHIPS',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: options.teamId ?? 'T0CHIPS', user_id: 'UBOT0001', is_bot: true }],
  };
}
