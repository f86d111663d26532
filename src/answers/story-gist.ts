import type { Article } from '../articles/article.js';
import type { Store } from '../store/port.js';
import { defang } from './defang.js';
import type { RetrievedStory } from './retrieve.js';
import { hasQuoteMarks, type Sentence, splitSentences } from './sentences.js';
import { containsPhrase, termCoverage } from './text-match.js';

/** What an offline answer says about one story: its headline and the one sentence most on the question. */
export interface StoryGist {
  headline: string;
  sentence: string;
  /** The next most relevant sentence (or bullet), for answers that rest on one or two stories. */
  more: string | null;
  /** Quote ids the story's brief picked, best first (empty without a brief). */
  briefQuoteIds: string[];
}

/** Sentences of the lead considered: the reporter's summary of a story sits at the top. */
const LEAD = 14;
/** A sentence with a web address is not shown in the bot's voice: the links an answer gives are its sources. */
const LINK = /\bhttps?:\/\/|\bwww\./i;

/**
 * The gist of a story for an answer: from its brief when there is one (headline and the bullet most on
 * the question), else extractive from the canonical article (its title and the lead sentence most on the
 * question, never one with quotation marks — those belong to quotes, which are shown with their speaker).
 */
export async function storyGist(
  store: Store,
  story: RetrievedStory,
  terms: readonly string[],
  names: readonly string[] = [],
): Promise<StoryGist> {
  const brief = story.storyId.startsWith('article:') ? null : await store.latestBrief(story.storyId);
  if (brief && brief.bullets.length > 0) {
    const ranked = [...brief.bullets]
      .map((b, i) => ({ b, s: termCoverage(terms, b) + nameHit(b, names) - i * 0.01 }))
      .sort((x, y) => y.s - x.s);
    return {
      headline: defang(brief.headline),
      sentence: defang(ranked[0]!.b),
      more: ranked[1] ? defang(ranked[1].b) : null,
      briefQuoteIds: brief.quoteIds,
    };
  }
  const [first, second] = bestSentences(story.canonical, terms, names, 2);
  return {
    headline: defang(story.canonical.title),
    sentence: defang(first?.text ?? story.canonical.title),
    more: second ? defang(second.text) : null,
    briefQuoteIds: [],
  };
}

/**
 * The lead sentences of an article most on the terms and names, best first (at most `n`); none when the
 * lead is all quotes.
 */
export function bestSentences(
  a: Article,
  terms: readonly string[],
  names: readonly string[],
  n: number,
): Sentence[] {
  return splitSentences(a.text)
    .slice(0, LEAD)
    .filter(
      (s) => s.text.length >= 30 && s.text.length <= 360 && !hasQuoteMarks(s.text) && !LINK.test(s.text),
    )
    .map((s, i) => ({ s, score: termCoverage(terms, s.text) + nameHit(s.text, names) + 0.3 / (1 + i) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, n)
    .map((x) => x.s);
}

function nameHit(text: string, names: readonly string[]): number {
  return names.some((n) => containsPhrase(text, n)) ? 0.5 : 0;
}
