import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the hostile server answers on one path. */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  /** A body in memory, or a generator of chunks (huge bodies are streamed, never held whole). */
  body?: string | Uint8Array | (() => Iterable<Uint8Array>);
}

/**
 * A local HTTP server (127.0.0.1 only) for the hostile-input suite: each route is a bad page, feed or
 * redirect. A streamed body stops when the client goes away, so a refused 50 MB page costs little.
 */
export class HostileServer {
  private constructor(
    private readonly server: Server,
    readonly origin: string,
    private readonly routes: Map<string, Route>,
  ) {}

  /** Counts requests per path: a refused redirect target must never be asked for. */
  readonly hits = new Map<string, number>();

  static async start(): Promise<HostileServer> {
    const routes = new Map<string, Route>();
    let self: HostileServer | null = null;
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]!;
      self!.hits.set(path, (self!.hits.get(path) ?? 0) + 1);
      const route = routes.get(path);
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(route.status ?? 200, { 'content-type': 'text/html', ...route.headers });
      const body = route.body;
      if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
        res.end(body);
        return;
      }
      const chunks = body()[Symbol.iterator]();
      let closed = false;
      res.on('close', () => {
        closed = true;
      });
      const pump = () => {
        while (!closed) {
          const next = chunks.next();
          if (next.done) {
            res.end();
            return;
          }
          if (!res.write(next.value)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    // Long keep-alive: a case that keeps the (shared) event loop busy for seconds must not leave the
    // fetcher a socket the server closed meanwhile (ECONNRESET on reuse; see the suite's report).
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    self = new HostileServer(server, origin, routes);
    return self;
  }

  /** Registers `route` at `path` and returns its full URL. */
  add(path: string, route: Route): string {
    this.routes.set(path, route);
    return `${this.origin}${path}`;
  }

  get hostPort(): string {
    return this.origin.replace(/^http:\/\//, '');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

/** `total` bytes of filler HTML in 64 KB chunks, generated as they are sent. */
export function* hugeHtml(total: number): Iterable<Uint8Array> {
  const head = Buffer.from('<!DOCTYPE html><html><body><article>');
  yield head;
  const para = Buffer.from(
    '<p>Officials reviewed another batch of licence applications for deposition tools, and the queue grew again.</p>\n'.repeat(
      600,
    ),
  );
  for (let sent = head.length; sent < total; sent += para.length) yield para;
}
