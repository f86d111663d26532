import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brief } from '../../../src/briefs/brief.js';
import { makeBrief, renderBriefView, usageDay } from '../../../src/briefs/make-brief.js';
import { anchorTerms, loadStoryMaterial } from '../../../src/briefs/story-material.js';
import { ChipbriefError } from '../../../src/errors.js';
import { isVerbatim } from '../../../src/quotes/quote.js';
import type { Store } from '../../../src/store/port.js';
import { offeredKeys, ScriptedLlm } from './scripted-llm.js';
import {
  addToStory,
  EXPORT_TEXT,
  exportArticle,
  exportCopies,
  fixedClock,
  HUAWEI_TEXT,
  huaweiArticle,
  openTempStore,
} from './story-fixtures.js';

const clock = fixedClock('2026-11-17T12:00:00.000Z');
const DAY = usageDay(clock.now());

const good = {
  answer: {
    headline: 'US extends AI chip export rules to cloud rentals',
    bullets: [
      'The Commerce Department now requires licences for Chinese-headquartered firms renting restricted chips in the cloud.',
      'Cloud operators get 60 days to set up customer screening; comments are open until mid-January.',
      'Beijing objected and U.S. chip designer shares slipped about 2%.',
    ],
    quoteIds: ['q3', 'q1'],
  },
};

/** Promise 1 from the outside: each rendered quote is a stored quote, a verbatim span of its article. */
async function assertNoInventedQuote(store: Store, brief: Brief): Promise<void> {
  const view = await renderBriefView(store, brief);
  const stored = await store.getQuotesById(view.quotes.map((q) => q.id));
  expect(stored).toHaveLength(view.quotes.length);
  for (const [i, q] of view.quotes.entries()) {
    const a = await store.getArticle(q.articleId);
    expect(isVerbatim(a!.text, stored[i]!)).toBe(true);
    expect(stored[i]!.text).toBe(q.text);
  }
}

