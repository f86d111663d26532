import type { Quote } from './quote.js';

const OPENING_MARK = /^[\s"\u201c\u201e\u00ab\u2018'\uff02]+/u;

/**
 * The paragraphs of a quotation, without the opening marks that start its later paragraphs.
 * `quote.text` of a quotation running over paragraphs keeps those marks (it is a verbatim span of the
 * article); renderers that lay paragraphs out themselves use this instead.
 */
export function quoteParagraphs(q: Pick<Quote, 'text'>): string[] {
  return q.text
    .split('\n')
    .map((p, i) => (i === 0 ? p : p.replace(OPENING_MARK, '')).trim())
    .filter(Boolean);
}

/**
 * The quotation as a reader should see it inside new marks: paragraphs joined by a space, and the
 * trailing comma that belonged to the article's sentence ("...," he said) dropped. Never used to check
 * verbatim-ness: that is `isVerbatim` on `quote.text`.
 */
export function displayQuote(q: Pick<Quote, 'text'>): string {
  return quoteParagraphs(q)
    .join(' ')
    .replace(/[,;:\s]+$/u, '');
}
