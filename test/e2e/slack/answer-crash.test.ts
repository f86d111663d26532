import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJobId, bullJobId } from '../../../jobs/job-id.js';
import type { JobQueues } from '../../../jobs/job-queues.js';
import { FakeSlack } from '../../fakes/slack-server.js';
import { closeQueues, completedJob, testQueues } from '../../support/queue-redis.js';
import { LONG_PARTS, oneToN, postedParts, slackCommand } from './answer-support.js';
import { spawnWorker, type Worker } from './spawn-worker.js';

/**
 * Answer replies under SIGKILL, with real processes: worker A posts part 2 of a thread reply and dies
 * before recording it; worker B takes the stalled job over, finds parts 1 and 2 in the thread by their
 * message metadata, and posts only the rest. Slack shows every part once.
 */
let dir: string;
let fake: FakeSlack;
let queues: JobQueues;
const children: ChildProcess[] = [];

function worker(hooks: Record<string, unknown>): Worker {
  const w = spawnWorker({
    dir,
    fake,
    prefix: queues.prefix,
    queue: 'answer',
    hooks: { longAnswer: true, ...hooks },
  });
  children.push(w.child);
  return w;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-slack-answer-crash-'));
  writeFileSync(join(dir, 'chipbrief.config.json'), '{}');
  fake = await FakeSlack.start();
  queues = testQueues('slack-answer-crash');
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if (queues) await closeQueues(queues);
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('answer job under SIGKILL', () => {
  it('posts each part once: killed after Slack accepted part 2, the next worker posts only parts 3..n', async () => {
    const root = fake.addUserMessage({ channel: 'C0ACRASH', user: 'U0ANALYST', text: 'export controls?' });
    const command = slackCommand('ev.crash-1', 'C0ACRASH', { threadTs: root.ts });
    const replyId = answerJobId('slack', command.eventId);

    const a = worker({ crashAfterAnswerPart: 1 });
    await Promise.race([a.started, a.exited]);
    await queues.add('answer', replyId, command);
    const b = worker({});
    const exit = await a.exited;
    if (exit !== 'SIGKILL') throw new Error(`worker exited ${exit}: ${a.err().slice(-2000)}`);
    expect(postedParts(fake, replyId)).toEqual([1, 2]);

    const job = await completedJob(
      queues.queue('answer'),
      bullJobId(replyId),
      30_000,
      'the answer job completed by the second worker',
    );
    expect(postedParts(fake, replyId)).toEqual(oneToN(LONG_PARTS));
    expect(fake.messages.filter((m) => m.thread_ts === root.ts)).toHaveLength(LONG_PARTS);
    // Only the takeover read the thread; the first attempt paid nothing for the look-up.
    const reads = fake.calls('conversations.replies').filter((c) => c.body.ts === root.ts);
    expect(reads).toHaveLength(1);
    expect(job.returnvalue).toMatchObject({ messageRef: root.ts });

    b.child.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 60_000);
});
