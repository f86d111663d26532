import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/log.js';
import { checkHealth, type HealthPart } from './health.js';
import type { ChipbriefMetrics } from './metrics.js';

/** Handles a request under the dashboard's path (prefix already matched). */
export type DashboardHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface ObservabilityOptions {
  /** METRICS_PORT; 0 picks a free port (logged, and returned as `port`). */
  port: number;
  /** Default: every interface, so a container's port mapping reaches it. */
  host?: string;
  role: 'serve' | 'worker';
  metrics: ChipbriefMetrics;
  health: () => readonly HealthPart[];
  /** Mounted at /dashboard when set (basic auth is the handler's business). */
  dashboard?: DashboardHandler | null;
  log: Logger;
}

export interface ObservabilityServer {
  port: number;
  close(): Promise<void>;
}

export const DASHBOARD_PATH = '/dashboard';

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * GET /healthz (200 with a JSON body when every part is up, 503 naming those that are down),
 * GET /metrics (Prometheus text), and the queue dashboard under /dashboard when enabled.
 */
export async function startObservability(opts: ObservabilityOptions): Promise<ObservabilityServer> {
  const { log, metrics } = opts;
  const started = new Date().toISOString();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (opts.dashboard && (path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`))) {
      opts.dashboard(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return;
    }
    if (path === '/healthz') {
      void checkHealth(opts.health()).then(
        (report) => {
          const body = {
            status: report.ok ? 'ok' : 'down',
            role: opts.role,
            pid: process.pid,
            startedAt: started,
            ...(report.ok ? {} : { down: report.down }),
            parts: report.parts,
          };
          send(res, report.ok ? 200 : 503, 'application/json', `${JSON.stringify(body)}\n`);
        },
        (err) => send(res, 500, 'text/plain; charset=utf-8', `${(err as Error).message}\n`),
      );
      return;
    }
    if (path === '/metrics') {
      void metrics.text().then(
        ({ contentType, body }) => send(res, 200, contentType, body),
        (err) => {
          log.warn({ err: (err as Error).message }, 'metrics: collection failed');
          send(res, 500, 'text/plain; charset=utf-8', 'metrics collection failed\n');
        },
      );
      return;
    }
    send(res, 404, 'text/plain; charset=utf-8', 'not found: try /healthz, /metrics or /dashboard\n');
  });
  // Scrapers keep connections alive; do not let one hold shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  log.info(
    { port, role: opts.role, dashboard: opts.dashboard ? DASHBOARD_PATH : null },
    'observability listening',
  );
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
