/** What intake produces from one page or file, before it is stored. */
export interface ArticleDraft {
  /** Canonical URL (tracking params stripped) or the file:// URL of a local file. */
  url: string;
  title: string;
  byline: string | null;
  /** ISO 8601, or null when the page gives no date. */
  publishedAt: string | null;
  /** Cleaned body: paragraphs separated by a single "\n". Quote offsets index into this string. */
  text: string;
  /** Site or outlet name when known (og:site_name, feed title, host). */
  siteName: string | null;
}

/** A stored article. `id` is a hash of the canonical URL (or of the normalised text when there is no URL). */
export interface Article extends ArticleDraft {
  id: string;
  sourceId: string | null;
  fetchedAt: string;
  /** Hash of the normalised text: equal hashes are the same text whatever the URL. */
  contentHash: string;
  storyId: string | null;
}
