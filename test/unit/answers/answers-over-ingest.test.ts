import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCommand } from '../../../src/answers/answer-command.js';
import { parseCommand } from '../../../src/answers/parse-command.js';
import { normalizeText } from '../../../src/articles/identity.js';
import { ingestInput } from '../../../src/ingest/ingest-input.js';
import type { Fetcher } from '../../../src/ports.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { EXAMPLES, manifest, NOW } from '../../fixtures/answers/corpus.js';
import { servicesFor } from '../../fixtures/answers/open-corpus.js';
import { ctx, expectEachQuoteOnce, expectWellFormed, followPersonThread } from './answer-helpers.js';

/**
 * The same engine over the store the real pipeline fills (extraction, quote attribution, entity tagging,
 * story assignment): what `chipbrief ingest examples/*` then `chipbrief ask` does.
 */
let store: Store;
const fileUrl = new Map<string, string>();
const noFetch: Fetcher = {
  fetch: async () => {
    throw new Error('local files only');
  },
};

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  for (const e of manifest()) {
    const r = await ingestInput(join(EXAMPLES, e.file), {
      store,
      fetcher: noFetch,
      clock: { now: () => NOW },
    });
    fileUrl.set(e.file, r.url);
  }
});
afterAll(async () => {
  await store.close();
});

const run = (text: string) => answerCommand(parseCommand(text), ctx, servicesFor(store));

describe('answers over the ingested examples', () => {
  it('collapses the spun copies of a story into one cited source', async () => {
    const a = await run('firm Xinkailai');
    await expectWellFormed(store, a);
    const expo = a.citations.find((c) => c.url === fileUrl.get('07-sicarrier-shenzhen-expo-tools.html'));
    expect(expo).toBeDefined();
    expect(expo!.alsoReportedBy!.map((s) => s.url)).toContain(fileUrl.get('09-xinkailai-expo-spun.html'));
    expect(a.citations.map((c) => c.url)).not.toContain(fileUrl.get('09-xinkailai-expo-spun.html'));
  });

  it('lists each quote of a five-copy story once, with the speaker the article gives', async () => {
    const a = await run('who H200 licenses');
    await expectWellFormed(store, a);
    expectEachQuoteOnce(a);
    const truth = new Map(
      manifest().flatMap((e) => e.quotes.map((q) => [normalizeText(q.text), q.speaker] as const)),
    );
    const checked = a.quotes.filter((q) => truth.has(normalizeText(q.text)));
    expect(checked.length).toBeGreaterThanOrEqual(3);
    for (const q of checked) expect(q.speaker.name).toBe(truth.get(normalizeText(q.text)));
  });

  it('follows a person through a thread', async () => {
    const { next } = await followPersonThread(servicesFor(store), NOW);
    expect(next.understood?.focus.people).toEqual(['Talia Brennan']);
    expect(next.quotes.some((q) => /supply chain/.test(q.text))).toBe(true);
    expect(next.quotes.every((q) => q.speaker.name === 'Talia Brennan')).toBe(true);
  });
});
