import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { history, replies } from './slack-conversations.js';
import { FakeSocketMode, type SocketAck } from './slack-socket.js';
import { checkMessage, parseBody, readBody } from './slack-wire.js';

export type { SocketAck } from './slack-socket.js';
export { checkMessage } from './slack-wire.js';

/**
 * A fake Slack on node:http + ws, for end-to-end tests of the real Bolt app and Web API client:
 * - Web API under /api/: auth.test, chat.postMessage, chat.postEphemeral, chat.update,
 *   conversations.history (top-level messages, newest first, `oldest`, cursor, metadata only with
 *   include_all_metadata), conversations.replies, users.info, apps.connections.open;
 * - response_url endpoints under /response/<id>;
 * - a Socket Mode WebSocket at /socket that says hello, sends envelopes and collects acks;
 * - failure modes: answer the next N calls of a method with 429 + Retry-After or another HTTP status
 *   (not performed), or perform a call and drop the connection before answering ("did it post?").
 * Every HTTP request is captured (`requests`) so tests assert on exactly what Slack received. Block Kit
 * limits are enforced like Slack does (invalid_blocks, msg_too_long), so an oversized message fails.
 */

export interface CapturedRequest {
  /** Web API method ('chat.postMessage'), 'response_url' or the raw path. */
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

export interface FakeMessage {
  ts: string;
  channel: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user?: string;
  bot_id?: string;
  app_id?: string;
  /** chat.postEphemeral / ephemeral response_url: seen only by this user. */
  ephemeralTo?: string;
  via: 'chat.postMessage' | 'chat.postEphemeral' | 'response_url' | 'user';
  responseType?: string;
}

export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  deleted?: boolean;
}

export interface FakeSlackOptions {
  botToken?: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

type Failure =
  | { kind: '429'; retryAfter: string | null }
  | { kind: 'drop' }
  | { kind: 'status'; status: number }
  | { kind: 'pass' };

export class FakeSlack {
  readonly requests: CapturedRequest[] = [];
  readonly messages: FakeMessage[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Channels the bot is not a member of: posts and history there answer `not_in_channel`. */
  readonly notInChannel = new Set<string>();
  readonly botToken: string;
  readonly appToken: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  private readonly failures = new Map<string, Failure[]>();
  private readonly responseUrls = new Map<string, { channel: string; uses: number }>();
  private readonly socketMode = new FakeSocketMode();
  private tsCounter = 0;
  private port = 0;

  private constructor(
    private readonly server: Server,
    options: FakeSlackOptions,
  ) {
    this.botToken = options.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = options.appToken ?? 'xapp-fake-app-token';
    this.botUserId = options.botUserId ?? 'UBOT0001';
    this.botId = options.botId ?? 'BBOT0001';
    this.teamId = options.teamId ?? 'T0CHIPS';
  }

  /** Starts on a free port of 127.0.0.1. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server, options);
    server.on('request', (req, res) => void fake.handle(req, res));
    server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return socket.destroy();
      fake.socketMode.upgrade(req, socket, head);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.port = (server.address() as AddressInfo).port;
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The SLACK_API_URL to configure. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url for a slash command issued in `channel`. */
  responseUrl(channel: string): string {
    const id = randomUUID();
    this.responseUrls.set(id, { channel, uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }

  /** The next `times` calls of `method` get HTTP 429 with this Retry-After (seconds; null: no header). */
  rateLimit(method: string, times = 1, retryAfter: string | null = '1'): void {
    this.queueFailure(method, times, { kind: '429', retryAfter });
  }

  /** The next `times` calls of `method` are performed, then the connection is dropped unanswered. */
  dropAfterPerforming(method: string, times = 1): void {
    this.queueFailure(method, times, { kind: 'drop' });
  }

  /** After `after` calls of `method` go through, the next `times` get HTTP `status` (not performed). */
  failWithStatus(method: string, status = 500, options: { times?: number; after?: number } = {}): void {
    this.queueFailure(method, options.after ?? 0, { kind: 'pass' });
    this.queueFailure(method, options.times ?? 1, { kind: 'status', status });
  }

  /** Forgets queued failures (429s, drops) not yet used. */
  clearFailures(): void {
    this.failures.clear();
  }

  private queueFailure(method: string, times: number, f: Failure): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) list.push(f);
    this.failures.set(method, list);
  }

  /** A message a person posts (e.g. a reply in a thread), so history and replies include it. */
  addUserMessage(m: { channel: string; user: string; text: string; thread_ts?: string }): FakeMessage {
    const msg: FakeMessage = { ts: this.nextTs(), via: 'user', ...m };
    this.messages.push(msg);
    return msg;
  }

  /** Captured calls of one Web API method (or 'response_url'). */
  calls(method: string): CapturedRequest[] {
    return this.requests.filter((r) => r.method === method);
  }

  /** Messages visible in a channel (not ephemeral), oldest first. */
  channelMessages(channel: string): FakeMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && !m.ephemeralTo && m.responseType !== 'ephemeral',
    );
  }

