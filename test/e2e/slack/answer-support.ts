import pino from 'pino';
import { renderAnswer } from '../../../adapters/slack/render-answer.js';
import { VIA } from '../../../adapters/slack/replier.js';
import type { JobContext } from '../../../jobs/job-context.js';
import type { JobQueues } from '../../../jobs/job-queues.js';
import { DEFAULT_TUNING } from '../../../jobs/queue-hooks.js';
import { startWorkers, type WorkerPool } from '../../../jobs/workers.js';
import { loadConfig } from '../../../src/config.js';
import type { InboundCommand } from '../../../src/ports.js';
import type { FakeSlack } from '../../fakes/slack-server.js';
import { longAnswer } from '../../support/long-answer.js';
import type { Harness } from './harness.js';

/** How many messages the long answer is on Slack (default packing). */
export const LONG_PARTS = renderAnswer(longAnswer()).length;

/** An inbound follow-up as the Slack adapter submits it: in `threadTs` when given, else top level. */
export function slackCommand(
  eventId: string,
  channel: string,
  where: { threadTs?: string; responseUrl?: string; kind?: 'mention' | 'dm' | 'command' } = {},
): InboundCommand {
  return {
    text: 'what about export controls',
    followUp: where.kind !== 'command',
    ctx: {
      platform: 'slack',
      workspaceId: 'T0CHIPS',
      channelId: channel,
      userId: 'U0ANALYST',
      threadRef: where.threadTs ?? null,
      isAdmin: false,
    },
    target: {
      platform: 'slack',
      channelId: channel,
      threadRef: where.threadTs ?? null,
      via: {
        [VIA.userId]: 'U0ANALYST',
        [VIA.kind]: where.kind ?? 'mention',
        ...(where.responseUrl ? { [VIA.responseUrl]: where.responseUrl } : {}),
      },
    },
    receivedAt: new Date().toISOString(),
    eventId,
  };
}

/** The 1-based parts of reply `replyId` Slack shows, in posting order (from their message metadata). */
export function postedParts(fake: FakeSlack, replyId: string): number[] {
  return fake.messages
    .filter((m) => m.metadata?.event_payload.reply_id === replyId)
    .map((m) => Number(m.metadata!.event_payload.part));
}

/** 1..n */
export function oneToN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** `answer` workers (real BullMQ on the test Redis) replying through the harness's Slack platform. */
export function startAnswerWorkers(
  h: Harness,
  queues: JobQueues,
  answer: NonNullable<JobContext['answer']>,
): WorkerPool {
  const log = pino({ level: 'silent' });
  const ctx: JobContext = {
    services: {
      config: loadConfig({ CHIPBRIEF_LLM: 'off' }, '/'),
      store: h.store,
      fetcher: { fetch: () => Promise.reject(new Error('no network in this test')) },
      llm: null,
      clock: { now: () => new Date() },
      log,
      platforms: new Map([['slack', h.handle.platform]]),
    },
    queues,
    tuning: DEFAULT_TUNING,
    answer,
  };
  return startWorkers(ctx, queues.connection, {
    queues: ['answer'],
    prefix: queues.prefix,
    readFeed: () => Promise.reject(new Error('unused')),
    log,
  });
}
