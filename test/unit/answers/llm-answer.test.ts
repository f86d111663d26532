import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answers/answer.js';
import { answerCommand } from '../../../src/answers/answer-command.js';
import { parseCommand } from '../../../src/answers/parse-command.js';
import { ChipbriefError } from '../../../src/errors.js';
import type { Llm } from '../../../src/ports.js';
import { type CorpusStore, openCorpusStore, servicesFor } from '../../fixtures/answers/open-corpus.js';
import { ctx, expectWellFormed } from './answer-helpers.js';
import { fakeLlm } from './fake-llm.js';

let c: CorpusStore;
beforeAll(async () => {
  c = await openCorpusStore();
});
afterAll(async () => {
  await c.store.close();
});
const run = (text: string, llm: Llm | null): Promise<Answer> =>
  answerCommand(parseCommand(text), ctx, servicesFor(c.store, llm));
const storyOf = (file: string): string => c.byFile.get(file)!.storyId!;

describe('answers with an LLM', () => {
  it('keeps only grounded sentences, maps picked quote ids to verbatim quotes, and records usage', async () => {
    const offline = await run('firm Xinkailai', null);
    const expo = offline.citations.find(
      (x) => x.storyId === storyOf('07-sicarrier-shenzhen-expo-tools.html'),
    )!.n;
    const funding = offline.citations.find(
      (x) => x.storyId === storyOf('10-sicarrier-raises-state-capital.txt'),
    )!.n;
    const before = await c.store.stats();
    const llm = fakeLlm(() => ({
      sentences: [
        {
          text: 'SiCarrier is raising a new round of funding from state-backed investors.',
          cites: [funding],
        },
        { text: 'A sentence that cites nothing.', cites: [] },
        { text: 'A sentence that cites a passage that does not exist.', cites: [42] },
        { text: 'SiCarrier called itself "the best toolmaker on earth".', cites: [expo] },
        { text: 'Fab managers now ask "which ones the tool has qualified." [3]', cites: [expo] },
        { text: '@everyone SiCarrier is finished', cites: [expo] },
        { text: 'Details at https://evil.example/sicarrier', cites: [expo] },
      ],
      quoteIds: ['Q2', 'Q99', 'q1', 'Q2'],
    }));
    const a = await run('firm Xinkailai', llm);
    await expectWellFormed(c.store, a);
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.promptId).toBe('answer@v1');
    expect(a.parts).toEqual([
      `SiCarrier is raising a new round of funding from state-backed investors. [${funding}]`,
      `Fab managers now ask "which ones the tool has qualified." [${expo}]`,
    ]);
    expect(a.quotes).toHaveLength(2);
    expect(a.citations).toEqual(offline.citations);
    const after = await c.store.stats();
    expect(after.llmCalls - before.llmCalls).toBe(1);
    expect(after.tokensIn - before.tokensIn).toBe(300);
  });

  it('sends only the cited stories, as numbered data blocks, with the quotes by id', async () => {
    const llm = fakeLlm(() => ({ sentences: [], quoteIds: [] }));
    const offline = await run('policy AI diffusion rule', null);
    await run('policy AI diffusion rule', llm);
    const user = llm.calls[0]!.user;
    expect(user.match(/<passage n="\d+">/g)).toHaveLength(offline.citations.length);
    expect(user).toContain('<question>');
    expect(user).toMatch(/^Q1 \| passage 1 \| Talia Brennan \| /m);
    expect(user).not.toContain('Micron');
  });

  it('falls back to the offline answer on any LLM failure', async () => {
    const offline = await run('what is the Section 232 chip tariff schedule?', null);
    const failing: Llm = {
      model: 'x',
      complete: async () => {
        throw new ChipbriefError('LLM_TIMEOUT', 'timed out');
      },
    };
    expect(await run('what is the Section 232 chip tariff schedule?', failing)).toEqual(offline);
    const junk = fakeLlm(() => ({ sentences: [{ text: 'Nothing cited.', cites: [] }], quoteIds: ['Q1'] }));
    expect(await run('what is the Section 232 chip tariff schedule?', junk)).toEqual(offline);
    const notJson = fakeLlm(() => 'I cannot answer that');
    expect(await run('what is the Section 232 chip tariff schedule?', notJson)).toEqual(offline);
  });

  it('leaves the quote index and empty answers to the offline engine', async () => {
    const llm = fakeLlm(() => ({ sentences: [{ text: 'x', cites: [1] }], quoteIds: [] }));
    await run('who lithography', llm);
    await run('quantum annealing subsidies in Peru', llm);
    expect(llm.calls).toHaveLength(0);
  });

  it('does not call the LLM once the daily token budget is spent', async () => {
    const llm = fakeLlm(() => ({
      sentences: [{ text: 'SiCarrier is raising money.', cites: [1] }],
      quoteIds: [],
    }));
    await c.store.recordLlmUsage('2026-11-22', { calls: 1, tokensIn: 5000, tokensOut: 0, fallbacks: 0 });
    const services = { ...servicesFor(c.store, llm), config: { CHIPBRIEF_LLM_DAILY_TOKENS: 1000 } as never };
    const a = await answerCommand(parseCommand('firm SiCarrier'), ctx, services);
    expect(llm.calls).toHaveLength(0);
    expect(a.parts[0]).toContain('recent stories');
  });
});
