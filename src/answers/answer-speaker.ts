import { normalizeText } from '../articles/identity.js';
import type { StoredQuote } from '../store/port.js';
import { CitationList } from './citations.js';
import { composeAnswer } from './compose.js';
import type { AnswerDraft, CitedStory, ModeContext } from './draft.js';
import { marks, shortDate, speakerLabel } from './format.js';
import { nothingFound } from './nothing-found.js';
import { indexQuotes } from './quote-index.js';
import { citeQuotes, pickQuotes } from './quote-picks.js';
import { resolveEntity } from './resolve-entity.js';
import type { RetrievedStory } from './retrieve.js';
import { storyGist } from './story-gist.js';
import { topicTerms } from './text-match.js';

const QUOTES = 8;
const STORY_LINES = 4;
const BY_SPEAKER = 300;

/**
 * "what did <person> say [about <topic>]": the person's quotes (on the topic when one is given), verbatim,
 * newest and most on-topic first, with the stories they come from.
 */
export async function speakerAnswer(
  ctx: ModeContext,
  person: string,
  topic: string | null,
): Promise<AnswerDraft> {
  const found = await quotesOf(ctx, person);
  const name = found.name;
  const understood = {
    question: topic ? `what did ${name} say about ${topic}?` : `what did ${name} say?`,
    focus: { people: [name], firms: [] as string[], policies: [] as string[], topic },
  };
  if (found.quotes.length === 0) {
    const answer = nothingFound(
      person,
      topic ? [`who ${topic}`] : [`ask ${person}`],
      understood,
      `I have no quotes from ${person} in the articles collected so far.`,
    );
    return { answer, cited: [], quotePool: [], question: understood.question, synthesize: false };
  }
  const terms = topic ? topicTerms(topic) : [];
  const indexed = await indexQuotes(ctx.store, found.quotes, {
    terms,
    minCoverage: terms.length === 0 ? 0 : terms.length <= 2 ? 1 : 0.5,
    now: ctx.now,
  });
  if (indexed.length === 0) {
    const answer = nothingFound(
      `${name} on ${topic}`,
      [`ask what did ${name} say?`, `who ${topic}`],
      understood,
      `${name} is quoted ${found.quotes.length} ${found.quotes.length === 1 ? 'time' : 'times'} in the articles collected so far, but not about \u201c${topic}\u201d.`,
    );
    return { answer, cited: [], quotePool: [], question: understood.question, synthesize: false };
  }
  const picks = pickQuotes(indexed, QUOTES, QUOTES);
  const citations = new CitationList();
  const known = new Map<string, RetrievedStory>();
  const quotes = await citeQuotes(ctx.store, picks, citations, known);
  const cited: CitedStory[] = [];
  for (const c of citations.list()) {
    const story = known.get(c.storyId)!;
    cited.push({ n: c.n, story, gist: await storyGist(ctx.store, story, terms, [name]) });
  }
  const label = quotes[0] ? speakerLabel(quotes[0].speaker) : name;
  const parts = [
    `${label}: ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'}${topic ? ` on \u201c${topic}\u201d` : ''} in ${cited.length} ${cited.length === 1 ? 'story' : 'stories'}.`,
    ...cited
      .slice(0, STORY_LINES)
      .map(
        (c) => `${shortDate(c.story.canonical.publishedAt) ?? 'Undated'}: ${c.gist.sentence} ${marks([c.n])}`,
      ),
  ];
  const answer = composeAnswer({ title: understood.question, parts, quotes, citations, understood });
  return { answer, cited, quotePool: quotes, question: understood.question, synthesize: true };
}

/**
 * A person's stored quotes, trying the name as typed, then the entity it resolves to and its aliases.
 * `name` is the fullest form the quotes give ("Dana Whitfield" for "Whitfield").
 */
async function quotesOf(ctx: ModeContext, person: string): Promise<{ name: string; quotes: StoredQuote[] }> {
  let quotes = await ctx.store.quotesBySpeaker(person, BY_SPEAKER);
  if (quotes.length === 0) {
    const e = await resolveEntity(ctx.store, person, ['person', 'firm']);
    for (const n of e?.names ?? []) {
      quotes = await ctx.store.quotesBySpeaker(n, BY_SPEAKER);
      if (quotes.length > 0) break;
    }
  }
  const counts = new Map<string, { name: string; n: number }>();
  for (const q of quotes) {
    const n = q.speaker.name?.trim();
    if (!n) continue;
    const k = normalizeText(n);
    const c = counts.get(k) ?? { name: n, n: 0 };
    c.n += 1 + (n.includes(' ') ? 1 : 0);
    counts.set(k, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return { name: best?.name ?? person.trim(), quotes };
}
