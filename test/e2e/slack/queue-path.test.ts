import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueCommandSink } from '../../../jobs/command-sink.js';
import type { JobQueues } from '../../../jobs/job-queues.js';
import type { WorkerPool } from '../../../jobs/workers.js';
import { answerInbound } from '../../../src/answers/answer-inbound.js';
import { postSigned, slashCommandBody } from '../../fakes/slack-signing.js';
import { closeQueues, testQueues } from '../../support/queue-redis.js';
import { startAnswerWorkers } from './answer-support.js';
import { QUOTES, seedAccelerators, seedLithography, visibleText } from './fixtures.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

/** Service mode end to end: Bolt -> queue CommandSink -> Redis -> `answer` worker -> Slack reply. */
let h: Harness;
let queues: JobQueues;
let pool: WorkerPool;

beforeAll(async () => {
  queues = testQueues('slack-answer');
  const at = new Date(Date.now() - 3 * 3_600_000).toISOString();
  h = await startHarness({
    seed: async (store) => {
      await seedLithography(store, at);
      await seedAccelerators(store, at);
    },
    sink: () => queueCommandSink(queues),
  });
  pool = startAnswerWorkers(h, queues, answerInbound);
});

afterAll(async () => {
  await pool?.close(1_000);
  if (queues) await closeQueues(queues);
  await h?.close();
});

describe('/chipbrief through the queue', () => {
  it('acks at once, then the answer worker replies through response_url', async () => {
    const body = slashCommandBody({
      text: 'who export controls',
      userId: 'U0ANALYST',
      channelId: 'C0QUEUE',
      responseUrl: h.fake.responseUrl('C0QUEUE'),
    });
    const res = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const reply = await h.fake.waitFor(() => h.fake.calls('response_url')[0], 15_000);
    expect(reply.body.response_type).toBe('in_channel');
    expect(visibleText(reply.body)).toContain(`\u201c${QUOTES.brennan}\u201d`);
    expect(visibleText(reply.body)).toContain(`\u201c${QUOTES.verhoef}\u201d`);
  });
});