  /** Resolves when `predicate` holds (polling), or rejects after `ms`. */
  async waitFor<T>(predicate: () => T | undefined | null | false, ms = 5000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (Date.now() > until) throw new Error('FakeSlack.waitFor: timed out');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Number of open Socket Mode connections. */
  get socketCount(): number {
    return this.socketMode.count;
  }

  /**
   * Sends a Socket Mode envelope and resolves with the app's ack. Slack expects the ack within 3 s;
   * the returned `ms` lets a test check it.
   */
  sendEnvelope(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    options: { retryAttempt?: number; timeoutMs?: number } = {},
  ): Promise<SocketAck> {
    return this.socketMode.send(type, payload, options);
  }

  async close(): Promise<void> {
    this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.tsCounter).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const body = parseBody(raw, String(req.headers['content-type'] ?? ''));
    const method = url.pathname.startsWith('/api/')
      ? url.pathname.slice(5)
      : url.pathname.startsWith('/response/')
        ? 'response_url'
        : url.pathname;
    for (const [k, v] of url.searchParams) body[k] ??= v;
    const captured: CapturedRequest = {
      method,
      path: url.pathname,
      headers: req.headers,
      body,
      status: 200,
      at: Date.now(),
    };
    this.requests.push(captured);

    const failure = this.failures.get(method)?.shift();
    if (failure?.kind === '429') {
      captured.status = 429;
      res.writeHead(429, failure.retryAfter === null ? {} : { 'retry-after': failure.retryAfter });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (failure?.kind === 'status') {
      captured.status = failure.status;
      res.writeHead(failure.status, { 'content-type': 'text/plain' });
      res.end('upstream connect error');
      return;
    }
    const [status, result] =
      method === 'response_url' ? this.responseUrl_(url, body) : this.api(method, req, body);
    captured.status = status;
    if (failure?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  }

  private responseUrl_(url: URL, body: Record<string, unknown>): [number, unknown] {
    const entry = this.responseUrls.get(url.pathname.slice('/response/'.length));
    if (!entry) return [404, { ok: false, error: 'expired_url' }];
    entry.uses += 1;
    if (entry.uses > 5) return [404, { ok: false, error: 'used_url' }];
    const problem = checkMessage(body);
    if (problem) return [400, { ok: false, error: problem }];
    const responseType = String(body.response_type ?? 'ephemeral');
    this.messages.push({
      ts: this.nextTs(),
      channel: entry.channel,
      text: String(body.text ?? ''),
      ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
      bot_id: this.botId,
      app_id: 'A0CHIPS',
      via: 'response_url',
      responseType,
    });
    return [200, { ok: true }];
  }

  private api(method: string, req: IncomingMessage, body: Record<string, unknown>): [number, unknown] {
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : String(body.token ?? '');
    const needs = method === 'apps.connections.open' ? this.appToken : this.botToken;
    if (token !== needs) return [200, { ok: false, error: 'invalid_auth' }];
    if (
      typeof body.channel === 'string' &&
      this.notInChannel.has(body.channel) &&
      method !== 'chat.postEphemeral'
    ) {
      return [200, { ok: false, error: 'not_in_channel' }];
    }
    switch (method) {
      case 'auth.test':
        return [
          200,
          {
            ok: true,
            url: 'https://chips.example/',
            team: 'Chips',
            user: 'chipbrief',
            team_id: this.teamId,
            user_id: this.botUserId,
            bot_id: this.botId,
          },
        ];
      case 'apps.connections.open':
        return [200, { ok: true, url: `ws://127.0.0.1:${this.port}/socket?ticket=${randomUUID()}` }];
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        return this.post(method, body);
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === body.channel && x.ts === body.ts);
        if (!m) return [200, { ok: false, error: 'message_not_found' }];
        const problem = checkMessage(body);
        if (problem) return [200, { ok: false, error: problem }];
        m.text = String(body.text ?? '');
        if (Array.isArray(body.blocks)) m.blocks = body.blocks;
        return [200, { ok: true, channel: m.channel, ts: m.ts }];
      }
      case 'conversations.history':
        return [200, history(this.channelMessages(String(body.channel ?? '')), body, this.view)];
      case 'conversations.replies':
        return [200, replies(this.channelMessages(String(body.channel ?? '')), body, this.view)];
      case 'users.info': {
        const u = this.users.get(String(body.user));
        if (!u) return [200, { ok: false, error: 'user_not_found' }];
        return [
          200,
          {
            ok: true,
            user: { is_admin: false, is_owner: false, is_primary_owner: false, deleted: false, ...u },
          },
        ];
      }
      default:
        return [200, { ok: false, error: 'unknown_method' }];
    }
  }

  private post(method: string, body: Record<string, unknown>): [number, unknown] {
    const channel = String(body.channel ?? '');
    if (!channel) return [200, { ok: false, error: 'channel_not_found' }];
    const problem = checkMessage(body);
    if (problem) return [200, { ok: false, error: problem }];
    const meta = body.metadata as FakeMessage['metadata'] | undefined;
    if (meta && (typeof meta.event_type !== 'string' || typeof meta.event_payload !== 'object')) {
      return [200, { ok: false, error: 'invalid_metadata_format' }];
    }
    const msg: FakeMessage = {
      ts: this.nextTs(),
      channel,
      text: String(body.text ?? ''),
      ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
      ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
      ...(meta ? { metadata: meta } : {}),
      bot_id: this.botId,
      app_id: 'A0CHIPS',
      user: this.botUserId,
      via: method as FakeMessage['via'],
      ...(method === 'chat.postEphemeral' ? { ephemeralTo: String(body.user) } : {}),
    };
    this.messages.push(msg);
    if (method === 'chat.postEphemeral') return [200, { ok: true, message_ts: msg.ts }];
    return [200, { ok: true, channel, ts: msg.ts, message: this.view(msg, true) }];
  }

  private readonly view = (m: FakeMessage, withMetadata: boolean): Record<string, unknown> => {
    const { via: _via, ephemeralTo: _e, responseType: _r, channel: _c, metadata, ...rest } = m;
    return { type: 'message', ...rest, ...(withMetadata && metadata ? { metadata } : {}) };
  };
}
