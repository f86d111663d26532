import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JobQueues } from '../../../jobs/job-queues.js';
import { digestId } from '../../../src/digests/digest.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { FakeSlack } from '../../fakes/slack-server.js';
import { closeQueues, testQueues, waitFor } from '../../support/queue-redis.js';
import { rawText, seedAccelerators, seedLithography } from './fixtures.js';

/**
 * Promise 4 with real processes: a `chipbrief worker` posts the digest through a 429, then is SIGKILLed
 * before recording it; another worker takes the stalled job over, finds the message on Slack by its
 * metadata, records it, and posts nothing.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./worker-entry.ts', import.meta.url));
const CHANNEL = 'C0CRASH';

let dir: string;
let store: Store;
let fake: FakeSlack;
let queues: JobQueues;
const children: ChildProcess[] = [];

interface Worker {
  child: ChildProcess;
  exited: Promise<number | string>;
  err: () => string;
  started: Promise<void>;
}

function worker(crashAfterPost: boolean): Worker {
  let err = '';
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, 'worker', '--queues', 'digest'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      CI: 'true',
      LOG_LEVEL: 'info',
      CHIPBRIEF_DB: join(dir, 'chipbrief.db'),
      CHIPBRIEF_CONFIG: join(dir, 'chipbrief.config.json'),
      CHIPBRIEF_LLM: 'off',
      REDIS_URL: inject('redisUrl'),
      CHIPBRIEF_QUEUE_PREFIX: queues.prefix,
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: 'unused-by-workers',
      SLACK_API_URL: fake.apiUrl,
      CHIPBRIEF_TEST_HOOKS: JSON.stringify({
        crashAfterPost,
        tuning: { lockDurationMs: 1500, stalledIntervalMs: 500, maxStalledCount: 3 },
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
  children.push(child);
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, exited, err: () => err, started };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-slack-crash-'));
  writeFileSync(join(dir, 'chipbrief.config.json'), '{}');
  store = openSqliteStore(join(dir, 'chipbrief.db'));
  const at = new Date(Date.now() - 3 * 3_600_000).toISOString();
  await seedLithography(store, at);
  await seedAccelerators(store, at);
  fake = await FakeSlack.start();
  queues = testQueues('slack-crash');
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (queues) await closeQueues(queues);
  await fake?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('digest job under SIGKILL', () => {
  it('posts the digest once: 429 honoured, worker killed after posting, the next worker recovers it', async () => {
    // Scheduled a minute from now, so the stories (first seen 3 h ago) are in its window.
    const when = new Date(Date.now() + 60_000);
    const date = when.toISOString().slice(0, 10);
    await store.upsertSubscription({
      platform: 'slack',
      workspaceId: 'T0CHIPS',
      channelId: CHANNEL,
      time: when.toISOString().slice(11, 16),
      tz: 'UTC',
      filters: { firms: [], policies: [], keywords: [] },
      createdBy: null,
    });
    const id = digestId('slack', CHANNEL, date);
    // Retry-After 0: honoured without slowing the test (the in-process test checks a 1 s wait).
    fake.rateLimit('chat.postMessage', 1, '0');

    // A takes the job as soon as it is enqueued; B boots meanwhile and finds it stalled once A is dead.
    const a = worker(true);
    await Promise.race([a.started, a.exited]);
    await queues.add('digest', id, { platform: 'slack', channelId: CHANNEL, date });
    const b = worker(false);
    const exit = await a.exited;
    if (exit !== 'SIGKILL') throw new Error(`worker exited ${exit}: ${a.err().slice(-2000)}`);
    const posts = () => fake.calls('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(posts().map((c) => c.status)).toEqual([429, 200]);
    const half = await store.getDigest(id);
    expect(half?.attemptedAt).toBeTruthy();
    expect(half?.postedAt).toBeNull();

    const done = await waitFor(
      async () => {
        const record = await store.getDigest(id);
        return record?.postedAt ? record : null;
      },
      30_000,
      'the digest recorded as posted',
    );
    expect(posts().filter((c) => c.status === 200)).toHaveLength(1);
    const messages = fake.channelMessages(CHANNEL);
    expect(messages).toHaveLength(1);
    expect(done.messageRef).toBe(messages[0]!.ts);
    expect(fake.calls('conversations.history').some((c) => c.body.channel === CHANNEL)).toBe(true);
    expect(rawText(posts().at(-1)!.body)).toContain('&lt;!channel&gt;');
    expect(rawText(posts().at(-1)!.body)).not.toContain('<!channel>');
    // The worker had the store: the digest's thread context is recorded for follow-ups.
    expect((await store.getThread('slack', CHANNEL, done.messageRef!))?.digestId).toBe(id);

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 60_000);
});
