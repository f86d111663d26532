import type { SourceLink } from '../briefs/brief.js';
import { outletOf } from '../briefs/brief-view.js';

/**
 * Display text every chat adapter shows the same way, before its own escaping: how a source is named
 * and how a quote's words are marked as a quotation.
 */

/** The outlet shown for a source: its site name, else the URL's host; "source" when the URL is unusable. */
export function outletName(l: Pick<SourceLink, 'siteName' | 'url'>): string {
  // A link label: an unparsable URL would only show the reader garbage.
  return outletOf(l, 'source');
}

const OPENING_MARKS = /^["'\u201c\u2018\u00ab\u300c]/;

/** A quote's verbatim words in curly quotation marks, unless they already open with a mark of their own. */
export function quotedWords(text: string): string {
  return OPENING_MARKS.test(text) ? text : `\u201c${text}\u201d`;
}
