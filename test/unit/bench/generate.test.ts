import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, pageAt } from '../../../bench/generate/corpus.js';
import { seeded } from '../../../bench/generate/rng.js';
import { spinText } from '../../../bench/generate/spin.js';
import { htmlToDraft } from '../../../src/articles/html-to-article.js';
import { ingestDraft } from '../../../src/ingest/ingest-draft.js';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';

const SEED = 99;
const dir = mkdtempSync(join(tmpdir(), 'cb-gen-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quoted = (s: string) => [...s.matchAll(/\u201c[^\u201d]*\u201d/g)].map((m) => m[0]);

describe('bench corpus generator', () => {
  it('is deterministic: the same seed and index give the same page', () => {
    expect(pageAt(SEED, 17).html).toBe(pageAt(SEED, 17).html);
    expect(pageAt(SEED, 17).html).not.toBe(pageAt(SEED + 1, 17).html);
  });

  it('mixes originals, reprints and spun copies, copies after their originals', () => {
    const pages = [...generateCorpus(SEED, 100)];
    const kinds = pages.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'original')).toHaveLength(60);
    expect(kinds.filter((k) => k === 'reprint')).toHaveLength(20);
    expect(kinds.filter((k) => k === 'spun')).toHaveLength(20);
    for (const p of pages.filter((x) => x.kind !== 'original')) {
      const original = pages.find((x) => x.kind === 'original' && x.story === p.story)!;
      expect(original.n).toBeLessThan(p.n);
      expect(p.url).not.toBe(original.url);
      if (p.kind === 'reprint') expect(p.paragraphs).toEqual(original.paragraphs);
      else {
        // Spun: prose reworded, every quotation kept word for word.
        expect(p.paragraphs.join('\n')).not.toBe(original.paragraphs.join('\n'));
        expect(quoted(p.paragraphs.join('\n'))).toEqual(quoted(original.paragraphs.join('\n')));
      }
    }
  });

  it('spins prose only, keeping capitals', () => {
    const out = spinText(
      'Analysts said prices fell. \u201cPrices fell after the move,\u201d she said.',
      seeded(1),
      1,
    );
    expect(out).toBe('Market watchers said costs dropped. \u201cPrices fell after the move,\u201d she said.');
  });

  it('writes pages whose article text extraction recovers, with quotes attributed to their speakers', () => {
    for (const n of [0, 3, 6, 8]) {
      const p = pageAt(SEED, n);
      expect(p.html.length).toBeGreaterThan(50_000);
      const draft = htmlToDraft(p.html, p.url);
      expect(draft.title).toBe(p.title);
      for (const para of p.paragraphs) expect(draft.text).toContain(para);
      const quotes = extractQuotes(draft.text);
      expect(quotes.length).toBeGreaterThanOrEqual(3);
      for (const q of quotes) expect(draft.text.slice(q.start, q.end)).toBe(q.text);
      const named = p.spec.quotes.filter((q) => q.speaker !== null);
      const hits = named.filter((pq) =>
        quotes.some((q) => q.text.includes(pq.text.slice(0, 40)) && q.speaker.name === pq.speaker),
      );
      expect(hits.length / named.length).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('makes one story of an original, its reprints and spun copies, and keeps different stories apart', async () => {
    const store = openSqliteStore(join(dir, 'stories.db'));
    const clock = { now: () => new Date('2026-11-20T00:00:00Z') };
    const storyOf = new Map<number, Set<string>>();
    try {
      for (const p of generateCorpus(SEED, 120)) {
        const res = await ingestDraft(htmlToDraft(p.html, p.url), { store, clock });
        storyOf.set(p.story, new Set([...(storyOf.get(p.story) ?? []), res.storyId!]));
      }
    } finally {
      await store.close();
    }
    const ids = [...storyOf.values()];
    // Every generated story is one stored story ...
    expect(ids.filter((s) => s.size !== 1)).toEqual([]);
    // ... and no two generated stories share one.
    expect(new Set(ids.map((s) => [...s][0])).size).toBe(storyOf.size);
  }, 60_000);
});
