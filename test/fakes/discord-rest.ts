import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DiscordState, type FakeMessage, snowflake } from './discord-state.js';

/** One request the fake REST API received, as sent (path without the `/api/v10` prefix). */
export interface CapturedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | null;
  status: number;
  at: number;
}

/** A fault to inject on matching requests: a 429 with rate-limit headers, another status, or a dropped response. */
export interface Fault {
  method?: string;
  path: RegExp;
  times: number;
  /** Matching requests let through before the fault applies (default 0). */
  skip?: number;
  kind: 'rate-limit' | 'status' | 'drop-after-handling';
  /** For rate-limit: seconds in Retry-After (and retry_after in the body). */
  retryAfter?: number;
  global?: boolean;
  status?: number;
  body?: Record<string, unknown>;
}

interface Interaction {
  id: string;
  token: string;
  channelId: string;
  ephemeral: boolean;
  originalId: string | null;
  expired: boolean;
}

type Reply = { status: number; body?: unknown };

/**
 * The REST half of the fake Discord (API v10): gateway info, users/@me, channels, messages (nonce +
 * enforce_nonce), threads, interaction callbacks, interaction webhooks and application commands.
 * Unknown routes answer 404 with Discord's error shape. Every request is captured.
 */
export class DiscordRest {
  readonly requests: CapturedRequest[] = [];
  readonly faults: Fault[] = [];
  readonly interactions = new Map<string, Interaction>();
  /** Commands as last PUT, keyed by '' (global) or the guild id. */
  readonly commands = new Map<string, unknown[]>();
  gatewayUrl = '';
  /** Token the bot must send (`Authorization: Bot <token>`) on authenticated routes. */
  token = 'test-token';

  constructor(private readonly state: DiscordState) {}

  /** Registers an interaction so its callback and webhook routes work. */
  addInteraction(id: string, token: string, channelId: string): void {
    this.interactions.set(token, {
      id,
      token,
      channelId,
      ephemeral: false,
      originalId: null,
      expired: false,
    });
  }

