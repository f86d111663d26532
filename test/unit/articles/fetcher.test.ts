import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/articles/charset.js';
import { createHttpFetcher, type HttpFetcher, type LookupFn } from '../../../src/articles/fetcher.js';
import { ChipbriefError } from '../../../src/errors.js';
import { startTestServer, type TestServer } from '../../support/http-server.js';
import { encodeLegacy } from './legacy-encoding.js';

let server: TestServer;
/** A second local server standing in for an internal service the fetcher must never reach. */
let internal: TestServer;
const fetchers: HttpFetcher[] = [];

/** Resolves made-up names the way an attacker's DNS would (DNS rebinding), everything else normally. */
const fakeDns: LookupFn = (hostname, options, callback) => {
  const table: Record<string, LookupAddress> = {
    'rebind.example': { address: '127.0.0.1', family: 4 },
    'metadata.example': { address: '::ffff:169.254.169.254', family: 6 },
  };
  const hit = table[hostname];
  if (!hit) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
  return options.all ? callback(null, [hit]) : callback(null, hit.address, hit.family);
};

function fetcher(overrides: Partial<Parameters<typeof createHttpFetcher>[0]> = {}): HttpFetcher {
  const f = createHttpFetcher({
    allowPrivateNetworks: false,
    allowHosts: [server.host],
    maxBytes: 1024 * 1024,
    timeoutMs: 5000,
    lookup: fakeDns,
    ...overrides,
  });
  fetchers.push(f);
  return f;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(ChipbriefError);
    return (err as ChipbriefError).code;
  }
}

const PAGE =
  '<html><head><title>Export rules</title></head><body><p>Chip export rules tightened.</p></body></html>';

beforeAll(async () => {
  server = await startTestServer();
  internal = await startTestServer();
  internal.route('/secret', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>internal</p>'),
  );
  server.route('/page', (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
  );
  server.route('/to-internal', (_req, res) =>
    res.writeHead(302, { location: `${internal.url}/secret` }).end(),
  );
  server.route('/to-metadata', (_req, res) =>
    res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  );
  server.route('/to-rebind', (_req, res) =>
    res.writeHead(307, { location: `http://rebind.example:${internal.port}/secret` }).end(),
  );
  server.route('/to-mapped-metadata', (_req, res) =>
    res.writeHead(302, { location: 'http://metadata.example/latest/meta-data/' }).end(),
  );
  for (let i = 0; i < 7; i++) {
    server.route(`/hop${i}`, (_req, res) => res.writeHead(302, { location: `/hop${i + 1}` }).end());
  }
  server.route('/hop7', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
});

afterAll(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await Promise.all([server.close(), internal.close()]);
});

describe('fetcher: SSRF guard', () => {
  it('fetches an allowed page', async () => {
    const res = await fetcher().fetch(`${server.url}/page`);
    expect(res.status).toBe(200);
    expect(res.notModified).toBe(false);
    expect(res.contentType).toMatch(/^text\/html/);
    expect(new TextDecoder().decode(res.body)).toBe(PAGE);
  });

  it('refuses a redirect to another port on 127.0.0.1, and that server sees nothing', async () => {
    expect(await codeOf(fetcher().fetch(`${server.url}/to-internal`))).toBe('FETCH_REFUSED');
    expect(internal.requests).toHaveLength(0);
  });

  it('refuses a redirect to the 169.254.169.254 metadata address', async () => {
    await expect(fetcher().fetch(`${server.url}/to-metadata`)).rejects.toThrow(/link-local/);
  });

  it('refuses a name that resolves to loopback, checked at connect time', async () => {
    await expect(fetcher().fetch(`${server.url}/to-rebind`)).rejects.toThrow(
      /rebind\.example resolves to 127\.0\.0\.1, a non-public address \(loopback\)/,
    );
    expect(internal.requests).toHaveLength(0);
  });

  it('refuses a name that resolves to IPv4-mapped IPv6 metadata', async () => {
    await expect(fetcher().fetch(`${server.url}/to-mapped-metadata`)).rejects.toThrow(/link-local/);
  });

  it('refuses private IP literals given directly', async () => {
    const f = fetcher({ allowHosts: [] });
    for (const url of [
      'http://127.0.0.1:9/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://[::ffff:192.168.0.1]/',
    ]) {
      expect(await codeOf(f.fetch(url))).toBe('FETCH_REFUSED');
    }
  });

  it('refuses the exact allowlisted port when reached under a different name', async () => {
    expect(await codeOf(fetcher().fetch(`http://rebind.example:${server.port}/page`))).toBe('FETCH_REFUSED');
  });

  it('follows the redirect to a private address when private networks are allowed', async () => {
    const res = await fetcher({ allowPrivateNetworks: true }).fetch(`${server.url}/to-internal`);
    expect(res.url).toBe(`${internal.url}/secret`);
    expect(new TextDecoder().decode(res.body)).toBe('<p>internal</p>');
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.com/x',
      'javascript:alert(1)',
      'data:text/html,hi',
    ]) {
      expect(await codeOf(fetcher().fetch(url))).toBe('FETCH_REFUSED');
    }
  });
});

