import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../src/answers/answer-command.js';
import { parseCommand } from '../../../src/answers/parse-command.js';
import type { Brief } from '../../../src/briefs/brief.js';
import { type CorpusStore, openCorpusStore, servicesFor } from '../../fixtures/answers/open-corpus.js';
import { ctx, expectWellFormed } from './answer-helpers.js';

let c: CorpusStore;
beforeAll(async () => {
  c = await openCorpusStore();
});
afterAll(async () => {
  await c.store.close();
});

describe('answers composed from briefs', () => {
  it("uses a story's brief: its bullet most on the question, and its key quotes first", async () => {
    const canonical = c.byFile.get('17-section-232-chip-tariff-schedule.html')!;
    const quotes = await c.store.getQuotes(canonical.id);
    const dana = quotes.find((q) => q.speaker.name === 'Dana Whitfield')!;
    const brief: Brief = {
      id: 'b1',
      storyId: canonical.storyId!,
      contentHash: 'h',
      promptVersion: 'extractive@1',
      model: 'extractive',
      summarizer: 'extractive',
      headline: 'Commerce phases in Section 232 chip tariffs with credits for U.S. fabs',
      bullets: [
        'Rates on imported semiconductors rise over three years under the schedule.',
        'Companies that commit to U.S. chip manufacturing can earn credits against the tariffs.',
      ],
      quoteIds: [dana.id],
      tokensIn: 0,
      tokensOut: 0,
      fallbackReason: null,
      createdAt: '2026-11-17T12:00:00.000Z',
    };
    const question = parseCommand('ask how do the Section 232 tariff credits work?');
    const before = await answerCommand(question, ctx, servicesFor(c.store));
    expect(before.quotes.map((q) => q.id)).not.toContain(dana.id);
    await c.store.putBrief(brief);
    const a = await answerCommand(question, ctx, servicesFor(c.store));
    await expectWellFormed(c.store, a);
    expect(a.parts[0]).toBe(
      'Companies that commit to U.S. chip manufacturing can earn credits against the tariffs. [1]',
    );
    expect(a.quotes.map((q) => q.id)).toContain(dana.id);
  });
});
