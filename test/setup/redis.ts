import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { freePort, waitForPing } from '../support/redis-process.js';

/**
 * Starts a private redis-server on a free port for the whole run, unless REDIS_URL is set.
 * Tests never touch a shared Redis and never skip: no redis-server is a failure that says what to do.
 */
let child: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return async () => {};
  }
  const which = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (which.error || which.status !== 0) {
    throw new Error(
      'redis-server not found: install it (Debian: apt-get install -y redis-server; macOS: brew install redis) or set REDIS_URL',
    );
  }
  const port = await freePort();
  child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await waitForPing(port, 10_000);
  const url = `redis://127.0.0.1:${port}`;
  project.provide('redisUrl', url);
  project.provide('redisPort', port);
  return async () => {
    child?.kill('SIGTERM');
  };
}
