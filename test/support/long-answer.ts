import type { Answer } from '../../src/answers/answer.js';

/**
 * An answer too long for one message on either platform (long prose and 30 quotes), so a reply has
 * several parts — what retries must not repeat. Each quote text is unique, to count parts by content.
 */
export function longAnswer(over: Partial<Answer> = {}): Answer {
  const quotes = Array.from({ length: 30 }, (_, i) => ({
    id: `q${i}`,
    text: `Quote ${i}: ${'the servicing rule changes the economics of every installed scanner '.repeat(12)}`,
    speaker: { name: `Speaker ${i}`, role: 'analyst', kind: 'person' as const },
    articleId: 'a1',
    articleUrl: 'https://tradeledger.example/a1',
    publishedAt: null,
    n: 1,
  }));
  return {
    kind: 'answer',
    title: 'Export controls',
    parts: ['Licensing officials described the servicing rule at length. '.repeat(40)],
    quotes,
    citations: [],
    suggestions: [],
    visibility: 'channel',
    storyIds: ['s1'],
    ...over,
  };
}
