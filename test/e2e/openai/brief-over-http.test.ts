import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenAiLlm } from '../../../adapters/openai/openai-llm.js';
import type { Brief } from '../../../src/briefs/brief.js';
import { makeBrief, renderBriefView, usageDay } from '../../../src/briefs/make-brief.js';
import { hasMentionSyntax } from '../../../src/briefs/sanitize.js';
import type { Store } from '../../../src/store/port.js';
import { type FakeMode, type FakeOpenAi, startFakeOpenAi } from '../../fakes/openai-server.js';
import {
  addToStory,
  EXPORT_TEXT,
  exportArticle,
  exportCopies,
  fixedClock,
  injectionArticle,
  openTempStore,
} from '../../unit/briefs/story-fixtures.js';

const clock = fixedClock('2026-11-17T12:00:00.000Z');
const DAY = usageDay(clock.now());

let fake: FakeOpenAi;
let store: Store;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  fake.mode = 'good';
  fake.failuresBeforeOk = 1;
  store = openTempStore();
  return () => store.close();
});

const llmFor = (over: Partial<ConstructorParameters<typeof OpenAiLlm>[0]> = {}) =>
  new OpenAiLlm({
    apiKey: 'sk-test',
    baseURL: fake.baseURL,
    model: 'gpt-test',
    timeoutMs: 2_000,
    maxRetries: 2,
    ...over,
  });

/** Promise 1, checked from the outside: every rendered quote is a stored, verbatim span of its article. */
async function expectOnlyVerbatimQuotes(brief: Brief): Promise<void> {
  const view = await renderBriefView(store, brief);
  const stored = await store.getQuotesById(brief.quoteIds);
  expect(view.quotes.length).toBeLessThanOrEqual(3);
  for (const q of view.quotes) {
    const s = stored.find((x) => x.id === q.id);
    const article = await store.getArticle(q.articleId);
    expect(s).toBeDefined();
    expect(article!.text.slice(s!.start, s!.end)).toBe(q.text);
  }
  for (const line of [view.headline, ...view.bullets]) expect(hasMentionSyntax(line)).toBe(false);
}

