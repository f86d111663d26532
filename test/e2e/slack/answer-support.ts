import { renderAnswer } from '../../../adapters/slack/render-answer.js';
import { VIA } from '../../../adapters/slack/replier.js';
import type { InboundCommand } from '../../../src/ports.js';
import type { FakeSlack } from '../../fakes/slack-server.js';
import { longAnswer } from '../../support/long-answer.js';

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
