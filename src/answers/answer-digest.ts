import type { Answer, CommandContext } from './answer.js';
import { shortDate } from './format.js';
import type { AnswerServices } from './services.js';

/**
 * `digest`: the channel's latest digest, now. The engine does not post digests: it answers kind
 * 'digest' with the last posted digest's id (null when none was posted yet), and the caller (the
 * answer job or the adapter) reposts that digest or builds today's for the channel's subscription.
 */
export async function digestAnswer(ctx: CommandContext, services: AnswerServices): Promise<Answer> {
  const { store } = services;
  const last = await store.lastDigest(ctx.platform, ctx.channelId);
  const sub = await store.getSubscription(ctx.platform, ctx.channelId);
  if (!last && !sub) {
    return {
      kind: 'empty',
      title: 'No digest here yet',
      parts: [
        'This channel has no daily digest yet. An admin can start one with `/chipbrief subscribe 08:00 Europe/Berlin`, or ask me a question meanwhile.',
      ],
      quotes: [],
      citations: [],
      suggestions: ['subscribe 08:00 UTC', "ask what's new on export controls?"],
      visibility: 'ephemeral',
      storyIds: [],
      digestId: null,
    };
  }
  const when = last ? shortDate(`${last.date}T12:00:00Z`) : null;
  return {
    kind: 'digest',
    title: last ? `Latest digest (${when})` : "Today's digest",
    parts: [last ? `The latest digest for this channel, from ${when}.` : "Today's digest for this channel."],
    quotes: [],
    citations: [],
    suggestions: [],
    visibility: 'channel',
    storyIds: last?.storyIds ?? [],
    digestId: last?.id ?? null,
  };
}
