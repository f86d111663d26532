import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../../src/articles/fetcher.js';

/**
 * A server that keeps connections alive but drops one the moment a second request arrives on it, as a
 * site does whose keep-alive timeout ran out just as the client reused the socket. The request never
 * reached the application, so a GET on a fresh connection is safe and is what a browser does.
 */
let server: Server;
let base = '';
let connections = 0;
let served = 0;

const PAGE =
  '<html><body><article><p>Export licences for lithography tools were paused on Friday.</p></article></body></html>';

beforeAll(async () => {
  server = createServer((socket: Socket) => {
    connections++;
    let requests = 0;
    let buffer = '';
    socket.on('data', (d) => {
      buffer += d.toString('latin1');
      while (buffer.includes('\r\n\r\n')) {
        buffer = buffer.slice(buffer.indexOf('\r\n\r\n') + 4);
        requests++;
        if (requests > 1) {
          socket.destroy();
          return;
        }
        served++;
        socket.write(
          `HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(PAGE)}\r\nconnection: keep-alive\r\n\r\n${PAGE}`,
        );
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('a keep-alive connection the server dropped', () => {
  it('is retried once on a fresh connection instead of failing the fetch', async () => {
    const f = createHttpFetcher({ allowPrivateNetworks: true, maxBytes: 1 << 20, timeoutMs: 5_000 });
    try {
      for (let i = 0; i < 3; i++) {
        const r = await f.fetch(`${base}/news/${i}`);
        expect(r.status).toBe(200);
        expect(Buffer.from(r.body).toString('utf8')).toContain('lithography');
      }
      expect(served).toBe(3);
      expect(connections).toBeGreaterThanOrEqual(3);
    } finally {
      await f.close();
    }
  });
});
