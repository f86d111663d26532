import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCommandSink } from '../../jobs/command-sink.js';
import type { JobContext } from '../../jobs/job-context.js';
import type { JobQueues } from '../../jobs/job-queues.js';
import { DEFAULT_TUNING } from '../../jobs/queue-hooks.js';
import { startWorkers, type WorkerPool } from '../../jobs/workers.js';
import { answerInbound } from '../../src/answers/answer-inbound.js';
import { loadConfig } from '../../src/config.js';
import type { InboundCommand } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CapturingPlatform } from '../fakes/capturing-platform.js';
import { closeQueues, testQueues, waitFor } from '../support/queue-redis.js';

/** The adapters' path into the queue: CommandSink -> `answer` job -> answer -> reply, once per event. */
let dir: string;
let store: Store;
let queues: JobQueues;
let pool: WorkerPool;
const platform = new CapturingPlatform({ platform: 'discord' });

function command(eventId: string, text: string): InboundCommand {
  return {
    text,
    followUp: false,
    ctx: {
      platform: 'discord',
      workspaceId: 'G1',
      channelId: '9001',
      userId: 'U7',
      threadRef: null,
      isAdmin: false,
    },
    target: { platform: 'discord', channelId: '9001', threadRef: null, via: { interactionToken: 'tok' } },
    receivedAt: new Date().toISOString(),
    eventId,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-answer-'));
  const config = loadConfig({ CHIPBRIEF_DB: join(dir, 'db.sqlite'), CHIPBRIEF_LLM: 'off' }, dir);
  store = openSqliteStore(config.CHIPBRIEF_DB);
  queues = testQueues('answer');
  const ctx: JobContext = {
    services: {
      config,
      store,
      fetcher: { fetch: () => Promise.reject(new Error('no network in this test')) },
      llm: null,
      clock: { now: () => new Date() },
      log: pino({ level: 'silent' }),
      platforms: new Map([['discord', platform]]),
    },
    queues,
    tuning: DEFAULT_TUNING,
    answer: answerInbound,
  };
  pool = startWorkers(ctx, queues.connection, {
    queues: ['answer'],
    prefix: queues.prefix,
    readFeed: () => Promise.reject(new Error('unused')),
    log: ctx.services.log,
  });
});

afterAll(async () => {
  await pool.close(1_000);
  await closeQueues(queues);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('answer jobs', () => {
  it('answers a redelivered event once, through the platform it came from', async () => {
    const sink = queueCommandSink(queues);
    await sink.submit(command('interaction-1', 'help'));
    await sink.submit(command('interaction-1', 'help'));
    await sink.submit(command('interaction-2', 'help'));
    const replies = await waitFor(
      () => {
        const r = platform.captured().filter((c) => c.kind === 'reply');
        return r.length >= 2 ? r : null;
      },
      15_000,
      'two replies',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(platform.captured()).toHaveLength(2);
    expect(replies.map((r) => r.kind === 'reply' && r.target.channelId)).toEqual(['9001', '9001']);
    // Replies go out before the job is marked completed: wait for the queue to say so.
    await waitFor(
      async () => ((await queues.counts()).answer.completed === 2 ? true : null),
      15_000,
      'both answer jobs completed',
    );
    const job = await queues.queue('answer').getJob('answer|discord|interaction-1');
    expect(job?.returnvalue).toMatchObject({ kind: 'help' });
  });
});
