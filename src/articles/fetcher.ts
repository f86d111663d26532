import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, type Dispatcher, request } from 'undici';
import { ChipbriefError, FetchRefusedError } from '../errors.js';
import type { Fetcher, FetchOptions, FetchResult } from '../ports.js';
import { blockedReason } from './ip-policy.js';

/** A dns.lookup-compatible resolver; injectable so tests can make a name resolve anywhere. */
export type LookupFn = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

export interface HttpFetcherOptions {
  /** Contact loopback, private, link-local and other non-public addresses too (tests, intranets). */
  allowPrivateNetworks: boolean;
  /** Largest body read; the download is aborted past it (FETCH_TOO_LARGE). */
  maxBytes: number;
  /** Budget for the whole fetch, redirects and body included (FETCH_TIMEOUT). */
  timeoutMs: number;
  /** Redirects followed before refusing; default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /**
   * Exact "host:port" origins exempt from the address check, e.g. a test server on "127.0.0.1:41234".
   * Narrow on purpose: a redirect from there to any other private address is still refused.
   */
  allowHosts?: readonly string[];
  /** DNS resolver used at connect time; defaults to dns.lookup. */
  lookup?: LookupFn;
}

/** The Fetcher plus a way to close its connection pools (tests, graceful shutdown). */
export interface HttpFetcher extends Fetcher {
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,text/*;q=0.8';
const ACCEPTED_TYPE = /^(text\/[\w.+-]+|application\/xhtml\+xml|application\/([\w.-]+\+)?xml)$/i;

/** Only text, HTML and XML bodies are read; a missing Content-Type is left to content sniffing. */
export function isAcceptedContentType(contentType: string): boolean {
  const mime = contentType.split(';')[0]!.trim();
  return mime === '' || ACCEPTED_TYPE.test(mime);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

function hostKey(u: URL): string {
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return `${u.hostname.replace(/^\[|\]$/g, '')}:${port}`;
}

/** A lookup that refuses names resolving to non-public addresses; runs at connect time, per connection. */
function guardedLookup(resolve: LookupFn): LookupFn {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = (
        Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }]
      ) as LookupAddress[];
      for (const a of list) {
        const reason = blockedReason(a.address);
        if (reason)
          return callback(
            new FetchRefusedError(`${hostname} resolves to ${a.address}, a non-public address (${reason})`),
            '',
          );
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(new Error(`no address for ${hostname}`), '');
    });
  };
}

/** Drops a response body we will not read; destroying it emits an AbortError nobody needs to see. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

function refusedIn(err: unknown): FetchRefusedError | null {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (e instanceof FetchRefusedError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Socket errors of a reused keep-alive connection the server had already closed. */
const STALE_SOCKET = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

/**
 * A GET, tried once more on a fresh connection when the pooled one turns out dead before any response
 * (the site's keep-alive timeout ran out as the socket was reused): nothing reached the application,
 * and failing the whole job for it would only delay the article by a queue retry.
 */
async function requestFresh(
  url: URL,
  options: Parameters<typeof request>[1] & { signal: AbortSignal },
): ReturnType<typeof request> {
  try {
    return await request(url, options);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (options.signal.aborted || !code || !STALE_SOCKET.has(code)) throw err;
    return request(url, options);
  }
}

/**
 * The HTTP(S) Fetcher: SSRF guard on every hop (IP literals before connecting, resolved addresses at
 * connect time, so DNS rebinding cannot slip through), manual redirects, a streaming size cap, one
 * timeout for the whole fetch, text/HTML/XML only, and conditional GET.
 */
