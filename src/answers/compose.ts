import type { RenderedQuote } from '../briefs/brief.js';
import type { Answer, AnswerFocus } from './answer.js';
import type { CitationList } from './citations.js';
import { defang } from './defang.js';
import { clip } from './format.js';

/** The finished offline answer: parts and quotes citing the numbered stories. */
export function composeAnswer(input: {
  title: string;
  parts: readonly string[];
  quotes: readonly RenderedQuote[];
  citations: CitationList;
  understood: { question: string; focus: AnswerFocus };
  suggestions?: readonly string[];
}): Answer {
  return {
    kind: 'answer',
    title: clip(defang(input.title), 150),
    parts: input.parts.map((p) => defang(p)).filter(Boolean),
    quotes: [...input.quotes],
    citations: input.citations.list(),
    suggestions: [...(input.suggestions ?? [])],
    visibility: 'channel',
    storyIds: input.citations.storyIds(),
    understood: input.understood,
  };
}