describe('fetcher: redirects', () => {
  it('follows up to 5 redirects', async () => {
    const res = await fetcher().fetch(`${server.url}/hop2`);
    expect(res.url).toBe(`${server.url}/hop7`);
  });

  it('refuses a sixth redirect', async () => {
    await expect(fetcher().fetch(`${server.url}/hop1`)).rejects.toThrow(/more than 5 redirects/);
  });
});

describe('fetcher: limits', () => {
  it('stops reading at the size cap and the server sees the connection closed early', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const total = 200;
    let written = 0;
    let closedEarly: Promise<boolean> = Promise.resolve(false);
    server.route('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      closedEarly = new Promise((resolve) => res.on('close', () => resolve(written < total)));
      const pump = (): void => {
        while (written < total) {
          written++;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    expect(await codeOf(fetcher({ maxBytes: 256 * 1024 }).fetch(`${server.url}/huge`))).toBe(
      'FETCH_TOO_LARGE',
    );
    expect(await closedEarly).toBe(true);
    expect(written).toBeLessThan(total);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    server.route('/declared-huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
      res.write('<p>');
    });
    expect(await codeOf(fetcher().fetch(`${server.url}/declared-huge`))).toBe('FETCH_TOO_LARGE');
  });

  it('times out on a server that never answers', async () => {
    server.route('/silent', () => undefined);
    const t0 = Date.now();
    expect(await codeOf(fetcher({ timeoutMs: 300 }).fetch(`${server.url}/silent`))).toBe('FETCH_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('times out on a body that trickles in', async () => {
    server.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>.</p>'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const t0 = Date.now();
    expect(await codeOf(fetcher({ timeoutMs: 400 }).fetch(`${server.url}/trickle`))).toBe('FETCH_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('refuses binary content types', async () => {
    server.route('/image', (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end('\x89PNG'));
    server.route('/pdf', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7'),
    );
    expect(await codeOf(fetcher().fetch(`${server.url}/image`))).toBe('INPUT_UNSUPPORTED');
    expect(await codeOf(fetcher().fetch(`${server.url}/pdf`))).toBe('INPUT_UNSUPPORTED');
  });

  it('accepts feed and text types', async () => {
    for (const type of [
      'application/rss+xml',
      'application/atom+xml',
      'text/xml',
      'application/xml',
      'text/plain',
    ]) {
      server.route('/typed', (_req, res) => res.writeHead(200, { 'content-type': type }).end('<rss/>'));
      expect((await fetcher().fetch(`${server.url}/typed`)).contentType).toBe(type);
    }
  });

  it('reports HTTP errors with their status', async () => {
    await expect(fetcher().fetch(`${server.url}/missing`)).rejects.toThrow(/HTTP 404/);
  });
});

describe('fetcher: content', () => {
  it('returns a GBK page that decodes to the original text', async () => {
    const html =
      '<html><head><meta charset="gbk"><title>出口管制</title></head><body><p>美国商务部周二宣布新的芯片出口管制规定。</p></body></html>';
    server.route('/gbk', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=GBK' })
        .end(Buffer.from(encodeLegacy(html, 'gbk'))),
    );
    const res = await fetcher().fetch(`${server.url}/gbk`);
    expect(decodeBody(res.body, res.contentType)).toBe(html);
  });

  it('sends validators and reports 304 as notModified', async () => {
    server.route('/feed', (req, res) => {
      if (
        req.headers['if-none-match'] === '"v1"' ||
        req.headers['if-modified-since'] === 'Tue, 04 Nov 2025 08:00:00 GMT'
      ) {
        res.writeHead(304).end();
        return;
      }
      res
        .writeHead(200, {
          'content-type': 'application/rss+xml',
          etag: '"v1"',
          'last-modified': 'Tue, 04 Nov 2025 08:00:00 GMT',
        })
        .end('<rss version="2.0"><channel/></rss>');
    });
    const f = fetcher();
    const first = await f.fetch(`${server.url}/feed`);
    expect(first.notModified).toBe(false);
    expect(first.etag).toBe('"v1"');
    const second = await f.fetch(`${server.url}/feed`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.notModified).toBe(true);
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe('"v1"');
    const byDate = await f.fetch(`${server.url}/feed`, { lastModified: first.lastModified });
    expect(byDate.notModified).toBe(true);
    const sent = server.requests.filter((r) => r.path === '/feed');
    expect(sent[1]?.headers['if-none-match']).toBe('"v1"');
    expect(sent[2]?.headers['if-modified-since']).toBe('Tue, 04 Nov 2025 08:00:00 GMT');
  });
});
