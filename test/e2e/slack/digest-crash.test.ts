import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobQueues } from '../../../jobs/job-queues.js';
import { digestId } from '../../../src/digests/digest.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { FakeSlack } from '../../fakes/slack-server.js';
import { closeQueues, testQueues, waitFor } from '../../support/queue-redis.js';
import { rawText, seedAccelerators, seedLithography } from './fixtures.js';
import { spawnWorker, type Worker } from './spawn-worker.js';

/**
 * Promise 4 with real processes: a `chipbrief worker` posts the digest through a 429, then is SIGKILLed
 * before recording it; another worker takes the stalled job over, finds the message on Slack by its
 * metadata, records it, and posts nothing.
 */
const CHANNEL = 'C0CRASH';

let dir: string;
let store: Store;
let fake: FakeSlack;
let queues: JobQueues;
const children: ChildProcess[] = [];

function worker(crashAfterPost: boolean): Worker {
  const w = spawnWorker({ dir, fake, prefix: queues.prefix, queue: 'digest', hooks: { crashAfterPost } });
  children.push(w.child);
  return w;
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