describe('makeBrief', () => {
  it('offline: the extractive brief, stored once and returned from the cache after', async () => {
    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    const a = await makeBrief(store, 's1', { llm: null, clock, dailyTokenBudget: 0 });
    expect(a.summarizer).toBe('extractive');
    expect(a.promptVersion).toBe('extractive@1');
    expect(a.fallbackReason).toBeNull();
    const b = await makeBrief(store, 's1', {
      llm: null,
      clock: fixedClock('2026-11-18T00:00:00Z'),
      dailyTokenBudget: 0,
    });
    expect(b).toEqual(a);
    expect((await store.stats()).briefs).toBe(1);
    await store.close();
  });

  it('with an LLM: one call per story across reprints, spun copies and a new canonical', async () => {
    const store = openTempStore();
    const llm = new ScriptedLlm([good]);
    const deps = { llm, clock, dailyTokenBudget: 0 };
    const copies = exportCopies();
    // Spun copy first, then the others; re-ingest everything twice; the original becomes canonical.
    const order = [3, 1, 4, 0, 2];
    for (let round = 0; round < 2; round++) {
      for (const i of order) {
        await addToStory(store, 's1', copies[i]!, { canonical: i === 0 && round === 1 });
        const brief = await makeBrief(store, 's1', deps);
        expect(brief.summarizer).toBe('llm');
      }
    }
    expect(llm.calls).toBe(1);
    const story = await store.getStory('s1');
    expect((await store.getArticle(story!.canonicalArticleId))!.url).toBe(copies[0]!.url);
    const usage = await store.llmUsage(DAY);
    expect(usage).toMatchObject({ calls: 1, fallbacks: 0 });
    expect(usage.tokensIn).toBeGreaterThan(0);
    await store.close();
  });

  it('keeps model-picked quote ids that exist, drops unknown ones, and renders verbatim quotes from the store', async () => {
    const store = openTempStore();
    const copies = exportCopies();
    await addToStory(store, 's1', copies[0]!);
    await addToStory(store, 's1', copies[1]!);
    await addToStory(store, 's1', copies[3]!);
    const llm = new ScriptedLlm([
      (req) => ({ ...good.answer, quoteIds: [offeredKeys(req)[1], 'q99', 'Okafor', offeredKeys(req)[1]] }),
    ]);
    const brief = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(brief.quoteIds).toHaveLength(1);
    const view = await renderBriefView(store, brief);
    expect(view.quotes).toHaveLength(1);
    expect(view.quotes[0]!.text).toBe(
      'Cloud providers will now have to know who is actually running the workloads.',
    );
    expect(view.quotes[0]!.speaker.name).toBe('Maria Okafor');
    expect(view.source.url).toBe(copies[0]!.url);
    expect(view.alsoReportedBy.map((s) => s.siteName)).toEqual(['Trade Desk News', 'Content Farm One']);
    expect(view.members).toHaveLength(3);
    expect(view.entities.policies).toContain('export controls');
    // The prompt offers each distinct quote once, even though three copies carry it.
    expect(offeredKeys(llm.requests[0]!)).toHaveLength(4);
    await store.close();
  });

  it('removes a bullet quoting words the article does not contain; falls back when fewer than two remain', async () => {
    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    const invented = {
      headline: 'Okafor: "a disaster for the cloud"',
      bullets: [
        'Okafor called the rule "a disaster for every cloud provider in Asia".',
        'Reyes said start-ups "depend on rented compute abroad".',
        'Cloud operators have 60 days to comply.',
      ],
      quoteIds: ['q2'],
    };
    const brief = await makeBrief(store, 's1', {
      llm: new ScriptedLlm([{ answer: invented }]),
      clock,
      dailyTokenBudget: 0,
    });
    expect(brief.summarizer).toBe('llm');
    expect(brief.bullets).toEqual(invented.bullets.slice(1));
    expect(brief.headline).toBe('U.S. widens export curbs on AI chips to cover cloud access');

    const store2 = openTempStore();
    await addToStory(store2, 's1', exportArticle());
    const worse = {
      ...invented,
      bullets: [invented.bullets[0]!, 'He said “we will fight this to the end.”'],
    };
    const llm = new ScriptedLlm([{ answer: worse }]);
    const fallback = await makeBrief(store2, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(fallback.summarizer).toBe('extractive');
    expect(fallback.fallbackReason).toMatch(/^LLM_INVALID_OUTPUT/);
    expect(fallback.bullets.every((b) => EXPORT_TEXT.includes(b))).toBe(true);
    // Invalid output is cached for this content: asking again would cost the same tokens.
    await makeBrief(store2, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(llm.calls).toBe(1);
    expect(await store2.llmUsage(DAY)).toMatchObject({ calls: 1, fallbacks: 1 });
    await assertNoInventedQuote(store2, fallback);
    await store.close();
    await store2.close();
  });

  it('falls back on timeouts and retries the LLM on a later call', async () => {
    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    const llm = new ScriptedLlm([{ fail: new ChipbriefError('LLM_TIMEOUT', 'Request timed out.') }, good]);
    const first = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(first.summarizer).toBe('extractive');
    expect(first.fallbackReason).toMatch(/^LLM_TIMEOUT/);
    const second = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 0 });
    expect(second.summarizer).toBe('llm');
    expect(llm.calls).toBe(2);
    expect(await store.llmUsage(DAY)).toMatchObject({ calls: 2, fallbacks: 1 });
    expect((await store.latestBrief('s1'))!.summarizer).toBe('llm');
    await store.close();
  });

  it('does not call the LLM when the daily token budget is spent', async () => {
    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    await addToStory(store, 'h1', huaweiArticle());
    await store.recordLlmUsage(DAY, { calls: 3, tokensIn: 9_000, tokensOut: 500, fallbacks: 0 });
    const llm = new ScriptedLlm([good]);
    const brief = await makeBrief(store, 's1', { llm, clock, dailyTokenBudget: 10_000 });
    expect(llm.calls).toBe(0);
    expect(brief.summarizer).toBe('extractive');
    expect(brief.fallbackReason).toMatch(/^LLM_BUDGET_SPENT/);
    expect(await store.llmUsage(DAY)).toMatchObject({ calls: 3, fallbacks: 1 });
    // The next day has a fresh budget.
    const tomorrow = await makeBrief(store, 's1', {
      llm,
      clock: fixedClock('2026-11-18T01:00:00Z'),
      dailyTokenBudget: 10_000,
    });
    expect(tomorrow.summarizer).toBe('llm');
    expect(llm.calls).toBe(1);
    await store.close();
  });

  it('throws INPUT_NOT_FOUND for an unknown story', async () => {
    const store = openTempStore();
    await expect(makeBrief(store, 'nope', { llm: null, clock, dailyTokenBudget: 0 })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
    });
    await store.close();
  });
});

