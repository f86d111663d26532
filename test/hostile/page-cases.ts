import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { articlePage, BIG5_HEX, BIG5_TEXT, FILLER, GBK_HEX, GBK_TEXT, type PageCase } from './cases.js';
import { hugeHtml } from './server.js';

const html = (body: string, headers: Record<string, string> = {}) => ({ body, headers });
const bytes = (b: Uint8Array, type = 'text/html') => ({ body: b, headers: { 'content-type': type } });
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
  Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]),
]);
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);
const GZIP = Buffer.from([
  0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c, 0x4a, 6, 0, 0xc2, 0x41, 0x24, 0x35,
]);
const NOISE = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
const MB50 = 50 * 1024 * 1024;

/** A page route on the server: `route(path, ...)` as an input function. */
const served =
  (
    path: string,
    route: {
      body: string | Uint8Array | (() => Iterable<Uint8Array>);
      headers?: Record<string, string>;
      status?: number;
    },
  ) =>
  ({ server }: { server: { add: (p: string, r: typeof route) => string } }) =>
    server.add(path, route);

const redirectTo =
  (path: string, location: (origin: string, port: string) => string) =>
  ({ server }: { server: { add: (p: string, r: object) => string; origin: string } }) =>
    server.add(path, {
      status: 302,
      headers: { location: location(server.origin, server.origin.split(':').pop()!) },
      body: '',
    });

const nested = (depth: number, tag: string, inner: string) =>
  `<!DOCTYPE html><html><body>${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}</body></html>`;

