import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthOk, createDashboard, dashboardCredentials } from '../../../jobs/observability/dashboard.js';
import { adapterPart, checkHealth, type HealthPart, redisPart } from '../../../jobs/observability/health.js';
import { ChipbriefMetrics } from '../../../jobs/observability/metrics.js';
import {
  DASHBOARD_PATH,
  type ObservabilityServer,
  startObservability,
} from '../../../jobs/observability/server.js';
import { QUEUE_NAMES } from '../../../jobs/queue-names.js';
import { createLogger } from '../../../src/log.js';
import { closeQueues, testQueues } from '../../support/queue-redis.js';

const log = createLogger('silent');
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('checkHealth', () => {
  it('is ok when every part is, and names the parts that are down, failing or too slow', async () => {
    const parts: HealthPart[] = [
      { name: 'redis', check: () => ({ ok: true }) },
      { name: 'store', check: () => Promise.reject(new Error('SQLITE_CANTOPEN: unable to open database')) },
      { name: 'slack', check: () => new Promise(() => {}) },
      { name: 'discord', check: () => ({ ok: false, connected: false }) },
    ];
    const report = await checkHealth(parts, 200);
    expect(report.ok).toBe(false);
    expect(report.down).toEqual(['store', 'slack', 'discord']);
    expect(report.parts.store?.error).toMatch(/unable to open database/);
    expect(report.parts.slack?.error).toMatch(/no answer within 200 ms/);
    expect(report.parts.discord?.connected).toBe(false);
    expect((await checkHealth(parts.slice(0, 1))).ok).toBe(true);
  });

  it('reports a Redis connection that is not ready as down without waiting', async () => {
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true });
    const start = Date.now();
    const report = await checkHealth([redisPart(redis)]);
    expect(report.down).toEqual(['redis']);
    expect(report.parts.redis?.error).toBe('connection wait');
    expect(Date.now() - start).toBeLessThan(500);
    redis.disconnect();
  });

  it('takes an adapter with health() as a part, one without as none', () => {
    expect(adapterPart({ name: 'x' })).toBeNull();
    const part = adapterPart({ name: 'slack', health: () => ({ ok: true, mode: 'socket' }) });
    expect(part?.name).toBe('slack');
  });
});

describe('basic auth', () => {
  const creds = { user: 'ops', password: 's3cret:with:colons' };
  it('accepts exactly the configured user and password', () => {
    expect(basicAuthOk(basic('ops', 's3cret:with:colons'), creds)).toBe(true);
    expect(basicAuthOk(basic('ops', 's3cret'), creds)).toBe(false);
    expect(basicAuthOk(basic('Ops', 's3cret:with:colons'), creds)).toBe(false);
    expect(basicAuthOk(undefined, creds)).toBe(false);
    expect(basicAuthOk('Bearer abc', creds)).toBe(false);
    expect(basicAuthOk(`Basic ${Buffer.from('nocolon').toString('base64')}`, creds)).toBe(false);
  });
  it('turns the dashboard on only with both variables', () => {
    expect(dashboardCredentials({ DASHBOARD_USER: 'ops' })).toBeNull();
    expect(dashboardCredentials({ DASHBOARD_PASSWORD: 'pw' })).toBeNull();
    expect(dashboardCredentials({ DASHBOARD_USER: 'ops', DASHBOARD_PASSWORD: 'pw' })).toEqual({
      user: 'ops',
      password: 'pw',
    });
  });
});

