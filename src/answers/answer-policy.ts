import type { Article } from '../articles/article.js';
import { CitationList } from './citations.js';
import { composeAnswer } from './compose.js';
import { defang } from './defang.js';
import type { AnswerDraft, CitedStory, ModeContext } from './draft.js';
import { entityQuotes, entityStories } from './entity-search.js';
import { listOf, marks, shortDate, speakerLabel } from './format.js';
import { nothingFound } from './nothing-found.js';
import { citeQuotes, peopleOf, pickQuotes } from './quote-picks.js';
import type { ResolvedEntity } from './resolve-entity.js';
import { dateOf, type RetrievedStory } from './retrieve.js';
import { hasQuoteMarks, splitSentences } from './sentences.js';
import { storyGist } from './story-gist.js';
import { containsPhrase } from './text-match.js';

const STORIES = 6;
const QUOTES = 5;

/** Words by which reporters define a policy ("the rule, which bars ...", "requires licences for ..."). */
const DEFINING =
  /\b(which|that would|would|requires?|restricts?|bars?|bans?|limits?|caps?|imposes?|designed to|aims? to|meant to|covers?|applies to|allows?|grants?|provides?|introduced|unveiled|is an?|are|list of|rule|law|act|program(?:me)?|regime|framework|tier|licen[cs]e)\b/gi;

/**
 * `policy <name>`: what the policy is (a defining sentence from the articles), recent developments in
 * date order, and who said what about it.
 */
export async function policyAnswer(
  ctx: ModeContext,
  typed: string,
  entity: ResolvedEntity | null,
): Promise<AnswerDraft> {
  const name = entity?.canonical ?? typed;
  const names = entity?.names ?? [typed];
  const understood = {
    question: `policy ${name}`,
    focus: { people: [] as string[], firms: [] as string[], policies: [name], topic: null },
  };
  const stories = await entityStories(ctx, typed, entity, STORIES);
  if (stories.length === 0) {
    const answer = nothingFound(typed, [`who ${typed}`, `ask what is ${typed}?`], understood);
    return { answer, cited: [], quotePool: [], question: understood.question, synthesize: false };
  }
  const chrono = [...stories].sort((a, b) => dateOf(a.canonical) - dateOf(b.canonical));
  const citations = new CitationList();
  const definition = defineFrom(chrono, names);
  const cited: CitedStory[] = [];
  const parts: string[] = [];
  if (definition) {
    const n = citations.cite(definition.story);
    parts.push(`What it is: ${definition.text} ${marks([n])}`);
  }
  for (const story of chrono) {
    cited.push({ n: citations.cite(story), story, gist: await storyGist(ctx.store, story, [], names) });
  }
  cited.sort((a, b) => a.n - b.n);
  if (chrono.length > 1) parts.push(`Developments, oldest first (${chrono.length}):`);
  for (const story of chrono) {
    const c = cited.find((x) => x.story === story)!;
    // The defining sentence is already shown: the story's line then gives its headline instead.
    const line = definition && c.gist.sentence === definition.text ? c.gist.headline : c.gist.sentence;
    parts.push(`${shortDate(story.canonical.publishedAt) ?? 'Undated'}: ${line} ${marks([c.n])}`);
  }

  const known = new Map(stories.map((s) => [s.storyId, s]));
  const indexed = await entityQuotes(ctx, stories, cited, names);
  const picks = pickQuotes(indexed, QUOTES, 2);
  const quotes = await citeQuotes(ctx.store, picks, citations, known);
  if (quotes.length > 0) {
    const who = [...new Map(quotes.map((q) => [speakerLabel(q.speaker), q.n ?? 0])).entries()];
    parts.push(`Quoted on it: ${listOf(who.map(([s, n]) => `${defang(s)} ${marks([n])}`))}.`);
  }
  understood.focus.people = peopleOf(quotes);
  const answer = composeAnswer({
    title: `${name}: what it is and what happened`,
    parts,
    quotes,
    citations,
    understood,
  });
  const pool = await citeQuotes(ctx.store, pickQuotes(indexed, 12, 3), citations, known);
  return {
    answer,
    cited,
    quotePool: pool,
    question: `What is ${name}, and what has happened with it?`,
    synthesize: true,
  };
}

/**
 * The sentence that best says what the policy is: it names the policy, uses defining words, carries no
 * quotation marks (a quote belongs to its speaker), and comes early in an early story.
 */
export function defineFrom(
  chrono: readonly RetrievedStory[],
  names: readonly string[],
): { story: RetrievedStory; text: string } | null {
  let best: { story: RetrievedStory; text: string; score: number } | null = null;
  chrono.forEach((story, si) => {
    const art: Article = story.canonical;
    splitSentences(art.text)
      .slice(0, 20)
      .forEach((s, i) => {
        if (
          s.text.length < 40 ||
          s.text.length > 400 ||
          hasQuoteMarks(s.text) ||
          /https?:\/\/|www\./i.test(s.text)
        )
          return;
        if (!names.some((n) => containsPhrase(s.text, n))) return;
        const cues = new Set((s.text.match(DEFINING) ?? []).map((w) => w.toLowerCase())).size;
        if (cues === 0) return;
        const score = Math.min(cues, 4) - i * 0.08 - si * 0.15;
        if (!best || score > best.score) best = { story, text: s.text, score };
      });
  });
  const b = best as { story: RetrievedStory; text: string; score: number } | null;
  return b ? { story: b.story, text: defang(b.text) } : null;
}