/** Inputs that are not articles, or that attack the fetcher: each must end in a clear error. */
export const REFUSED_PAGES: PageCase[] = [
  {
    kind: 'page',
    name: 'empty body',
    input: served('/empty', html('')),
    expect: ['INPUT_EMPTY'],
    queue: true,
  },
  {
    kind: 'page',
    name: 'whitespace-only body',
    input: served('/blank', html(' \n\t\r\n   \u00a0\n')),
    expect: ['INPUT_EMPTY'],
  },
  {
    kind: 'page',
    name: 'markup with no text',
    input: served(
      '/no-text',
      html('<html><head><script>var a=1</script></head><body><div><span></span></div></body></html>'),
    ),
    expect: ['INPUT_EMPTY'],
  },
  {
    kind: 'page',
    name: 'PDF bytes served as text/html',
    input: served('/pdf', bytes(PDF)),
    expect: ['INPUT_BINARY'],
    queue: true,
  },
  {
    kind: 'page',
    name: 'PNG bytes served as text/html',
    input: served('/png', bytes(PNG)),
    expect: ['INPUT_BINARY'],
  },
  {
    kind: 'page',
    name: 'gzip bytes without Content-Encoding',
    input: served('/gz', bytes(GZIP)),
    expect: ['INPUT_BINARY'],
  },
  {
    kind: 'page',
    name: 'random binary served as text/html',
    input: served('/noise', bytes(NOISE)),
    expect: ['INPUT_BINARY'],
  },
  {
    kind: 'page',
    name: 'PDF with its own content type',
    input: served('/pdf-typed', bytes(PDF, 'application/pdf')),
    expect: ['INPUT_UNSUPPORTED'],
  },
  {
    kind: 'page',
    name: '50 MB body with Content-Length',
    input: served('/huge', { body: () => hugeHtml(MB50), headers: { 'content-length': String(MB50) } }),
    expect: ['FETCH_TOO_LARGE'],
    queue: true,
  },
  {
    kind: 'page',
    name: '50 MB body streamed (no length)',
    input: served('/huge-stream', { body: () => hugeHtml(MB50) }),
    expect: ['FETCH_TOO_LARGE'],
  },
  {
    kind: 'page',
    name: '100k-deep nested divs',
    input: served('/deep-div', html(nested(100_000, 'div', 'deep'))),
    expect: ['INPUT_UNSUPPORTED'],
    queue: true,
  },
  {
    kind: 'page',
    name: '100k-deep nested spans around an article',
    input: served('/deep-span', html(nested(100_000, 'span', FILLER.join(' ')))),
    expect: ['INPUT_UNSUPPORTED'],
  },
  {
    kind: 'page',
    name: 'an RSS feed given as an article',
    input: served(
      '/feed-as-page',
      html('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>', {
        'content-type': 'application/rss+xml',
      }),
    ),
    expect: ['INPUT_UNSUPPORTED'],
  },
  {
    kind: 'page',
    name: 'HTTP 500',
    input: served('/500', { status: 500, body: 'oops' }),
    expect: ['FETCH_HTTP_STATUS'],
  },
  {
    kind: 'page',
    name: 'HTTP 404',
    input: served('/404', { status: 404, body: 'gone' }),
    expect: ['FETCH_HTTP_STATUS'],
  },
  {
    kind: 'page',
    name: 'redirect to 10.0.0.5 (private)',
    input: redirectTo('/r-private', () => 'http://10.0.0.5/admin'),
    expect: ['FETCH_REFUSED'],
    queue: true,
  },
  {
    kind: 'page',
    name: 'redirect to cloud metadata 169.254.169.254',
    input: redirectTo('/r-meta', () => 'http://169.254.169.254/latest/meta-data/'),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'redirect to localhost (name resolving to loopback)',
    input: redirectTo('/r-localhost', (_o, port) => `http://localhost:${port}/secret`),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'redirect to [::1]',
    input: redirectTo('/r-v6', (_o, port) => `http://[::1]:${port}/secret`),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'redirect to 0x7f.0.0.2 (hex loopback)',
    input: redirectTo('/r-hex', (_o, port) => `http://0x7f.0.0.2:${port}/secret`),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'redirect to [::ffff:127.0.0.1]',
    input: redirectTo('/r-mapped', (_o, port) => `http://[::ffff:127.0.0.1]:${port}/secret`),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'redirect to file:///etc/passwd',
    input: redirectTo('/r-file', () => 'file:///etc/passwd'),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'redirect loop',
    input: redirectTo('/r-loop', (origin) => `${origin}/r-loop`),
    expect: ['FETCH_REFUSED'],
  },
  {
    kind: 'page',
    name: 'javascript: URL as input',
    input: () => 'javascript:alert(document.cookie)',
    expect: ['INPUT_NOT_FOUND', 'INPUT_UNSUPPORTED'],
  },
  {
    kind: 'page',
    name: 'file:///etc/passwd as input',
    input: () => 'file:///etc/passwd',
    expect: ['INPUT_UNSUPPORTED'],
  },
  {
    kind: 'page',
    name: 'data: URL as input',
    input: () => 'data:text/html,<p>hi</p>',
    expect: ['INPUT_NOT_FOUND', 'INPUT_UNSUPPORTED'],
  },
  {
    kind: 'page',
    name: 'invalid UTF-8 in a .txt file with NUL bytes',
    input: ({ dir }) => {
      const path = join(dir, 'nul.txt');
      writeFileSync(path, Buffer.concat([Buffer.from('Export rules\n'), Buffer.from([0, 0, 0xc3, 0x28, 0])]));
      return path;
    },
    expect: ['INPUT_BINARY'],
  },
];

const quotesVerbatim = (a: {
  draft: { text: string };
  quotes: { start: number; end: number; text: string }[];
}) => {
  for (const q of a.quotes) expect(a.draft.text.slice(q.start, q.end)).toBe(q.text);
};

