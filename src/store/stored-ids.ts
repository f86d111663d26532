import { canonicalUrl, sha256 } from '../articles/identity.js';
import type { Brief } from '../briefs/brief.js';
import { ChipbriefError } from '../errors.js';
import type { Quote } from '../quotes/quote.js';

/** How both stores make the ids they own, so a store's contents can move to the other unchanged. */

/** Source ids are short and derived from the URL, so adding the same feed twice is one source. */
export function sourceId(url: string): string {
  return `src_${sha256(canonicalUrl(url)).slice(0, 8)}`;
}

/** Stored quote ids are stable across re-extraction of the same text: article id + start offset. */
export function storedQuoteId(articleId: string, q: Pick<Quote, 'start'>): string {
  return `${articleId}:${q.start}`;
}

/** The error for a brief whose id another cache key's brief holds (both stores throw it). */
export function briefIdTaken(b: Brief, stored: Brief): ChipbriefError {
  const key = (x: Brief) => `story ${x.storyId}, content ${x.contentHash}, ${x.promptVersion}, ${x.model}`;
  return new ChipbriefError(
    'STORE_FAILED',
    `brief id ${b.id} is already stored for another cache key (${key(stored)}); not storing it for ${key(b)}`,
    { permanent: true },
  );
}
