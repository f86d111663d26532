import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { FakeSlack } from '../../fakes/slack-server.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));

export interface Worker {
  child: ChildProcess;
  exited: Promise<number | string>;
  err: () => string;
  started: Promise<void>;
}

/**
 * A `chipbrief worker --queues <queue>` child process (worker-entry.ts) against the fake Slack, the
 * store in `dir` and the test's Redis queues, with short lock and stall timings so a SIGKILLed worker's
 * job is taken over within seconds. `hooks` go to CHIPBRIEF_TEST_HOOKS (see worker-entry.ts).
 */
export function spawnWorker(o: {
  dir: string;
  fake: FakeSlack;
  prefix: string;
  queue: string;
  hooks: Record<string, unknown>;
}): Worker {
  let err = '';
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'worker', '--queues', o.queue], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      CI: 'true',
      LOG_LEVEL: 'info',
      CHIPBRIEF_DB: join(o.dir, 'chipbrief.db'),
      CHIPBRIEF_CONFIG: join(o.dir, 'chipbrief.config.json'),
      CHIPBRIEF_LLM: 'off',
      REDIS_URL: inject('redisUrl'),
      CHIPBRIEF_QUEUE_PREFIX: o.prefix,
      SLACK_BOT_TOKEN: o.fake.botToken,
      SLACK_SIGNING_SECRET: 'unused-by-workers',
      SLACK_API_URL: o.fake.apiUrl,
      CHIPBRIEF_TEST_HOOKS: JSON.stringify({
        tuning: { lockDurationMs: 1500, stalledIntervalMs: 500, maxStalledCount: 3 },
        ...o.hooks,
      }),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let onStarted!: () => void;
  const started = new Promise<void>((resolve) => {
    onStarted = resolve;
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('"msg":"workers started"')) onStarted();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, exited, err: () => err, started };
}
