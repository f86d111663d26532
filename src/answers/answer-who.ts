import type { QuoteHit } from '../store/port.js';
import { CitationList } from './citations.js';
import { composeAnswer } from './compose.js';
import type { AnswerDraft, ModeContext } from './draft.js';
import { clip, marks, shortDate, speakerLabel } from './format.js';
import { nothingFound } from './nothing-found.js';
import { type IndexedQuote, indexQuotes } from './quote-index.js';
import { citeQuotes, peopleOf, pickQuotes, quotesOfStories } from './quote-picks.js';
import { storiesFromQuotes } from './quote-stories.js';
import type { ResolvedEntity } from './resolve-entity.js';
import { type RetrievedStory, retrieveStories } from './retrieve.js';
import { topicTerms } from './text-match.js';

const QUOTES = 12;
const PER_SPEAKER = 3;
const STORIES = 10;
const QUOTE_HITS = 120;
/** Fewer stories than this from the quote search and the articles are searched too. */
const ENOUGH_STORIES = 3;
/** Share of the best quote's score a quote needs to be listed. */
const FLOOR = 0.45;
/** Most characters between two pieces of one split quote (the cue and attribution between them). */
const PIECE_GAP = 120;

/**
 * `who <topic>`: the quote index. Every quote on the topic, verbatim, with its speaker, role, date and
 * source; each quote once however many outlets carried it; grouped by speaker, the most on-topic first.
 */
export async function whoAnswer(
  ctx: ModeContext,
  topic: string,
  entity: ResolvedEntity | null,
): Promise<AnswerDraft> {
  const terms = entity ? [] : topicTerms(topic);
  const names = entity?.names ?? [];
  const understood = {
    question: `who ${topic}`,
    focus: {
      people: [] as string[],
      firms: entity?.kind === 'firm' ? [entity.canonical] : [],
      policies: entity?.kind === 'policy' ? [entity.canonical] : [],
      topic,
    },
  };
  if (terms.length === 0 && names.length === 0) {
    const answer = nothingFound(topic, ['who export controls', 'help'], understood);
    return { answer, cited: [], quotePool: [], question: understood.question, synthesize: false };
  }
  let stories: RetrievedStory[];
  let direct: QuoteHit[] = [];
  const search = {
    terms,
    entities: entity ? [entity] : [],
    preferStoryIds: ctx.prefer,
    limit: STORIES,
    now: ctx.now,
    minCoverage: 0.5,
  };
  if (entity) {
    // An entity's quotes are in the stories tagged with it (a quote naming it makes its article mention it).
    stories = await retrieveStories(ctx.store, search);
  } else {
    // A free topic: the quotes that say its words, their stories, and the article search only when the
    // quotes find too few stories (it is the costliest query over a large store).
    direct = await ctx.store.searchQuotes(terms.join(' '), QUOTE_HITS);
    stories = await storiesFromQuotes(ctx.store, direct, {
      terms,
      prefer: ctx.prefer,
      limit: STORIES,
      now: ctx.now,
    });
    if (stories.length < ENOUGH_STORIES) {
      const more = await retrieveStories(ctx.store, search);
      const have = new Set(stories.map((s) => s.storyId));
      stories = [...stories, ...more.filter((s) => !have.has(s.storyId))].sort((a, b) => b.score - a.score);
    }
  }
  const candidates = [...direct.map((h) => h.quote), ...(await quotesOfStories(ctx.store, stories))];
  const indexed = await indexQuotes(ctx.store, candidates, {
    terms,
    names,
    requireNames: names.length > 0,
    // Half the topic words, in the quote or the paragraph that frames it; every word of a one-word topic.
    minCoverage: terms.length <= 1 ? 1 : 0.5,
    now: ctx.now,
    storyRelevance: relevance(stories),
  });
  if (indexed.length === 0) {
    const answer = nothingFound(
      topic,
      [`ask ${topic}`, `policy ${topic}`],
      understood,
      `Nobody is quoted on \u201c${topic}\u201d in the articles collected so far.`,
    );
    return { answer, cited: [], quotePool: [], question: understood.question, synthesize: false };
  }
  const picks = bySpeaker(withPieces(pickQuotes(onTopic(indexed), QUOTES, PER_SPEAKER), indexed));
  const citations = new CitationList();
  const known = new Map(stories.map((s) => [s.storyId, s]));
  const quotes = await citeQuotes(ctx.store, picks, citations, known);

  const speakers = new Map<string, { label: string; ns: number[]; dates: number[] }>();
  picks.forEach((p, i) => {
    const q = quotes[i];
    if (!q) return;
    const s = speakers.get(p.speakerKey) ?? { label: speakerLabel(q.speaker), ns: [], dates: [] };
    s.ns.push(q.n ?? 0);
    s.dates.push(p.firstSaid);
    speakers.set(p.speakerKey, s);
  });
  const storyCount = new Set(quotes.map((q) => q.n)).size;
  const parts = [
    `Who said what on \u201c${clip(topic, 80)}\u201d: ${quotes.length} ${quotes.length === 1 ? 'quote' : 'quotes'} from ${speakers.size} ${speakers.size === 1 ? 'speaker' : 'speakers'} in ${storyCount} ${storyCount === 1 ? 'story' : 'stories'}, each shown once however many outlets carried it.`,
    ...[...speakers.values()].map((s) => {
      const latest = shortDate(new Date(Math.max(...s.dates)).toISOString());
      const count = s.ns.length === 1 ? '1 quote' : `${s.ns.length} quotes`;
      return `${s.label}: ${count}${latest ? `, latest ${latest}` : ''} ${marks(s.ns)}`;
    }),
  ];
  understood.focus.people = peopleOf(quotes);
  const answer = composeAnswer({ title: `Who said what: ${topic}`, parts, quotes, citations, understood });
  return { answer, cited: [], quotePool: quotes, question: understood.question, synthesize: false };
}

