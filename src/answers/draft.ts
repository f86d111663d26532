import type { RenderedQuote } from '../briefs/brief.js';
import type { Store } from '../store/port.js';
import type { Answer } from './answer.js';
import type { RetrievedStory } from './retrieve.js';
import type { StoryGist } from './story-gist.js';

/** What every answer mode gets: the store, the time, and the thread's stories to rank first. */
export interface ModeContext {
  store: Store;
  now: Date;
  /** Stories of the thread (its digest and earlier answers), most recent first. */
  prefer: readonly string[];
}

/** One cited story of an offline answer: what an LLM may see as passage [n]. */
export interface CitedStory {
  n: number;
  story: RetrievedStory;
  gist: StoryGist;
}

/**
 * An offline answer plus what an LLM needs to rewrite its synthesis: the cited stories (its only
 * passages) and the quotes it may pick from. The offline answer is complete on its own: it is what the
 * user gets when there is no LLM or the LLM fails.
 */
export interface AnswerDraft {
  answer: Answer;
  cited: CitedStory[];
  quotePool: RenderedQuote[];
  /** The question the synthesis answers, as understood. */
  question: string;
  /** False for answers that are a list by nature (the quote index): the LLM leaves those alone. */
  synthesize: boolean;
}