describe('story content hash', () => {
  it('is the same for every copy of a story whichever is canonical', async () => {
    const store = openTempStore();
    const copies = exportCopies();
    const hashes = new Set<string>();
    for (const [i, c] of copies.entries()) {
      await addToStory(store, 's1', c, { canonical: true });
      const m = await loadStoryMaterial(store, 's1');
      expect(m.articles).toHaveLength(i + 1);
      expect(m.canonical.url).toBe(c.url);
      hashes.add(m.contentHash);
    }
    expect(hashes.size).toBe(1);
    await store.close();
  });

  it('differs between stories; without quotes, survives spun copies but not different facts', async () => {
    const store = openTempStore();
    await addToStory(store, 'a', exportArticle());
    await addToStory(store, 'b', exportArticle({ url: 'https://other.example/x' }));
    await addToStory(store, 'h', huaweiArticle());
    const ha = (await loadStoryMaterial(store, 'a')).contentHash;
    const hb = (await loadStoryMaterial(store, 'b')).contentHash;
    expect(ha).not.toBe(hb);
    const hash = async () => (await loadStoryMaterial(store, 'h')).contentHash;
    const before = await hash();
    await addToStory(store, 'h', huaweiArticle({ url: 'https://reprint.example/h' }), { canonical: true });
    expect(await hash()).toBe(before);
    const spun = HUAWEI_TEXT.replace('begun shipping', 'started delivering')
      .replace('examined', 'inspected')
      .replace('Yields remain low', 'Yields stay weak');
    await addToStory(store, 'h', huaweiArticle({ url: 'https://spun.example/h', text: spun }), {
      canonical: true,
    });
    expect(await hash()).toBe(before);
    const updated = `${HUAWEI_TEXT}\nA second Huawei part, made in Shenzhen, is due in 2027.`;
    await addToStory(store, 'h', huaweiArticle({ url: 'https://update.example/h', text: updated }), {
      canonical: true,
    });
    expect(await hash()).not.toBe(before);
    await store.close();
  });

  it('anchor terms keep figures and mid-sentence names, not sentence-initial words', () => {
    expect(anchorTerms('Critics said Huawei shipped 7 chips to Wuxi.\nYields fell 2.5% in May.')).toEqual([
      '2.5',
      '7',
      'huawei',
      'may',
      'wuxi',
    ]);
  });
});

describe('prompt files', () => {
  it('loads prompts/brief.v1.md with its id, and a missing prompt falls back instead of losing the brief', async () => {
    const { loadPrompt, fillTemplate } = await import('../../../src/briefs/prompt.js');
    const p = loadPrompt('brief', 1);
    expect(p.id).toBe('brief@v1');
    expect(p.system).toMatch(/never an instruction/);
    expect(p.user).toContain('{{article}}');
    // Values are inserted once: an article containing a placeholder stays text.
    expect(fillTemplate('<a>{{x}}</a>{{y}}', { x: '{{y}}', y: '!' })).toBe('<a>{{y}}</a>!');
    expect(() => fillTemplate('{{nope}}', {})).toThrow(/nope/);
    expect(() => loadPrompt('brief', 99)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));

    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    const { makeBrief: make } = await import('../../../src/briefs/make-brief.js');
    const llm = new ScriptedLlm([good]);
    const emptyDir = mkdtempSync(join(tmpdir(), 'cb-no-prompts-'));
    const brief = await make(store, 's1', { llm, clock, dailyTokenBudget: 0, promptDir: emptyDir });
    expect(brief.summarizer).toBe('extractive');
    expect(brief.fallbackReason).toMatch(/^LLM_FAILED: prompt file .*brief\.v1\.md is missing/);
    expect(llm.calls).toBe(0);
    await store.close();
  });
});
