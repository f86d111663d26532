import { describe, expect, it } from 'vitest';
import { quoteRanges, shuffle, spin } from '../../support/spinner.js';
import { BASE_STORIES, quotesOf, storyCorpus, syndicate } from '../../support/story-corpus.js';

describe('test spinner', () => {
  const base = BASE_STORIES[0]!;
  const text = base.paragraphs.join('\n');

  it('swaps 15-30% of prose words and leaves every quotation verbatim', () => {
    for (const b of BASE_STORIES) {
      const original = b.paragraphs.join('\n');
      for (const rate of [0.18, 0.27]) {
        const r = spin(original, { seed: 7, rate });
        expect(r.rate).toBeGreaterThanOrEqual(0.15);
        expect(r.rate).toBeLessThanOrEqual(0.3);
        for (const q of quotesOf(original)) expect(r.text).toContain(q);
        expect(r.text).not.toBe(original);
      }
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(spin(text, { seed: 1, rate: 0.2 }).text).toBe(spin(text, { seed: 1, rate: 0.2 }).text);
    expect(spin(text, { seed: 1, rate: 0.2 }).text).not.toBe(spin(text, { seed: 2, rate: 0.2 }).text);
  });

  it('does the swaps copy-sites are known for', () => {
    const r = spin('The firm became a household name after its booth drew crowds, Chinese buyers said.', {
      seed: 3,
      rate: 1,
    });
    expect(r.text).toMatch(/family (identify|title)/);
    expect(r.text).toMatch(/sales space|cubicle/);
    expect(r.text).toContain('Chinese language');
    expect(r.text).toMatch(/stated|mentioned|acknowledged|remarked/);
  });

  it('syndicates with another headline, boilerplate and an optionally trimmed ending', () => {
    const s = syndicate(base, 11, true);
    expect(s.title).not.toBe(base.title);
    expect(s.text).toContain(base.paragraphs[0]!);
    expect(s.text).not.toContain(base.paragraphs.at(-1)!);
    expect(s.text.split('\n')[0]).toMatch(/^By /);
  });

  it('builds a corpus of at least 15 stories with several copies each', () => {
    const corpus = storyCorpus();
    const stories = new Set(corpus.map((c) => c.story));
    expect(stories.size).toBeGreaterThanOrEqual(15);
    for (const s of stories) expect(corpus.filter((c) => c.story === s).length).toBeGreaterThanOrEqual(5);
    const topics = new Map<string, Set<string>>();
    for (const c of corpus) topics.set(c.topic, (topics.get(c.topic) ?? new Set()).add(c.story));
    expect([...topics.values()].filter((s) => s.size >= 2).length).toBeGreaterThanOrEqual(5);
  });

  it('finds quoted ranges paragraph by paragraph and shuffles deterministically', () => {
    expect(quoteRanges('a "b c" d\n"e f')).toEqual([
      [2, 7],
      [10, 14],
    ]);
    expect(shuffle([1, 2, 3, 4, 5], 9)).toEqual(shuffle([1, 2, 3, 4, 5], 9));
    expect([...shuffle([1, 2, 3, 4, 5], 9)].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
