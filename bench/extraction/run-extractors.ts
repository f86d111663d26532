import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToDraft } from '../../src/articles/html-to-article.js';
import type { BenchPage } from './corpus.js';
import { type PageScore, scorePage } from './metric.js';

/** One extractor's output and score on one page. */
export interface PageResult {
  id: string;
  url: string;
  text: string;
  score: PageScore;
  ms: number;
  error?: string;
}

export type Extractor = (html: string, url: string) => string;

/** chipbrief's extractor: the body text an ArticleDraft carries (the metric scores the body only). */
export const chipbriefExtractor: Extractor = (html, url) => htmlToDraft(html, url).text;

/** Plain Mozilla Readability on the same linkedom DOM: its textContent, as the benchmark ran it. */
export const readabilityExtractor: Extractor = (html) => {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? '';
};

/** Parsing alone, for the time baseline. */
export function parseOnly(html: string): void {
  parseHTML(html);
}

/** Runs an extractor over every page; a page that throws counts as empty output (recall 0). */
export function runExtractor(pages: readonly BenchPage[], extract: Extractor): PageResult[] {
  return pages.map((page) => {
    const t0 = performance.now();
    let text = '';
    let error: string | undefined;
    try {
      text = extract(page.html, page.url);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const ms = performance.now() - t0;
    const result: PageResult = { id: page.id, url: page.url, text, score: scorePage(page.truth, text), ms };
    if (error) result.error = error;
    return result;
  });
}
