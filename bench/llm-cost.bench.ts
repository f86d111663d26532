import { pathToFileURL } from 'node:url';
import { OpenAiLlm } from '../adapters/openai/openai-llm.js';
import { DEFAULT_ARTICLE_TOKENS } from '../src/briefs/llm-brief.js';
import { makeBrief } from '../src/briefs/make-brief.js';
import { type FakeOpenAi, startFakeOpenAi } from '../test/fakes/openai-server.js';
import {
  type ArticleSpec,
  addToStory,
  exportCopies,
  fixedClock,
  HUAWEI_TEXT,
  huaweiArticle,
  injectionArticle,
  openTempStore,
  SUBSIDY_QUOTES,
  SUBSIDY_TEXT,
  spin,
  subsidyArticle,
} from '../test/unit/briefs/story-fixtures.js';
import type { Bench, Figure } from './figure.js';

/**
 * LLM cost of briefs, measured at the fake OpenAI server (real openai SDK over HTTP): prompt tokens per
 * story, and calls per story when every copy of every story is ingested three times.
 */

/** A long article (written for this bench) to show the prompt is trimmed to its token budget. */
function longArticle(): ArticleSpec {
  const paragraphs: string[] = [];
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
  ];
  for (let i = 0; i < 60; i++) {
    const m = months[i % months.length]!;
    paragraphs.push(
      `In ${m}, customs data showed shipments of lithography parts to the region changed by ${(i * 1.7).toFixed(1)}% on the month, and officials reviewed ${10 + i} licence applications for older deposition tools. Analysts tracking the figures said the pattern pointed to stockpiling ahead of the next round of rules.`,
    );
  }
  return {
    url: 'https://longreads.example/lithography-customs-data',
    title: 'A year of customs data on chip-tool shipments',
    siteName: 'Long Reads',
    text: paragraphs.join('\n'),
    quotes: [],
  };
}

async function run(fake: FakeOpenAi): Promise<Figure[]> {
  const store = openTempStore();
  const llm = new OpenAiLlm({
    apiKey: 'sk-bench',
    baseURL: fake.baseURL,
    model: 'bench-model',
    timeoutMs: 5000,
    maxRetries: 0,
  });
  const deps = { llm, clock: fixedClock('2026-11-17T12:00:00.000Z'), dailyTokenBudget: 0 };
  const stories: [string, ArticleSpec[]][] = [
    ['export', exportCopies()],
    [
      'subsidy',
      [
        subsidyArticle(),
        subsidyArticle({ url: 'https://brusselsbeat.example/aid', siteName: 'Brussels Beat' }),
        subsidyArticle({
          url: 'https://spinmill.example/aid',
          siteName: 'Spin Mill',
          text: spin(SUBSIDY_TEXT, SUBSIDY_QUOTES),
        }),
      ],
    ],
    [
      'huawei',
      [
        huaweiArticle(),
        huaweiArticle({ url: 'https://mirror.example/huawei', siteName: 'Mirror' }),
        // A spun copy of a story without quotes: the brief is keyed on its figures and names.
        huaweiArticle({
          url: 'https://spinmill.example/huawei',
          siteName: 'Spin Mill',
          text: spin(HUAWEI_TEXT, [])
            .replace('begun shipping', 'started delivering')
            .replace('examined', 'inspected'),
        }),
      ],
    ],
    ['taiwan', [injectionArticle()]],
  ];
  const perStory: { id: string; calls: number; promptTokens: number; ingests: number }[] = [];
  for (const [id, copies] of stories) {
    const calls0 = fake.calls;
    const tokens0 = fake.promptTokens;
    let ingests = 0;
    for (let round = 0; round < 3; round++) {
      for (const [i, c] of copies.entries()) {
        // Later copies become canonical in later rounds, as clustering refines its choice.
        await addToStory(store, id, c, { canonical: round > 0 && i === round % copies.length });
        await makeBrief(store, id, deps);
        ingests++;
      }
    }
    perStory.push({ id, calls: fake.calls - calls0, promptTokens: fake.promptTokens - tokens0, ingests });
  }
  const long0 = fake.promptTokens;
  await addToStory(store, 'long', longArticle());
  await makeBrief(store, 'long', deps);
  const longTokens = fake.promptTokens - long0;
  await store.close();

  const maxCalls = Math.max(...perStory.map((s) => s.calls));
  const called = perStory.filter((s) => s.calls > 0);
  const meanTokens = Math.round(called.reduce((a, s) => a + s.promptTokens, 0) / Math.max(1, called.length));
  const maxPrompt = DEFAULT_ARTICLE_TOKENS + 1500;
  return [
    {
      name: 'llm.calls_per_story',
      value: maxCalls,
      unit: 'calls',
      budget: '<= 1 per story across reprints, spun copies and 3 re-ingests',
      ok: maxCalls <= 1,
      detail: Object.fromEntries(perStory.map((s) => [s.id, `${s.calls} call(s) / ${s.ingests} ingests`])),
    },
    {
      name: 'llm.prompt_tokens_per_story',
      value: meanTokens,
      unit: 'tokens',
      budget: `<= ${maxPrompt}`,
      ok: meanTokens <= maxPrompt,
      detail: Object.fromEntries(perStory.map((s) => [s.id, s.promptTokens])),
    },
    {
      name: 'llm.prompt_tokens_long_article',
      value: longTokens,
      unit: 'tokens',
      budget: `<= ${maxPrompt} (article trimmed to ${DEFAULT_ARTICLE_TOKENS} tokens)`,
      ok: longTokens <= maxPrompt,
      detail: { articleTokens: Math.ceil(longArticle().text.length / 4) },
    },
  ];
}

const bench: Bench = async () => {
  const fake = await startFakeOpenAi('good');
  try {
    return await run(fake);
  } finally {
    await fake.close();
  }
};

export default bench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await bench()) {
    console.log(JSON.stringify(f));
  }
}
