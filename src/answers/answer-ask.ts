import { CitationList } from './citations.js';
import { composeAnswer } from './compose.js';
import type { AnswerDraft, CitedStory, ModeContext } from './draft.js';
import { marks } from './format.js';
import { nothingFound } from './nothing-found.js';
import { indexQuotes } from './quote-index.js';
import { citeQuotes, peopleOf, pickQuotes, quotesOfStories } from './quote-picks.js';
import { type ResolvedEntity, resolveEntity } from './resolve-entity.js';
import { retrieveStories } from './retrieve.js';
import { storyGist } from './story-gist.js';
import { topicTerms } from './text-match.js';

const STORIES = 4;
const QUOTES = 4;
/** Names looked up per question: each costs a few indexed queries. */
const MAX_NAMES = 3;

/**
 * A free question: the stories that answer it (thread stories first), one sentence each from its brief or
 * lead, and the quotes most on the question. With no topic words in a thread ("tell me more"), the
 * thread's own stories.
 */
export async function askAnswer(
  ctx: ModeContext,
  question: string,
  known: ResolvedEntity[] = [],
): Promise<AnswerDraft> {
  const entities = known.length > 0 ? known : await namedEntities(ctx, question);
  const names = entities.flatMap((e) => e.names);
  const terms = topicTerms(question);
  const understood = {
    question,
    focus: {
      people: entities.filter((e) => e.kind === 'person').map((e) => e.canonical),
      firms: entities.filter((e) => e.kind === 'firm').map((e) => e.canonical),
      policies: entities.filter((e) => e.kind === 'policy').map((e) => e.canonical),
      topic: terms.join(' ') || null,
    },
  };
  const rest = otherTerms(terms, names);
  // The named entities are found through their mentions; the article search needs only the other words.
  const searchTerms = entities.length > 0 && rest.length > 0 ? rest : terms;
  const query = {
    terms: searchTerms,
    entities,
    preferStoryIds: ctx.prefer,
    preferWithoutTerms: true,
    limit: STORIES,
    now: ctx.now,
    minCoverage: searchTerms.length <= 1 ? 1 : 0.5,
    briefs: true,
  };
  let stories = await retrieveStories(ctx.store, { ...query, required: { terms: rest, share: 0.5 } });
  let note: string | null = null;
  if (stories.length === 0 && entities.length > 0 && rest.length > 0) {
    // The named firm or policy is known but not with these words: say so, then give its latest.
    stories = await retrieveStories(ctx.store, query);
    const who = entities.map((e) => e.canonical).join(' and ');
    note = `Nothing stored matches \u201c${rest.join(' ')}\u201d with ${who}; here is the latest on ${who}.`;
  }
  if (stories.length === 0) {
    const topic = terms.slice(0, 3).join(' ');
    const answer = nothingFound(question, [...(topic ? [`who ${topic}`] : []), 'help'], understood);
    return { answer, cited: [], quotePool: [], question, synthesize: false };
  }
  const citations = new CitationList();
  const cited: CitedStory[] = [];
  for (const story of stories) {
    cited.push({ n: citations.cite(story), story, gist: await storyGist(ctx.store, story, terms, names) });
  }
  const parts = [...(note ? [note] : []), ...cited.map((c) => `${c.gist.sentence} ${marks([c.n])}`)];
  // An answer resting on one or two stories says a little more about the best one.
  const top = cited[0]!;
  if (cited.length < 3 && top.gist.more) parts.splice(note ? 2 : 1, 0, `${top.gist.more} ${marks([top.n])}`);
  const known2 = new Map(stories.map((s) => [s.storyId, s]));
  const indexed = await indexQuotes(ctx.store, await quotesOfStories(ctx.store, stories), {
    briefPicks: new Set(cited.flatMap((c) => c.gist.briefQuoteIds)),
    terms,
    names,
    // The stories already answer the question: their quotes are ranked by it, not filtered.
    minCoverage: 0,
    now: ctx.now,
  });
  const quotes = await citeQuotes(ctx.store, pickQuotes(indexed, QUOTES, 2), citations, known2);
  understood.focus.people = [...new Set([...understood.focus.people, ...peopleOf(quotes)])];
  const answer = composeAnswer({ title: question, parts, quotes, citations, understood });
  const pool = await citeQuotes(ctx.store, pickQuotes(indexed, 12, 3), citations, known2);
  return { answer, cited, quotePool: pool, question, synthesize: true };
}

/**
 * Entities named in a question: capitalised phrases and acronyms ("TSMC", "Entity List", "Xinkailai")
 * that the store has tagged (directly or as an alias).
 */
export async function namedEntities(ctx: ModeContext, question: string): Promise<ResolvedEntity[]> {
  const cands =
    question.match(/\b[A-Z][\p{L}\p{N}&.-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\p{L}\p{N}&.-]*)*/gu) ?? [];
  const out: ResolvedEntity[] = [];
  const skip =
    /^(What|Who|How|Why|When|Where|Which|Is|Are|Did|Does|Do|Has|Have|Can|Could|Will|Would|Should|Tell|The|And|I|A|An)$/;
  for (const raw of cands.slice(0, MAX_NAMES + 2)) {
    const c = raw
      .replace(/^(?:What|Who|How|Why|When|Where|Which|Is|Are|Did|Does|Do|Has|Have|Tell|The|And)\s+/, '')
      .trim();
    if (!c || skip.test(c)) continue;
    const e = await resolveEntity(ctx.store, c);
    if (e && !out.some((x) => x.canonical === e.canonical)) out.push(e);
    if (out.length >= MAX_NAMES) break;
  }
  return out;
}

/** Topic words that are not part of a named entity: what the stories must also be about. */
function otherTerms(terms: readonly string[], names: readonly string[]): string[] {
  const inNames = new Set(names.flatMap((n) => topicTerms(n, 20)));
  return terms.filter((t) => !inNames.has(t));
}
