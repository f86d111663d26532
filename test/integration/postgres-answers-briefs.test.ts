import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answers/answer-command.js';
import type { Article } from '../../src/articles/article.js';
import type { Brief } from '../../src/briefs/brief.js';
import type { Store } from '../../src/store/port.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { TestDatabases } from '../support/postgres.js';
import { tempSqlitePath } from '../support/postgres-stores.js';

/**
 * Free questions search briefs too (searchBriefs): a brief that says in other words what a story's
 * copies say finds the story, identically on both stores.
 */
const NOW = new Date('2026-11-22T09:00:00.000Z');
const clock = { now: () => NOW };

const STORIES: { id: string; title: string; text: string }[] = [
  {
    id: 'litho',
    title: 'Dutch licence rule reaches installed lithography systems',
    text:
      'The Dutch trade ministry said on Friday that engineers servicing immersion lithography systems ' +
      'already installed at fabs in China will need an export licence from January.\n' +
      'The rule covers spare parts and software updates as well as on-site visits, officials said.\n' +
      'Equipment makers have asked for a transition period for service contracts signed before the change.',
  },
  {
    id: 'tools',
    title: 'Chip tool sales to China rose in the third quarter',
    text:
      'Sales of chip tool equipment to Chinese buyers rose in the third quarter as fabs stocked up on ' +
      'deposition and etch machines, customs data showed.\n' +
      'Analysts said the chip tool orders were pulled forward ahead of possible new rules.',
  },
  {
    id: 'gallium',
    title: 'China extends pause on gallium export ban',
    text:
      'Beijing extended its pause on a ban of gallium and germanium exports to the United States for ' +
      'another year, the commerce ministry said.\nPrices for both metals eased after the statement.',
  },
];

/** An LLM brief of the lithography story: the same news in words its copies never use. */
const LLM_BRIEF: Brief = {
  id: 'brief-litho',
  storyId: 'story-litho',
  contentHash: 'content-litho',
  promptVersion: 'brief@v1',
  model: 'test-model',
  summarizer: 'llm',
  headline: 'The Netherlands widens its chip-tool curbs to maintenance work in China',
  bullets: [
    'Upkeep of Dutch lithography machines already in Chinese fabs will need a licence from January.',
    'Toolmakers want a grace period for maintenance contracts signed earlier.',
  ],
  quoteIds: [],
  tokensIn: 120,
  tokensOut: 60,
  fallbackReason: null,
  createdAt: '2026-11-21T12:00:00.000Z',
};

function copy(s: (typeof STORIES)[number], k: number): Article {
  const id = `${s.id}-${k}`;
  return {
    id,
    url: `https://news${k}.example/${s.id}`,
    sourceId: null,
    title: s.title,
    byline: null,
    siteName: `News ${k}`,
    publishedAt: `2026-11-2${k}T08:00:00.000Z`,
    fetchedAt: `2026-11-2${k}T09:00:00.000Z`,
    text: s.text,
    contentHash: `hash-${id}`,
    storyId: `story-${s.id}`,
  };
}

async function fill(store: Store): Promise<void> {
  for (const s of STORIES) {
    for (const k of [0, 1]) await store.putArticle(copy(s, k), [], []);
    await store.putStory({
      id: `story-${s.id}`,
      canonicalArticleId: `${s.id}-0`,
      firstSeen: '2026-11-20T09:00:00.000Z',
      lastSeen: '2026-11-21T09:00:00.000Z',
    });
  }
}

const dbs = new TestDatabases();
const stores = {} as Record<'sqlite' | 'postgres', Store>;

beforeAll(async () => {
  stores.sqlite = openSqliteStore(tempSqlitePath('answers-briefs'));
  stores.postgres = await openPostgresStore((await dbs.create('answers_briefs')).url);
  await fill(stores.sqlite);
  await fill(stores.postgres);
}, 60_000);

afterAll(async () => {
  await stores.sqlite?.close();
  await stores.postgres?.close();
  await dbs.dropAll();
});

/** The answer on each store, expected identical; returns it. */
async function ask(question: string) {
  const [a, b] = [
    await answerQuestion(question, { store: stores.sqlite, llm: null, clock }),
    await answerQuestion(question, { store: stores.postgres, llm: null, clock }),
  ];
  expect(b, question).toEqual(a);
  return a;
}

describe('free questions over briefs, on SQLite and PostgreSQL', () => {
  it("finds a story by its brief's words, first, once it has the brief", async () => {
    const both = 'what are the new curbs on chip tool maintenance?';
    const only = 'maintenance curbs';
    const before = await ask(both);
    expect(before.citations[0]?.title).toBe('Chip tool sales to China rose in the third quarter');
    expect(before.citations.map((c) => c.title)).not.toContain(STORIES[0]!.title);
    expect((await ask(only)).citations).toEqual([]);

    await stores.sqlite.putBrief(LLM_BRIEF);
    await stores.postgres.putBrief(LLM_BRIEF);
    const after = await ask(both);
    expect(after.citations[0]?.title).toBe(STORIES[0]!.title);
    // Its copies are one source, and the answer speaks from the brief.
    expect(after.citations.filter((c) => c.title === STORIES[0]!.title)).toHaveLength(1);
    expect(after.parts.join(' ')).toContain(LLM_BRIEF.bullets[1]!);
    // Words only the brief has: the story is found through it alone.
    expect((await ask(only)).citations.map((c) => c.title)).toEqual([STORIES[0]!.title]);
    // A question the brief has nothing to do with is answered as before.
    expect((await ask('gallium export pause')).citations.map((c) => c.title)).toEqual([STORIES[2]!.title]);
  });
});
