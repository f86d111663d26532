import { expect } from 'vitest';
import type { Answer, CommandContext } from '../../../src/answers/answer.js';
import { answerInbound } from '../../../src/answers/answer-inbound.js';
import { hasMentionSyntax } from '../../../src/answers/defang.js';
import type { AnswerServices } from '../../../src/answers/services.js';
import { rememberAnswer } from '../../../src/answers/thread-context.js';
import { normalizeText } from '../../../src/articles/identity.js';
import type { Store } from '../../../src/store/port.js';

export const ctx: CommandContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  userId: 'U1',
  threadRef: null,
  isAdmin: false,
};

/** Promise 1 and 2 for any answer: verbatim quotes from the store, one citation per story, safe text. */
export async function expectWellFormed(store: Store, a: Answer): Promise<void> {
  const stories = a.citations.map((c) => c.storyId);
  expect(new Set(stories).size).toBe(stories.length);
  expect(a.citations.map((c) => c.n)).toEqual(a.citations.map((_, i) => i + 1));
  for (const q of a.quotes) {
    const [stored] = await store.getQuotesById([q.id]);
    const article = await store.getArticle(q.articleId);
    expect(stored, q.id).toBeDefined();
    expect(article!.text.slice(stored!.start, stored!.end)).toBe(q.text);
    expect(q.articleUrl).toBe(article!.url);
    expect(q.n === undefined || a.citations.some((c) => c.n === q.n)).toBe(true);
    if (q.n !== undefined) expect(a.citations[q.n - 1]!.storyId).toBe(article!.storyId);
  }
  for (const p of a.parts) {
    expect(hasMentionSyntax(p), p).toBe(false);
    for (const m of p.matchAll(/\[(\d+)\]/g)) expect(Number(m[1])).toBeLessThanOrEqual(a.citations.length);
  }
  expect(hasMentionSyntax(a.title)).toBe(false);
  for (const c of a.citations) expect(hasMentionSyntax(c.title)).toBe(false);
}

/** Quotes of an answer appear once each (by normalised words). */
export function expectEachQuoteOnce(a: Answer): void {
  const keys = a.quotes.map((q) => normalizeText(q.text));
  expect(new Set(keys).size).toBe(keys.length);
}

/**
 * A question about Talia Brennan, its answer remembered as thread 171.1, then a follow-up in that
 * thread naming her only as "she": the thread has to carry who "she" is.
 */
export async function followPersonThread(services: AnswerServices, now: Date) {
  const at = now.toISOString();
  const first = await answerInbound(
    {
      text: 'what did Talia Brennan say?',
      followUp: false,
      ctx,
      target: { platform: 'slack', channelId: 'C1', threadRef: null, via: {} },
      receivedAt: at,
      eventId: 'a',
    },
    services,
  );
  await rememberAnswer(services.store, { platform: 'slack', channelId: 'C1', threadRef: '171.1' }, first, at);
  const next = await answerInbound(
    {
      text: 'and what did she say about supply chains?',
      followUp: true,
      ctx: { ...ctx, threadRef: '171.1' },
      target: { platform: 'slack', channelId: 'C1', threadRef: '171.1', via: {} },
      receivedAt: at,
      eventId: 'b',
    },
    services,
  );
  return { first, next };
}