export function createHttpFetcher(options: HttpFetcherOptions): HttpFetcher {
  const maxRedirects = options.maxRedirects ?? 5;
  const userAgent = options.userAgent ?? 'chipbrief/0.1 (+news briefing bot)';
  const allowHosts = new Set(options.allowHosts ?? []);
  const resolve = options.lookup ?? (dnsLookup as unknown as LookupFn);
  const guarded = new Agent({
    connect: { lookup: options.allowPrivateNetworks ? resolve : guardedLookup(resolve) },
  });
  const open = new Agent({ connect: { lookup: resolve } });

  function checkUrl(u: URL): Dispatcher {
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new FetchRefusedError(`only http and https URLs are fetched, not ${u.protocol}`);
    }
    if (u.username || u.password) throw new FetchRefusedError('URLs with credentials are not fetched');
    if (allowHosts.has(hostKey(u))) return open;
    if (options.allowPrivateNetworks) return guarded;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const reason = blockedReason(host);
      if (reason) throw new FetchRefusedError(`${host} is not a public address (${reason})`);
    }
    return guarded;
  }

  async function readCapped(body: Dispatcher.ResponseData['body'], url: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > options.maxBytes) {
        discard(body);
        throw new ChipbriefError('FETCH_TOO_LARGE', `${url} is larger than ${options.maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return new Uint8Array(Buffer.concat(chunks, size));
  }

  async function run(start: string, fetchOptions: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
    let url = new URL(start);
    for (let hop = 0; ; hop++) {
      const dispatcher = checkUrl(url);
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: fetchOptions.accept ?? DEFAULT_ACCEPT,
      };
      if (fetchOptions.etag) headers['if-none-match'] = fetchOptions.etag;
      if (fetchOptions.lastModified) headers['if-modified-since'] = fetchOptions.lastModified;
      const res = await requestFresh(url, { method: 'GET', headers, dispatcher, signal });
      const location = header(res.headers, 'location');
      if (REDIRECTS.has(res.statusCode) && location) {
        discard(res.body);
        if (hop >= maxRedirects)
          throw new FetchRefusedError(`more than ${maxRedirects} redirects from ${start}`);
        url = new URL(location, url);
        continue;
      }
      const etag = header(res.headers, 'etag');
      const lastModified = header(res.headers, 'last-modified');
      const contentType = header(res.headers, 'content-type') ?? '';
      if (res.statusCode === 304) {
        discard(res.body);
        return {
          url: url.href,
          status: 304,
          notModified: true,
          contentType,
          body: new Uint8Array(),
          etag: etag ?? fetchOptions.etag ?? null,
          lastModified: lastModified ?? fetchOptions.lastModified ?? null,
        };
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        discard(res.body);
        const permanent =
          res.statusCode >= 400 && res.statusCode < 500 && ![408, 425, 429].includes(res.statusCode);
        throw new ChipbriefError('FETCH_HTTP_STATUS', `HTTP ${res.statusCode} from ${url.href}`, {
          permanent,
        });
      }
      if (!isAcceptedContentType(contentType)) {
        discard(res.body);
        throw new ChipbriefError(
          'INPUT_UNSUPPORTED',
          `${url.href} is ${contentType.split(';')[0]}, not HTML, XML or text`,
        );
      }
      const declared = Number(header(res.headers, 'content-length') ?? Number.NaN);
      if (declared > options.maxBytes) {
        discard(res.body);
        throw new ChipbriefError(
          'FETCH_TOO_LARGE',
          `${url.href} is ${declared} bytes, over ${options.maxBytes}`,
        );
      }
      const body = await readCapped(res.body, url.href);
      return {
        url: url.href,
        status: res.statusCode,
        notModified: false,
        contentType,
        body,
        etag,
        lastModified,
      };
    }
  }

  return {
    async close(): Promise<void> {
      await Promise.all([guarded.close(), open.close()]);
    },
    async fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new ChipbriefError('INPUT_UNSUPPORTED', `not a URL: ${url}`);
      }
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      try {
        return await run(parsed.href, fetchOptions, controller.signal);
      } catch (err) {
        if (err instanceof ChipbriefError) throw err;
        const refused = refusedIn(err);
        if (refused) throw refused;
        if (controller.signal.aborted) {
          throw new ChipbriefError('FETCH_TIMEOUT', `${url} did not answer within ${options.timeoutMs} ms`, {
            cause: err,
          });
        }
        const message = err instanceof Error ? err.message : String(err);
        throw new ChipbriefError('FETCH_FAILED', `${url}: ${message}`, { cause: err });
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
