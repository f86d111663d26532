import type { Speaker } from '../quotes/quote.js';

export type SummarizerKind = 'extractive' | 'llm';

/**
 * A brief as stored: the LLM (or extractive summarizer) picks quote ids, never quote text.
 * Cached by (contentHash, promptVersion, model).
 */
export interface Brief {
  id: string;
  storyId: string;
  /**
   * The story's content hash the brief was made from: story id + the canonical article's normalised
   * quote set (spun copies keep quotes verbatim), else its text hash (see storyContentHash).
   */
  contentHash: string;
  /** "brief@v1" for the LLM prompt file, "extractive@1" for the offline summarizer. */
  promptVersion: string;
  model: string;
  summarizer: SummarizerKind;
  headline: string;
  bullets: string[];
  /** Ids of stored quotes (`${articleId}:${start}`), in display order. */
  quoteIds: string[];
  tokensIn: number;
  tokensOut: number;
  /**
   * Why the LLM was not used when it should have been, as "CODE: message" (LLM_TIMEOUT, LLM_RATE_LIMITED,
   * LLM_FAILED, LLM_INVALID_OUTPUT, LLM_BUDGET_SPENT), else null.
   */
  fallbackReason: string | null;
  createdAt: string;
}

/** A quote ready to render: verbatim text, looked up from the store by id, with where it came from. */
export interface RenderedQuote {
  id: string;
  text: string;
  speaker: Speaker;
  articleId: string;
  articleUrl: string;
  publishedAt: string | null;
  /** Citation number in an answer (1-based), when it belongs to one. */
  n?: number;
}

export interface SourceLink {
  articleId: string;
  title: string;
  url: string;
  siteName: string | null;
  publishedAt: string | null;
}

/** What a reader sees for one story: platform-neutral, rendered by each adapter. */
export interface BriefView {
  storyId: string;
  headline: string;
  bullets: string[];
  quotes: RenderedQuote[];
  source: SourceLink;
  alsoReportedBy: SourceLink[];
  /** Every article of the story, canonical first (for --json and "n outlets" counts). */
  members?: SourceLink[];
  entities: { firms: string[]; people: string[]; policies: string[]; chips: string[] };
  summarizer: SummarizerKind;
}