/** Each retrieved story's relevance relative to the best one, for the quotes it holds. */
function relevance(stories: readonly RetrievedStory[]): Map<string, number> {
  const best = stories[0]?.score ?? 0;
  return new Map(stories.map((s) => [s.storyId, best > 0 ? (0.75 * s.score) / best : 0]));
}

/** Keeps the speakers in order of their best quote, each speaker's quotes together, newest first. */
function bySpeaker(picks: readonly IndexedQuote[]): IndexedQuote[] {
  const order: string[] = [];
  const groups = new Map<string, IndexedQuote[]>();
  for (const p of picks) {
    if (!groups.has(p.speakerKey)) {
      order.push(p.speakerKey);
      groups.set(p.speakerKey, []);
    }
    groups.get(p.speakerKey)!.push(p);
  }
  return order.flatMap((k) =>
    groups
      .get(k)!
      .sort(
        (a, b) =>
          b.firstSaid - a.firstSaid ||
          (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0) ||
          a.quote.start - b.quote.start,
      ),
  );
}

/** Quotes close enough to the best one: a quote that only shares a word with the topic is not on it. */
function onTopic(items: readonly IndexedQuote[]): IndexedQuote[] {
  const best = items[0]?.score ?? 0;
  return items.filter((i) => i.score >= best * FLOOR);
}

/**
 * Adds the other pieces of a split quote ("Etch and deposition are hard," ... "but lithography is ..."):
 * the same speaker in the same paragraph of the same article, right before or after a kept piece.
 */
function withPieces(picks: readonly IndexedQuote[], all: readonly IndexedQuote[]): IndexedQuote[] {
  const out = [...picks];
  for (const p of picks) {
    for (const o of all) {
      if (out.includes(o) || o.article.id !== p.article.id || o.speakerKey !== p.speakerKey) continue;
      const [a, b] = o.quote.start > p.quote.start ? [p.quote, o.quote] : [o.quote, p.quote];
      const gap = p.article.text.slice(a.end, b.start);
      if (gap.length <= PIECE_GAP && !gap.includes('\n')) out.push(o);
    }
  }
  return out;
}
