import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../bench/extraction/corpus.js';
import { summarize } from '../../../bench/extraction/metric.js';
import { chipbriefExtractor, runExtractor } from '../../../bench/extraction/run-extractors.js';
import { F1_TARGET } from '../../../bench/extraction.js';

/**
 * The public article-extraction benchmark (181 pages, ../shared) as a regression guard: a change to
 * intake that drops real paragraphs or lets boilerplate in shows up here, not only in `bench:extraction`.
 */
describe('HTML intake on the article-extraction benchmark', () => {
  it(`keeps F1 >= ${F1_TARGET} with the benchmark's own metric`, { timeout: 180_000 }, () => {
    const pages = loadCorpus();
    expect(pages.length).toBe(181);
    const s = summarize(runExtractor(pages, chipbriefExtractor).map((r) => r.score));
    console.log(
      `extraction: F1 ${s.f1.toFixed(4)} (precision ${s.precision.toFixed(4)}, recall ${s.recall.toFixed(4)})`,
    );
    expect(s.f1).toBeGreaterThanOrEqual(F1_TARGET);
  });
});
