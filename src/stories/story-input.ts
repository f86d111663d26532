/** What story clustering needs to know about one article. */
export interface StoryInput {
  /** Article id (or, for `chipbrief cluster`, the input as given). */
  id: string;
  url: string;
  title: string;
  /** Cleaned body, paragraphs separated by "\n". */
  text: string;
  /** `normalizeText(text)`, when the caller already has it (ingest does): saves a pass over the text. */
  normalized?: string;
  /** Verbatim quote texts found in `text` (from the quote extractor). */
  quotes: string[];
  /** ISO 8601, or null when the article gives no date. */
  publishedAt: string | null;
  /** Configured source priority: higher wins a canonical tie. */
  sourcePriority?: number;
  siteName?: string | null;
}
