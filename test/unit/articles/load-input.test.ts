import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher, type HttpFetcher } from '../../../src/articles/fetcher.js';
import { loadFeed, loadInput } from '../../../src/articles/load-input.js';
import { ChipbriefError } from '../../../src/errors.js';
import { startTestServer, type TestServer } from '../../support/http-server.js';
import { encodeLegacy } from './legacy-encoding.js';

let dir: string;
let server: TestServer;
let fetcher: HttpFetcher;

const STORY =
  'The finance ministry extended a tax credit for chip plants by three years on Thursday, officials said.';
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(ChipbriefError);
    return (err as ChipbriefError).code;
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-load-'));
  writeFileSync(join(dir, 'story.txt'), `Tax credit extended\n${STORY}\n`);
  writeFileSync(
    join(dir, 'story.html'),
    `<html><head><title>Tax credit</title></head><body><p>${STORY}</p></body></html>`,
  );
  writeFileSync(join(dir, 'fake.html'), PDF);
  writeFileSync(join(dir, 'image.htm'), PNG);
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'blank.txt'), ' \n\t\n  ');
  writeFileSync(join(dir, 'nothing.html'), '<html><head><title>x</title></head><body> </body></html>');
  writeFileSync(join(dir, 'report.pdf'), PDF);
  mkdirSync(join(dir, 'folder.html'));
  server = await startTestServer();
  fetcher = createHttpFetcher({
    allowPrivateNetworks: false,
    allowHosts: [server.host],
    maxBytes: 1 << 20,
    timeoutMs: 5000,
  });
  const gbkPage = `<html><head><meta charset="gbk"><title>芯片出口</title></head><body><p>美国商务部周二宣布新的芯片出口管制规定，限制向多个国家出口先进处理器。</p></body></html>`;
  server.route('/gbk', (_q, r) =>
    r.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from(encodeLegacy(gbkPage, 'gbk'))),
  );
  server.route('/pdf-as-html', (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(PDF));
  server.route('/empty', (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end('   '));
  server.route('/plain', (_q, r) =>
    r.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`Credit extended\n${STORY}`),
  );
  server.route('/article', (_q, r) => r.writeHead(302, { location: '/final?utm_source=x' }).end());
  server.route('/final', (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${STORY}</p>`));
  const feed = `<rss version="2.0"><channel><title>Wire</title><item><title>A</title><link>/a</link><guid>a</guid></item><item><link>javascript:x</link></item></channel></rss>`;
  server.route('/feed', (q, r) => {
    if (q.headers['if-none-match'] === '"f1"') return r.writeHead(304).end();
    return r.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"f1"' }).end(feed);
  });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadInput: files', () => {
  it('reads a .txt file relative to cwd with its file:// URL', async () => {
    const draft = await loadInput('story.txt', { fetcher, cwd: dir });
    expect(draft.title).toBe('Tax credit extended');
    expect(draft.text).toBe(STORY);
    expect(draft.url).toBe(pathToFileURL(join(dir, 'story.txt')).href);
  });

  it('reads an .html file by absolute path and by file:// URL', async () => {
    const a = await loadInput(join(dir, 'story.html'), { fetcher });
    const b = await loadInput(pathToFileURL(join(dir, 'story.html')).href, { fetcher });
    expect(a.text).toBe(STORY);
    expect(b).toEqual(a);
  });

  it.each([
    ['missing.txt', 'INPUT_NOT_FOUND'],
    ['fake.html', 'INPUT_BINARY'],
    ['image.htm', 'INPUT_BINARY'],
    ['empty.html', 'INPUT_EMPTY'],
    ['blank.txt', 'INPUT_EMPTY'],
    ['nothing.html', 'INPUT_EMPTY'],
    ['report.pdf', 'INPUT_UNSUPPORTED'],
    ['folder.html', 'INPUT_UNSUPPORTED'],
    ['ftp://files.example/x.html', 'INPUT_UNSUPPORTED'],
  ])('%s fails with %s', async (input, code) => {
    expect(await codeOf(loadInput(input, { fetcher, cwd: dir }))).toBe(code);
  });

  it('says which file and what is wrong in one line', async () => {
    await expect(loadInput('fake.html', { fetcher, cwd: dir })).rejects.toThrow(/^fake\.html is PDF data/);
    await expect(loadInput('missing.txt', { fetcher, cwd: dir })).rejects.toThrow(
      'no such file: missing.txt',
    );
  });
});

describe('loadInput: URLs', () => {
  it('decodes a GBK page and extracts it', async () => {
    const draft = await loadInput(`${server.url}/gbk`, { fetcher });
    expect(draft.title).toBe('芯片出口');
    expect(draft.text).toBe('美国商务部周二宣布新的芯片出口管制规定，限制向多个国家出口先进处理器。');
  });

  it('uses the canonical form of the final URL', async () => {
    const draft = await loadInput(`${server.url}/article`, { fetcher });
    expect(draft.url).toBe(`https://127.0.0.1:${server.port}/final`);
  });

  it('reads text/plain as a text article', async () => {
    expect((await loadInput(`${server.url}/plain`, { fetcher })).text).toBe(STORY);
  });

  it('refuses PDF bytes served as HTML, empty pages and feeds', async () => {
    expect(await codeOf(loadInput(`${server.url}/pdf-as-html`, { fetcher }))).toBe('INPUT_BINARY');
    expect(await codeOf(loadInput(`${server.url}/empty`, { fetcher }))).toBe('INPUT_EMPTY');
    expect(await codeOf(loadInput(`${server.url}/feed`, { fetcher }))).toBe('INPUT_UNSUPPORTED');
  });

  it('passes fetch refusals through', async () => {
    expect(await codeOf(loadInput('http://169.254.169.254/latest/meta-data/', { fetcher }))).toBe(
      'FETCH_REFUSED',
    );
  });
});

describe('loadFeed', () => {
  it('returns items and validators, then notModified with the same validators', async () => {
    const first = await loadFeed(`${server.url}/feed`, { fetcher });
    expect(first.notModified).toBe(false);
    expect(first.title).toBe('Wire');
    expect(first.items.map((i) => i.url)).toEqual([`${server.url}/a`]);
    expect(first.etag).toBe('"f1"');
    const second = await loadFeed(`${server.url}/feed`, {
      fetcher,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toMatchObject({ notModified: true, items: [], etag: '"f1"' });
    const third = await loadFeed(`${server.url}/feed`, { fetcher }, { etag: '"f1"' });
    expect(third.notModified).toBe(true);
  });
});
