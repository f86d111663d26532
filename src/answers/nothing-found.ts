import type { Answer, AnswerFocus } from './answer.js';
import { defang } from './defang.js';
import { clip } from './format.js';

/**
 * The plain answer when the store holds nothing relevant: says so, suggests commands, pads with nothing.
 * `what` echoes the user's words, defanged so it cannot ping anyone.
 */
export function nothingFound(
  what: string,
  suggestions: readonly string[],
  understood: { question: string; focus: AnswerFocus },
  detail?: string,
): Answer {
  const echo = clip(defang(what), 120);
  return {
    kind: 'empty',
    title: `Nothing found: ${echo}`,
    parts: [
      detail ? defang(detail) : `I found nothing about \u201c${echo}\u201d in the articles collected so far.`,
      suggestions.length > 0
        ? 'You could try one of the commands below, or ask an admin to add a source that covers it (`/chipbrief sources add <url>`).'
        : 'Ask an admin to add a source that covers it (`/chipbrief sources add <url>`).',
    ],
    quotes: [],
    citations: [],
    suggestions: suggestions.map((s) => defang(s)),
    visibility: 'ephemeral',
    storyIds: [],
    understood,
  };
}
