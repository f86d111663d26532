import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { DashboardHandler } from './server.js';

export interface DashboardCredentials {
  user: string;
  password: string;
}

/** Compares secrets in time independent of where they differ (and of their lengths: digests first). */
function sameSecret(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** True when the request carries `Authorization: Basic` with these credentials. */
export function basicAuthOk(header: string | undefined, creds: DashboardCredentials): boolean {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Both halves are always compared, so a wrong user costs the same time as a wrong password.
  const userOk = sameSecret(decoded.slice(0, colon), creds.user);
  const passOk = sameSecret(decoded.slice(colon + 1), creds.password);
  return userOk && passOk;
}

/** Dashboard credentials from config, or null (dashboard off) unless both are set. */
export function dashboardCredentials(config: {
  DASHBOARD_USER?: string | undefined;
  DASHBOARD_PASSWORD?: string | undefined;
}): DashboardCredentials | null {
  return config.DASHBOARD_USER && config.DASHBOARD_PASSWORD
    ? { user: config.DASHBOARD_USER, password: config.DASHBOARD_PASSWORD }
    : null;
}

/**
 * The bull-board UI for `queues`, under `basePath`, behind basic auth. bull-board and its Express app
 * are loaded only here, so processes without a dashboard never load them.
 */
export async function createDashboard(
  queues: readonly Queue[],
  creds: DashboardCredentials,
  basePath: string,
): Promise<DashboardHandler> {
  const [{ createBullBoard }, { BullMQAdapter }, { ExpressAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/express'),
  ]);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(basePath);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    // Two copies of @bull-board/api (9.10.2 here, 9.10.1 under @bull-board/express): same shape.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'chipbrief queues' } },
  });
  const app = serverAdapter.getRouter() as (
    req: IncomingMessage,
    res: ServerResponse,
    next: (err?: unknown) => void,
  ) => void;
  return (req, res) => {
    if (!basicAuthOk(req.headers.authorization, creds)) {
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="chipbrief dashboard", charset="UTF-8"',
        'content-type': 'text/plain; charset=utf-8',
      });
      res.end('authentication required\n');
      return;
    }
    // The Express app routes relative to where it is mounted: hand it the path below basePath.
    const rest = (req.url ?? '').slice(basePath.length);
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    app(req, res, (err) => {
      if (res.headersSent) return;
      res.writeHead(err ? 500 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(err ? 'dashboard error\n' : 'not found\n');
    });
  };
}