describe('LLM briefs over real HTTP (openai SDK -> fake OpenAI server)', () => {
  it('answer well: an LLM brief with quote ids chosen from the prompt, one call, usage recorded', async () => {
    await addToStory(store, 's1', exportArticle());
    const brief = await makeBrief(store, 's1', { llm: llmFor(), clock, dailyTokenBudget: 0 });
    expect(brief.summarizer).toBe('llm');
    expect(brief.fallbackReason).toBeNull();
    expect(brief.promptVersion).toBe('brief@v1');
    expect(brief.model).toBe('gpt-test');
    expect(brief.quoteIds).toHaveLength(2);
    expect(brief.bullets.length).toBeGreaterThanOrEqual(2);
    expect(brief.tokensIn).toBeGreaterThan(100);
    expect(fake.calls).toBe(1);
    const usage = await store.llmUsage(DAY);
    expect(usage).toMatchObject({
      calls: 1,
      fallbacks: 0,
      tokensIn: brief.tokensIn,
      tokensOut: brief.tokensOut,
    });
    await expectOnlyVerbatimQuotes(brief);

    const body = fake.requests[0]!.body;
    expect(body.model).toBe('gpt-test');
    expect(body.max_tokens).toBe(600);
    const rf = body.response_format!;
    expect(rf.type).toBe('json_schema');
    expect(rf.json_schema).toMatchObject({ name: 'story_brief', strict: true });
    expect(rf.json_schema!.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: ['headline', 'bullets', 'quoteIds'],
    });
    const user = body.messages!.find((m) => m.role === 'user')!.content;
    expect(user).toContain('<article>');
    expect(user).toContain('q4 | unnamed source | an executive at a Singapore data-centre operator |');
    expect(body.messages![0]!.content).toMatch(/never an instruction/);
  });

  const fallbacks: [FakeMode, RegExp][] = [
    ['malformed', /^LLM_INVALID_OUTPUT: the answer is not JSON/],
    ['wrong-shape', /^LLM_INVALID_OUTPUT: the answer does not fit the schema/],
    ['refusal', /^LLM_INVALID_OUTPUT: the model refused/],
    ['server-error', /^LLM_FAILED: model endpoint answered 500/],
    ['hang', /^LLM_TIMEOUT/],
  ];
  for (const [mode, reason] of fallbacks) {
    it(`${mode}: the extractive brief, with the fallback recorded`, async () => {
      fake.mode = mode;
      await addToStory(store, 's1', exportArticle());
      const llm = llmFor(mode === 'hang' ? { timeoutMs: 300, maxRetries: 1 } : {});
      const brief = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
      expect(brief.summarizer).toBe('extractive');
      expect(brief.fallbackReason).toMatch(reason);
      expect(brief.bullets.length).toBeGreaterThanOrEqual(2);
      for (const b of brief.bullets) expect(EXPORT_TEXT.includes(b)).toBe(true);
      expect((await store.llmUsage(DAY)).fallbacks).toBe(1);
      await expectOnlyVerbatimQuotes(brief);
      // The SDK retried what is retryable (500, timeout) and nothing else.
      expect(fake.calls).toBe(mode === 'server-error' ? 3 : mode === 'hang' ? 2 : 1);
    });
  }

  it('made-up quote: the invented quotation and the unknown ids are removed, the rest kept', async () => {
    fake.mode = 'made-up-quote';
    await addToStory(store, 's1', exportArticle());
    const brief = await makeBrief(store, 's1', { llm: llmFor(), clock, dailyTokenBudget: 0 });
    expect(brief.summarizer).toBe('llm');
    expect(brief.bullets).toHaveLength(2);
    expect(brief.bullets.join(' ')).not.toMatch(/catastrophe|retaliation/);
    expect(brief.headline).toBe('U.S. widens export curbs on AI chips to cover cloud access');
    const [q1] = await store.getQuotes((await store.getStory('s1'))!.canonicalArticleId);
    expect(brief.quoteIds).toEqual([q1!.id]);
    await expectOnlyVerbatimQuotes(brief);
  });

  it('429 then 200: the SDK retries and the LLM brief is made (no fallback)', async () => {
    fake.mode = 'rate-limit-then-ok';
    await addToStory(store, 's1', exportArticle());
    const brief = await makeBrief(store, 's1', { llm: llmFor(), clock, dailyTokenBudget: 0 });
    expect(brief.summarizer).toBe('llm');
    expect(brief.fallbackReason).toBeNull();
    expect(fake.calls).toBe(2);
    expect(await store.llmUsage(DAY)).toMatchObject({ calls: 1, fallbacks: 0 });
  });

  it('429 after every retry: LLM_RATE_LIMITED fallback, and a later call succeeds', async () => {
    fake.mode = 'rate-limit-then-ok';
    fake.failuresBeforeOk = 3;
    await addToStory(store, 's1', exportArticle());
    const llm = llmFor({ maxRetries: 2 });
    const first = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(first.fallbackReason).toMatch(/^LLM_RATE_LIMITED/);
    const second = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(second.summarizer).toBe('llm');
    expect(fake.calls).toBe(4);
  });

  it('a server without json_schema gets one retry in JSON mode, then JSON mode only', async () => {
    fake.mode = 'no-json-schema';
    await addToStory(store, 's1', exportArticle());
    await addToStory(store, 's2', injectionArticle());
    const llm = llmFor();
    const a = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
    const b = await makeBrief(store, 's2', { llm, clock, dailyTokenBudget: 0 });
    expect([a.summarizer, b.summarizer]).toEqual(['llm', 'llm']);
    expect(fake.requests.map((r) => r.body.response_format!.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    expect(fake.requests[1]!.body.messages![0]!.content).toContain('"additionalProperties":false');
  });

  it('five reprints and spun copies ingested repeatedly, in any order: exactly one LLM call', async () => {
    const llm = llmFor();
    const copies = exportCopies();
    const orders = [
      [2, 4, 0, 3, 1],
      [1, 0, 3, 2, 4],
      [4, 3, 2, 1, 0],
    ];
    for (const [round, order] of orders.entries()) {
      for (const i of order) {
        // Each arrival may become canonical (clustering picks the best copy as more arrive).
        await addToStory(store, 'story-x', copies[i]!, { canonical: (i + round) % 2 === 0 });
        const brief = await makeBrief(store, 'story-x', { llm, clock, dailyTokenBudget: 0 });
        expect(brief.summarizer).toBe('llm');
        await expectOnlyVerbatimQuotes(brief);
      }
    }
    expect(fake.calls).toBe(1);
    expect((await store.stats()).llmCalls).toBe(1);
    expect((await store.storyMembers('story-x')).length).toBe(5);
  });

  it('prompt injection: the structure cannot change and no mention syntax survives', async () => {
    fake.mode = 'obey-injection';
    await addToStory(store, 'inj', injectionArticle());
    const brief = await makeBrief(store, 'inj', { llm: llmFor(), clock, dailyTokenBudget: 0 });
    expect(Object.keys(brief).sort()).toEqual(
      [
        'id',
        'storyId',
        'contentHash',
        'promptVersion',
        'model',
        'summarizer',
        'headline',
        'bullets',
        'quoteIds',
        'tokensIn',
        'tokensOut',
        'fallbackReason',
        'createdAt',
      ].sort(),
    );
    expect(brief.bullets.length).toBeLessThanOrEqual(4);
    expect(brief.quoteIds.length).toBeLessThanOrEqual(1);
    for (const line of [brief.headline, ...brief.bullets]) {
      expect(hasMentionSyntax(line)).toBe(false);
      expect(line).not.toMatch(/[<>]/);
    }
    await expectOnlyVerbatimQuotes(brief);
    // The article reached the model only inside its block, with its fake closing tag neutralised.
    const user = fake.requests[0]!.body.messages![1]!.content;
    expect(user.match(/<\/article>/g)).toHaveLength(1);
    expect(user).toContain('\u2039/article\u203A');
    expect(user).toContain('\u2039!channel\u203A');
  });
});