describe('observability server', () => {
  let server: ObservabilityServer;
  let healthy = true;
  const metrics = new ChipbriefMetrics();
  const queues = testQueues('dashboard');
  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  beforeAll(async () => {
    const dashboard = await createDashboard(
      QUEUE_NAMES.map((n) => queues.queue(n)),
      { user: 'ops', password: 'pw' },
      DASHBOARD_PATH,
    );
    server = await startObservability({
      port: 0,
      host: '127.0.0.1',
      role: 'worker',
      metrics,
      health: () => [
        { name: 'redis', check: () => ({ ok: healthy }) },
        { name: 'store', check: () => ({ ok: true, kind: 'sqlite' }) },
      ],
      dashboard,
      log,
    });
  });

  afterAll(async () => {
    await server.close();
    await closeQueues(queues);
  });

  it('picks a free port for METRICS_PORT=0', () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it('GET /healthz: 200 with every part, then 503 naming the part that is down', async () => {
    let res = await fetch(url('/healthz'));
    expect(res.status).toBe(200);
    let body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 'ok',
      role: 'worker',
      parts: { redis: { ok: true }, store: { ok: true } },
    });
    healthy = false;
    res = await fetch(url('/healthz'));
    expect(res.status).toBe(503);
    body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'down', down: ['redis'] });
    healthy = true;
  });

  it('GET /metrics: Prometheus text with the counters', async () => {
    metrics.articleProcessed('new');
    const res = await fetch(url('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toMatch(/^chipbrief_articles_processed_total\{status="new"\} 1$/m);
  });

  it('404 for other paths, 405 for other methods', async () => {
    expect((await fetch(url('/nope'))).status).toBe(404);
    expect((await fetch(url('/metrics'), { method: 'POST' })).status).toBe(405);
  });

  it('the dashboard asks for basic auth and serves bull-board with it', async () => {
    const anon = await fetch(url('/dashboard'));
    expect(anon.status).toBe(401);
    expect(anon.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect(
      (await fetch(url('/dashboard'), { headers: { authorization: basic('ops', 'nope') } })).status,
    ).toBe(401);
    const page = await fetch(url('/dashboard'), { headers: { authorization: basic('ops', 'pw') } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/dashboard/"');
    const api = await fetch(url('/dashboard/api/queues?page=1'), {
      headers: { authorization: basic('ops', 'pw') },
    });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual([...QUEUE_NAMES].sort());
  });
});

describe('observeProcess', () => {
  it('logs and carries on when METRICS_PORT is taken, and serves on a free one', async () => {
    const { createServer } = await import('node:net');
    const { AppContext } = await import('../../../src/cli/app-context.js');
    const { observeProcess } = await import('../../../jobs/observability/observe-process.js');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, r));
    const taken = (blocker.address() as { port: number }).port;
    const queues = testQueues('observe');
    await queues.connection.ping();
    const lines: string[] = [];
    const logger = createLogger('info', { write: (s: string) => void lines.push(s) });
    const services = {
      store: {
        kind: 'sqlite',
        ping: async () => {},
        stats: async () => ({ articles: 1, stories: 1, quotes: 0, briefs: 0 }),
      },
      llm: null,
    } as unknown as import('../../../src/ingest/services.js').Services;
    const stream = { write: () => true } as unknown as NodeJS.WritableStream;
    const appFor = (port: number) =>
      new AppContext({
        argv: [],
        env: { METRICS_PORT: String(port) },
        cwd: '/',
        stdout: stream,
        stderr: stream,
      });
    try {
      const blocked = await observeProcess(appFor(taken), {
        role: 'worker',
        redis: queues.connection,
        queues,
        services,
        log: logger,
      });
      expect(blocked.server).toBeNull();
      expect(lines.join('')).toMatch(/observability off in this process: METRICS_PORT is taken/);

      const app = appFor(0);
      const ok = await observeProcess(app, {
        role: 'worker',
        redis: queues.connection,
        queues,
        services,
        log: logger,
      });
      expect(ok.server?.port).toBeGreaterThan(0);
      const res = await fetch(`http://127.0.0.1:${ok.server!.port}/healthz`);
      expect(res.status).toBe(200);
      // The server closes with the command.
      await app.close();
      await expect(fetch(`http://127.0.0.1:${ok.server!.port}/healthz`)).rejects.toThrow();
    } finally {
      blocker.close();
      await closeQueues(queues);
    }
  });
});
