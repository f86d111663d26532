import type { ArticleDraft } from '../articles/article.js';
import { articleId, contentHashOfNormalized, normalizeText } from '../articles/identity.js';
import type { Mention } from '../entities/mention.js';
import { tagEntities } from '../entities/tag-entities.js';
import { extractQuotes } from '../quotes/extract-quotes.js';
import type { Quote } from '../quotes/quote.js';

/** An article draft with everything derived from its text: identity, quotes and entities. */
export interface AnalysedDraft {
  id: string;
  contentHash: string;
  /** `normalizeText(draft.text)`: computed once, for the id, the content hash and story sketching. */
  normalized: string;
  draft: ArticleDraft;
  quotes: Quote[];
  mentions: Mention[];
}

/** Pure: the same draft always gives the same analysis (no clock, no I/O). */
export function analyseDraft(draft: ArticleDraft): AnalysedDraft {
  const quotes = extractQuotes(draft.text);
  const normalized = normalizeText(draft.text);
  return {
    id: articleId(draft.url, draft.text, normalized),
    contentHash: contentHashOfNormalized(normalized),
    normalized,
    draft,
    quotes,
    mentions: tagEntities(draft.text, quotes),
  };
}
