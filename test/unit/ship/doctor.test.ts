import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorCli } from '../../../jobs/observability/doctor-cli.js';
import {
  type DoctorCheck,
  type DoctorProbes,
  doctorExitCode,
  renderDoctor,
  runDoctor,
} from '../../../src/cli/commands/doctor.js';
import { runCli } from '../../../src/cli.js';
import { loadConfig } from '../../../src/config.js';
import { ChipbriefError } from '../../../src/errors.js';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'chipbrief-doctor-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Probes that succeed unless told otherwise; they record which were called. */
function probes(fail: Partial<Record<keyof DoctorProbes, string>> = {}): DoctorProbes & { called: string[] } {
  const called: string[] = [];
  const run = async <T>(name: keyof DoctorProbes, value: T): Promise<T> => {
    called.push(name);
    if (fail[name]) throw new ChipbriefError('PLATFORM_FAILED', fail[name]!);
    return value;
  };
  return {
    called,
    redis: () => run('redis', undefined),
    store: () => run('store', '12 articles, 7 stories, 7 briefs'),
    llm: () => run('llm', 'gpt-4o-mini at api.openai.com answered (30 + 5 tokens)'),
    slack: () =>
      run('slack', [
        { part: 'slack', status: 'ok', detail: 'bot chipbrief in workspace Acme' } as DoctorCheck,
      ]),
    discord: () =>
      run('discord', [{ part: 'discord token', status: 'ok', detail: 'bot chipbrief (1)' } as DoctorCheck]),
  };
}

const byPart = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.part, c]));

describe('runDoctor', () => {
  it('with nothing configured: each part on its default, what to set next, exit 0', async () => {
    const cwd = tempDir();
    const p = probes({ redis: 'cannot reach Redis at redis://127.0.0.1:6379' });
    const checks = await runDoctor(loadConfig({}, cwd), p, { cwd });
    const parts = byPart(checks);
    expect(parts.config?.status).toBe('default');
    expect(parts.store).toMatchObject({
      status: 'default',
      detail: expect.stringMatching(/SQLite at \.\/data\/chipbrief\.db/),
    });
    expect(parts.llm).toMatchObject({ status: 'default', detail: expect.stringMatching(/^off/) });
    expect(parts.slack?.status).toBe('default');
    expect(parts.discord?.status).toBe('default');
    expect(parts.dashboard?.status).toBe('default');
    // An unreachable default Redis is a warning: nothing was configured wrong.
    expect(parts.redis?.status).toBe('warning');
    // Nothing configured is probed beyond Redis: no LLM call, no platform call, no store file created.
    expect(p.called).toEqual(['redis']);
    expect(doctorExitCode(checks)).toBe(0);

    const text = renderDoctor(checks);
    expect(text).toMatch(/^default\s+store\s+SQLite/m);
    expect(text).toMatch(/Running on defaults: config, store, llm, slack, discord, dashboard\./);
    const next = text.slice(text.indexOf('What to do next:'));
    // The needed steps come before the optional ones: Redis, then a platform.
    expect(next).toMatch(/1\. worker, serve and enqueue need Redis/);
    expect(next).toMatch(/2\. connect a platform: SLACK_BOT_TOKEN \+ SLACK_APP_TOKEN/);
    expect(next).toMatch(/OPENAI_API_KEY, or OPENAI_BASE_URL for a local model.*\(optional\)/);
    // "connect a platform" once, not once per platform.
    expect(next.match(/connect a platform/g)).toHaveLength(1);
  });

  it('probes what is configured and fails when a configured part is broken', async () => {
    const cwd = tempDir();
    const config = loadConfig(
      {
        REDIS_URL: 'redis://redis.internal:6379',
        OPENAI_API_KEY: 'sk-test',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_APP_TOKEN: 'xapp-1',
      },
      cwd,
    );
    const p = probes({ slack: 'cannot reach Slack at slack.com (ECONNREFUSED)' });
    const checks = await runDoctor(config, p, { cwd });
    const parts = byPart(checks);
    expect(p.called.sort()).toEqual(['llm', 'redis', 'slack']);
    expect(parts.redis?.status).toBe('ok');
    expect(parts.llm).toMatchObject({ status: 'ok', detail: expect.stringContaining('gpt-4o-mini') });
    expect(parts.slack).toMatchObject({ status: 'problem', fix: expect.stringMatching(/SLACK_BOT_TOKEN/) });
    // One platform is enough: the other is optional now.
    expect(parts.discord).toMatchObject({ status: 'default', optional: true });
    expect(doctorExitCode(checks)).toBe(1);
    expect(renderDoctor(checks)).toMatch(/^problem\s+slack\s+PLATFORM_FAILED: cannot reach Slack/m);
  });

  it('a configured Redis that does not answer is a problem; a broken LLM gets a fix', async () => {
    const cwd = tempDir();
    const config = loadConfig(
      { REDIS_URL: 'redis://10.0.0.9:6379', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' },
      cwd,
    );
    const checks = await runDoctor(
      config,
      probes({ redis: 'cannot reach Redis', llm: 'LLM_INVALID_OUTPUT: not JSON' }),
      {
        cwd,
      },
    );
    const parts = byPart(checks);
    expect(parts.redis?.status).toBe('problem');
    expect(parts.llm?.fix).toMatch(/supports JSON output/);
    expect(doctorExitCode(checks)).toBe(1);
  });

  it('opens an existing SQLite store and half-set dashboard credentials are a problem', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data', 'chipbrief.db'), '');
    const p = probes();
    const checks = await runDoctor(loadConfig({ DASHBOARD_USER: 'ops' }, cwd), p, { cwd });
    const parts = byPart(checks);
    expect(parts.store).toMatchObject({ status: 'ok', detail: expect.stringContaining('12 articles') });
    expect(parts.dashboard?.status).toBe('problem');
    expect(p.called).toContain('store');
  });
});

describe('chipbrief doctor (command)', () => {
  it('reports a config that does not parse as a problem with exit 1', async () => {
    let out = '';
    const write = (s: string) => {
      out += s;
      return true;
    };
    const stream = { write } as unknown as NodeJS.WritableStream;
    const code = await runCli(
      { argv: ['doctor'], env: { METRICS_PORT: 'ninety' }, cwd: tempDir(), stdout: stream, stderr: stream },
      [doctorCli],
    );
    expect(code).toBe(1);
    expect(out).toMatch(/^problem\s+config\s+.*METRICS_PORT/m);
  });

  it('bin/chipbrief.js doctor with nothing configured says what runs on defaults and what to set next', () => {
    const bin = fileURLToPath(new URL('../../../bin/chipbrief.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'doctor', '--json'], {
      cwd: tempDir(),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.stderr).toBe('');
    // Redis on its default URL may or may not be running here: either way nothing configured is broken.
    expect(r.status).toBe(0);
    const { checks } = JSON.parse(r.stdout) as { checks: DoctorCheck[] };
    const parts = byPart(checks);
    for (const part of ['store', 'llm', 'slack', 'discord', 'dashboard'])
      expect(parts[part]?.status).toBe('default');
    expect(['ok', 'warning']).toContain(parts.redis?.status);
    expect(parts.slack?.fix).toMatch(/SLACK_BOT_TOKEN/);
  });
});
