import { describe, expect, it } from 'vitest';
import { extractiveBrief, pickSummarySentences } from '../../../src/briefs/extractive.js';
import { pickKeyQuotes } from '../../../src/briefs/key-quotes.js';
import { loadStoryMaterial } from '../../../src/briefs/story-material.js';
import type { StoredQuote } from '../../../src/store/port.js';
import {
  addToStory,
  EXPORT_TEXT,
  exportArticle,
  exportCopies,
  HUAWEI_TEXT,
  huaweiArticle,
  openTempStore,
  quotesIn,
  subsidyArticle,
} from './story-fixtures.js';

describe('extractive brief', () => {
  it('is the lead plus central sentences, none inside or containing a quotation', async () => {
    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    const m = await loadStoryMaterial(store, 's1');
    const draft = extractiveBrief(m);
    expect(draft.headline).toBe('U.S. widens export curbs on AI chips to cover cloud access');
    expect(draft.bullets.length).toBeGreaterThanOrEqual(2);
    expect(draft.bullets.length).toBeLessThanOrEqual(4);
    expect(draft.bullets[0]).toBe(EXPORT_TEXT.split('\n')[0]);
    for (const b of draft.bullets) {
      expect(EXPORT_TEXT.includes(b)).toBe(true);
      expect(b).not.toMatch(/["“”]/);
      for (const q of m.quotes) expect(b.includes(q.text)).toBe(false);
    }
    // Quote-bearing sentences are skipped even when central (the Okafor / Reyes paragraphs).
    expect(draft.bullets.some((b) => b.includes('Reyes said'))).toBe(false);
    await store.close();
  });

  it('picks named speakers over unnamed, distinct speakers, and substantive quotes', async () => {
    const store = openTempStore();
    await addToStory(store, 's1', exportArticle());
    const m = await loadStoryMaterial(store, 's1');
    const picked = pickKeyQuotes(m.quotes, m.articles, 3);
    expect(picked).toHaveLength(3);
    const names = picked.map((q) => q.speaker.name);
    // Two named speakers before a second quote by either, and before the unnamed source.
    expect(new Set(names.slice(0, 2))).toEqual(new Set(['Maria Okafor', 'Daniel Reyes']));
    for (const q of picked) expect(EXPORT_TEXT.slice(q.start, q.end)).toBe(q.text);
    await store.close();
  });

  it('counts a quote shared by reprints once and prefers the canonical occurrence', async () => {
    const store = openTempStore();
    const [original, reprint] = exportCopies();
    await addToStory(store, 's1', reprint!);
    const canonical = await addToStory(store, 's1', original!, { canonical: true });
    const m = await loadStoryMaterial(store, 's1');
    expect(m.quotes).toHaveLength(8);
    const picked = pickKeyQuotes(m.quotes, m.articles, 3);
    expect(new Set(picked.map((q) => q.text)).size).toBe(3);
    for (const q of picked) expect(q.articleId).toBe(canonical.id);
    await store.close();
  });

  it('handles a story without quotes and keeps scare-quoted sentences out when it can', async () => {
    const store = openTempStore();
    await addToStory(store, 'h', huaweiArticle());
    const draft = extractiveBrief(await loadStoryMaterial(store, 'h'));
    expect(draft.quoteIds).toEqual([]);
    expect(draft.bullets.length).toBeGreaterThanOrEqual(2);
    expect(draft.bullets.every((b) => HUAWEI_TEXT.includes(b) && !b.includes('"'))).toBe(true);
    await store.close();
  });

  it('is deterministic', async () => {
    const store = openTempStore();
    await addToStory(store, 'e', subsidyArticle());
    const m = await loadStoryMaterial(store, 'e');
    expect(extractiveBrief(m)).toEqual(extractiveBrief(await loadStoryMaterial(store, 'e')));
    await store.close();
  });

  it('never returns a sentence that sits inside a multi-paragraph quotation', () => {
    const text = [
      'Regulators in Seoul proposed new reporting rules for chip exports on Monday after months of review.',
      '“The first thing we will do is map every shipment of high-bandwidth memory to its final buyer. Companies will report monthly.',
      'Nobody will be surprised by the scope of the rule,” said Kim Ha-eun, a vice minister of trade.',
      'The proposal now goes to a public consultation that closes at the end of the month in Seoul.',
      'Memory makers said they were studying the draft and would comment before the deadline passes.',
    ].join('\n');
    const spec = {
      text: 'The first thing we will do is map every shipment of high-bandwidth memory to its final buyer. Companies will report monthly.\nNobody will be surprised by the scope of the rule,',
      speaker: { name: 'Kim Ha-eun', role: 'a vice minister of trade', kind: 'person' as const },
    };
    const quotes = quotesIn(text, [spec]).map((q): StoredQuote => ({ ...q, articleId: 'a' }));
    const picked = pickSummarySentences(text, quotes, 4).map((s) => s.text);
    expect(picked.length).toBeGreaterThanOrEqual(2);
    expect(picked.some((s) => s.includes('Companies will report monthly'))).toBe(false);
    expect(picked.some((s) => s.includes('Nobody will be surprised'))).toBe(false);
  });
});