  expireToken(token: string): void {
    const i = this.interactions.get(token);
    if (i) i.expired = true;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    const raw = await readBody(req);
    let body: Record<string, unknown> | null = null;
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = { _raw: raw };
      }
    }
    const captured: CapturedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      status: 0,
      at: Date.now(),
    };
    this.requests.push(captured);
    const fault = this.takeFault(captured);
    if (fault && fault.kind === 'rate-limit') return this.send(res, captured, this.rateLimited(fault), fault);
    if (fault && fault.kind === 'status')
      return this.send(res, captured, {
        status: fault.status ?? 500,
        body: fault.body ?? { message: 'boom' },
      });
    const reply = this.route(captured, req);
    if (fault && fault.kind === 'drop-after-handling') {
      captured.status = -1;
      res.socket?.destroy();
      return;
    }
    this.send(res, captured, reply);
  }

  private takeFault(r: CapturedRequest): Fault | null {
    const f = this.faults.find(
      (x) => x.times > 0 && (!x.method || x.method === r.method) && x.path.test(r.path),
    );
    if (!f) return null;
    if (f.skip && f.skip > 0) {
      f.skip -= 1;
      return null;
    }
    f.times -= 1;
    return f;
  }

  private rateLimited(f: Fault): Reply {
    const retry = f.retryAfter ?? 1;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retry, global: !!f.global, code: 0 },
    };
  }

  private send(res: ServerResponse, r: CapturedRequest, reply: Reply, fault?: Fault): void {
    r.status = reply.status;
    const bucket = createHash('sha1')
      .update(`${r.method} ${bucketRoute(r.path)}`)
      .digest('hex')
      .slice(0, 16);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-ratelimit-bucket': bucket,
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': reply.status === 429 ? '0' : '4',
      'x-ratelimit-reset-after': reply.status === 429 ? String(fault?.retryAfter ?? 1) : '1',
      'x-ratelimit-reset': String(Date.now() / 1000 + (reply.status === 429 ? (fault?.retryAfter ?? 1) : 1)),
    };
    if (reply.status === 429) {
      headers['retry-after'] = String(fault?.retryAfter ?? 1);
      headers['x-ratelimit-scope'] = fault?.global ? 'global' : 'user';
      if (fault?.global) headers['x-ratelimit-global'] = 'true';
    }
    if (reply.body === undefined) {
      delete headers['content-type'];
      res.writeHead(reply.status, headers).end();
      return;
    }
    res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
  }

  private authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bot ${this.token}`;
  }

  private route(r: CapturedRequest, req: IncomingMessage): Reply {
    const { method, path } = r;
    const body = r.body ?? {};
    const at = (re: RegExp, verb?: string): string[] | null => {
      if (verb && method !== verb) return null;
      const m = re.exec(path);
      return m ? m.slice(1).map((x) => x ?? '') : null;
    };
    const cb = at(/^\/interactions\/(\d+)\/([^/]+)\/callback$/, 'POST');
    if (cb) return this.callback(cb[1]!, body);
    const hook = at(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/);
    if (hook) return this.webhook(method, hook[1]!, Boolean(hook[2]), body);
    if (!this.authorized(req)) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    if (at(/^\/gateway\/bot$/, 'GET')) {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (at(/^\/users\/@me$/, 'GET')) return { status: 200, body: this.state.bot };
    if (at(/^\/applications\/@me$/, 'GET')) {
      return {
        status: 200,
        body: { id: this.state.appId, name: 'chipbrief', bot: this.state.bot, flags: 0 },
      };
    }
    const listed = at(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/, 'GET');
    if (listed) return { status: 200, body: this.commands.get(listed[1] ?? '') ?? [] };
    const cmds = at(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/, 'PUT');
    if (cmds) {
      const list = Array.isArray(r.body) ? (r.body as unknown[]) : [];
      const saved = list.map((c) => ({
        id: snowflake(),
        application_id: cmds[0],
        version: snowflake(),
        ...(c as object),
      }));
      this.commands.set(cmds[1] ?? '', saved);
      return { status: 200, body: saved };
    }
    const chan = at(/^\/channels\/(\d+)$/, 'GET');
    if (chan) {
      const c = this.state.channels.get(chan[0]!);
      return c ? { status: 200, body: this.state.channelJson(c) } : unknownChannel();
    }
    const msgs = at(/^\/channels\/(\d+)\/messages$/);
    if (msgs) {
      const c = this.state.channels.get(msgs[0]!);
      if (!c) return unknownChannel();
      if (method === 'POST') return this.postMessage(c.id, body);
      if (method === 'GET') return this.listMessages(c.id, r.query);
    }
    const one = at(/^\/channels\/(\d+)\/messages\/(\d+)$/, 'GET');
    if (one) {
      const msg = this.state.history(one[0]!).find((x) => x.id === one[1]);
      return msg
        ? { status: 200, body: this.state.toJson(msg) }
        : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    }
    const thread = at(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, 'POST');
    if (thread) return this.startThread(thread[0]!, thread[1]!, body);
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private postMessage(channelId: string, body: Record<string, unknown>): Reply {
    const problem = validateMessage(body);
    if (problem) return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problem } };
    const { message } = this.state.createMessage({
      channelId,
      author: this.state.bot,
      body,
      enforceNonce: body.enforce_nonce === true,
    });
    return { status: 200, body: this.state.toJson(message, true) };
  }

  private listMessages(channelId: string, q: URLSearchParams): Reply {
    const limit = Math.min(100, Number(q.get('limit') ?? 50));
    const before = q.get('before');
    const after = q.get('after');
    let list = this.state.history(channelId).slice().reverse();
    if (before) list = list.filter((x) => BigInt(x.id) < BigInt(before));
    if (after) list = list.filter((x) => BigInt(x.id) > BigInt(after));
    return { status: 200, body: list.slice(0, limit).map((x) => this.state.toJson(x)) };
  }

  private startThread(channelId: string, messageId: string, body: Record<string, unknown>): Reply {
    const msg = this.state.history(channelId).find((x) => x.id === messageId);
    if (!msg) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    if (this.state.channels.has(messageId)) {
      return {
        status: 400,
        body: { message: 'A thread has already been created for this message', code: 160004 },
      };
    }
    const parent = this.state.channels.get(channelId);
    const thread = this.state.addChannel({
      id: messageId,
      type: 11,
      parent_id: channelId,
      ...(parent?.guild_id ? { guild_id: parent.guild_id } : {}),
      name: String(body.name ?? 'thread'),
    });
    return { status: 201, body: this.state.channelJson(thread) };
  }

  private callback(token: string, body: Record<string, unknown>): Reply {
    const i = this.interactions.get(token);
    if (!i) return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    const data = (body.data ?? {}) as Record<string, unknown>;
    const flags = typeof data.flags === 'number' ? data.flags : 0;
    if (body.type === 5 || body.type === 4) {
      i.ephemeral = (flags & 64) !== 0;
      if (body.type === 4) this.original(i, data);
    }
    return { status: 204 };
  }

  private original(i: Interaction, body: Record<string, unknown>): FakeMessage {
    const existing = i.originalId ? this.state.messages.find((x) => x.id === i.originalId) : undefined;
    if (existing) return this.state.editMessage(existing, body);
    const { message } = this.state.createMessage({
      channelId: i.channelId,
      author: this.state.bot,
      body: { ...body, flags: i.ephemeral ? 64 : 0 },
      ephemeral: i.ephemeral,
      webhookId: this.state.appId,
    });
    i.originalId = message.id;
    return message;
  }

  private webhook(method: string, token: string, original: boolean, body: Record<string, unknown>): Reply {
    const i = this.interactions.get(token);
    if (!i || i.expired) return { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } };
    if (method === 'PATCH' && original) {
      const problem = validateMessage(body);
      if (problem)
        return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problem } };
      return { status: 200, body: this.state.toJson(this.original(i, body)) };
    }
    if (method === 'DELETE' && original) {
      const idx = this.state.messages.findIndex((x) => x.id === i.originalId);
      if (idx < 0) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      this.state.messages.splice(idx, 1);
      i.originalId = null;
      return { status: 204 };
    }
    if (method === 'POST' && !original) {
      const problem = validateMessage(body);
      if (problem)
        return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: problem } };
      const flags = typeof body.flags === 'number' ? body.flags : 0;
      const { message } = this.state.createMessage({
        channelId: i.channelId,
        author: this.state.bot,
        body,
        ephemeral: (flags & 64) !== 0,
        webhookId: this.state.appId,
      });
      return { status: 200, body: this.state.toJson(message) };
    }
    return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
  }
}

function unknownChannel(): Reply {
  return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
}

/** Discord's route with major parameters kept and other ids replaced, for the bucket header. */
function bucketRoute(path: string): string {
  return path.replace(
    /^(\/channels\/\d+|\/webhooks\/\d+\/[^/]+|\/interactions\/\d+\/[^/]+)?(.*)$/,
    (_m, major = '', rest = '') => `${major}${String(rest).replace(/\d{16,}/g, ':id')}`,
  );
}

/** Discord's message limits; returns what is wrong (like its 50035 errors) or null. */
export function validateMessage(body: Record<string, unknown>): string | null {
  const content = typeof body.content === 'string' ? body.content : '';
  if (content.length > 2000) return 'content: Must be 2000 or fewer in length.';
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Record<string, unknown>[]) : [];
  if (embeds.length > 10) return 'embeds: Must be 10 or fewer in length.';
  if (!content && embeds.length === 0 && !body.components) return 'Cannot send an empty message';
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const title = String(e.title ?? '');
    const description = String(e.description ?? '');
    const footer = String((e.footer as { text?: string } | undefined)?.text ?? '');
    const author = String((e.author as { name?: string } | undefined)?.name ?? '');
    const fields = Array.isArray(e.fields) ? (e.fields as { name: string; value: string }[]) : [];
    if (title.length > 256) return `embeds.${i}.title: Must be 256 or fewer in length.`;
    if (description.length > 4096) return `embeds.${i}.description: Must be 4096 or fewer in length.`;
    if (footer.length > 2048) return `embeds.${i}.footer.text: Must be 2048 or fewer in length.`;
    if (author.length > 256) return `embeds.${i}.author.name: Must be 256 or fewer in length.`;
    if (fields.length > 25) return `embeds.${i}.fields: Must be 25 or fewer in length.`;
    for (const f of fields) {
      if (f.name.length > 256 || f.value.length > 1024) return `embeds.${i}.fields: too long`;
      if (!f.name || !f.value) return `embeds.${i}.fields: empty`;
      total += f.name.length + f.value.length;
    }
    total += title.length + description.length + footer.length + author.length;
  }
  if (total > 6000) return 'embeds: Embed size exceeds maximum size of 6000';
  return null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