/** Inputs in odd encodings or shapes that are still articles: each must be read correctly. */
export const READ_PAGES: PageCase[] = [
  {
    kind: 'page',
    name: 'GBK page without a declared charset',
    input: served('/gbk', bytes(Buffer.from(GBK_HEX, 'hex'))),
    expect: 'result',
    check: (a) => expect(a.draft.text.split('\n')).toEqual(GBK_TEXT),
  },
  {
    kind: 'page',
    name: 'Big5 page without a declared charset',
    input: served('/big5', bytes(Buffer.from(BIG5_HEX, 'hex'))),
    expect: 'result',
    check: (a) => expect(a.draft.text.split('\n')).toEqual(BIG5_TEXT),
  },
  {
    kind: 'page',
    name: 'GBK .txt file',
    input: ({ dir }) => {
      const path = join(dir, 'gbk.txt');
      // The two paragraphs of the GBK page, cut out of its bytes (between <p> and </p>).
      const page = Buffer.from(GBK_HEX, 'hex').toString('latin1');
      const paras = [...page.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => Buffer.from(m[1]!, 'latin1'));
      // A plain-text article's first line is its title when it reads like one: give it a headline.
      const title = page.match(/<title>([\s\S]*?)<\/title>/)![1]!;
      writeFileSync(
        path,
        Buffer.concat([Buffer.from(`${title}\n`, 'latin1'), paras[0]!, Buffer.from('\n'), paras[1]!]),
      );
      return path;
    },
    expect: 'result',
    check: (a) => {
      expect(a.draft.title).toBe('芯片出口管制新规');
      expect(a.draft.text.split('\n')).toEqual(GBK_TEXT);
    },
  },
  {
    kind: 'page',
    name: 'invalid UTF-8 declared as UTF-8',
    input: served(
      '/bad-utf8',
      bytes(
        Buffer.concat([
          Buffer.from(articlePage('Fab grants', [FILLER[0]!, 'Broken bytes here: '])),
          Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]),
          Buffer.from('<p>The end of the report.</p>'),
        ]),
      ),
    ),
    expect: 'result',
    check: (a) => expect(a.draft.text).toContain(FILLER[0]!),
  },
  {
    kind: 'page',
    name: 'UTF-8 page mislabelled ISO-8859-1',
    input: served(
      '/mislabel',
      bytes(
        Buffer.from(
          articlePage('Zölle auf Chips', [
            'Der Branchenverband sagte, die neuen Zölle träfen vor allem Zulieferer in Südkorea und Japan.',
            FILLER[1]!,
          ]),
        ),
        'text/html; charset=iso-8859-1',
      ),
    ),
    expect: 'result',
    check: (a) => expect(a.draft.text).toContain('träfen vor allem Zulieferer in Südkorea'),
  },
  {
    kind: 'page',
    name: '5,000-deep nesting (past Readability, under the refusal depth)',
    input: served('/deep-5k', html(nested(5_000, 'div', `<p>${FILLER[0]}</p><p>${FILLER[1]}</p>`))),
    expect: 'result',
    check: (a) => expect(a.draft.text).toContain(FILLER[1]!),
  },
  {
    kind: 'page',
    name: 'one 1 MB word',
    input: served('/long-word', html(articlePage('Licence backlog', [FILLER[0]!, 'x'.repeat(1_000_000)]))),
    expect: 'result',
    check: (a) => expect(a.draft.text).toContain(FILLER[0]!),
  },
  {
    kind: 'page',
    name: '20,000 paragraphs',
    input: served(
      '/many-paras',
      html(
        articlePage(
          'Customs data',
          Array.from({ length: 20_000 }, (_, i) => `Shipment ${i}: ${FILLER[i % 3]}`),
        ),
      ),
    ),
    expect: 'result',
    check: (a) => expect(a.draft.text.split('\n').length).toBeGreaterThan(1000),
  },
  {
    kind: 'page',
    name: 'invalid numeric character references',
    input: served(
      '/bad-refs',
      html(
        articlePage('Refs &#0; &#xD800; &#x110000;', [
          `${FILLER[0]} &#0;&#xD800;&#xDFFF;&#x110000;&#99999999999; &amp;&amp;&lt;script&gt;`,
          FILLER[2]!,
        ]),
      ),
    ),
    expect: 'result',
    check: quotesVerbatim,
  },
];
