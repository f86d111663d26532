import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJobId, bullJobId } from '../../../jobs/job-id.js';
import type { JobQueues } from '../../../jobs/job-queues.js';
import type { WorkerPool } from '../../../jobs/workers.js';
import { longAnswer } from '../../support/long-answer.js';
import { closeQueues, completedJob, testQueues } from '../../support/queue-redis.js';
import { LONG_PARTS, oneToN, postedParts, slackCommand, startAnswerWorkers } from './answer-support.js';
import { type Harness, startHarness } from './harness.js';

/**
 * Answer replies are posted once across job retries: the `answer` worker (real BullMQ on Redis) replies
 * through the real Slack Web API client to the fake; one part fails with HTTP 500, the job retries, and
 * Slack ends up with every part exactly once.
 */
let h: Harness;
let queues: JobQueues;
let pool: WorkerPool;
let answered = 0;

beforeAll(async () => {
  queues = testQueues('slack-answer-retry');
  h = await startHarness();
  pool = startAnswerWorkers(h, queues, async () => {
    answered += 1;
    return longAnswer();
  });
});

afterAll(async () => {
  await pool?.close(1_000);
  if (queues) await closeQueues(queues);
  await h?.close();
});

async function finished(logicalId: string) {
  const job = await completedJob(
    queues.queue('answer'),
    bullJobId(logicalId),
    20_000,
    `answer job ${logicalId} completed`,
  );
  return job;
}

describe('answer job retried after a failed part', () => {
  it('a thread follow-up: part 2 gets HTTP 500, the retry reads the thread and posts only parts 2..n', async () => {
    expect(LONG_PARTS).toBeGreaterThanOrEqual(3);
    const root = h.fake.addUserMessage({ channel: 'C0THREAD', user: 'U0ANALYST', text: 'export controls?' });
    const command = slackCommand('ev.thread-500', 'C0THREAD', { threadTs: root.ts });
    const replyId = answerJobId('slack', command.eventId);
    // The post, then the post once more after the look-up (a 500 may have been performed): both fail.
    h.fake.failWithStatus('chat.postMessage', 500, { after: 1, times: 2 });
    const before = answered;
    await queues.add('answer', replyId, command);

    const job = await finished(replyId);
    expect(job.attemptsMade).toBe(2);
    expect(postedParts(h.fake, replyId)).toEqual(oneToN(LONG_PARTS));
    expect(h.fake.messages.filter((m) => m.thread_ts === root.ts)).toHaveLength(LONG_PARTS);
    // The retry sent the same answer; it was computed once.
    expect(answered - before).toBe(1);
    // First attempt: no read. Second: one look-up before posting (and one after the ambiguous 500).
    const reads = h.fake.calls('conversations.replies').filter((c) => c.body.ts === root.ts);
    expect(reads.length).toBe(2);
    expect(reads.every((c) => String(c.body.include_all_metadata) === 'true')).toBe(true);
    expect(job.returnvalue).toMatchObject({ messageRef: root.ts });
  }, 30_000);

  it('a top-level DM: the retry finds part 1 in the DM history and returns its ts', async () => {
    const command = slackCommand('ev.dm-500', 'D0ANALYST', { kind: 'dm' });
    const replyId = answerJobId('slack', command.eventId);
    h.fake.failWithStatus('chat.postMessage', 503, { after: 2, times: 2 });
    await queues.add('answer', replyId, command);

    const job = await finished(replyId);
    expect(job.attemptsMade).toBe(2);
    expect(postedParts(h.fake, replyId)).toEqual(oneToN(LONG_PARTS));
    const first = h.fake.messages.find(
      (m) => m.metadata?.event_payload.reply_id === replyId && m.metadata.event_payload.part === 1,
    );
    expect(job.returnvalue).toMatchObject({ messageRef: first!.ts });
    expect(h.fake.calls('conversations.history').some((c) => c.body.channel === 'D0ANALYST')).toBe(true);
  }, 30_000);

  it('a slash command through response_url: parts recorded as sent are not sent again', async () => {
    const channel = 'C0RESP';
    const command = slackCommand('cmd.resp-500', channel, {
      kind: 'command',
      responseUrl: h.fake.responseUrl(channel),
    });
    const replyId = answerJobId('slack', command.eventId);
    h.fake.failWithStatus('response_url', 500, { after: 1, times: 1 });
    await queues.add('answer', replyId, command);

    const job = await finished(replyId);
    expect(job.attemptsMade).toBe(2);
    const shown = h.fake.channelMessages(channel).filter((m) => m.via === 'response_url');
    expect(shown).toHaveLength(Math.min(LONG_PARTS, 5));
    expect(new Set(shown.map((m) => m.text)).size).toBe(shown.length);
    expect(h.fake.calls('response_url').map((c) => c.status)).toEqual([
      200,
      500,
      ...Array(shown.length - 1).fill(200),
    ]);
  }, 30_000);
});
