import { normalizeText } from '../articles/identity.js';
import { CitationList } from './citations.js';
import { composeAnswer } from './compose.js';
import type { AnswerDraft, CitedStory, ModeContext } from './draft.js';
import { entityQuotes, entityStories } from './entity-search.js';
import { listOf, marks, shortDate } from './format.js';
import { nothingFound } from './nothing-found.js';
import { citeQuotes, peopleOf, pickQuotes } from './quote-picks.js';
import type { ResolvedEntity } from './resolve-entity.js';
import { dateOf } from './retrieve.js';
import { storyGist } from './story-gist.js';

const STORIES = 5;
const QUOTES = 5;

/**
 * `firm <name>`: the firm's recent stories (newest first, aliases resolved), key quotes by and about it,
 * and the policies its stories are about.
 */
export async function firmAnswer(
  ctx: ModeContext,
  typed: string,
  entity: ResolvedEntity | null,
): Promise<AnswerDraft> {
  const name = entity?.canonical ?? typed;
  const names = entity?.names ?? [typed];
  const understood = {
    question: `firm ${name}`,
    focus: { people: [] as string[], firms: [name], policies: [] as string[], topic: null },
  };
  const stories = await entityStories(ctx, typed, entity, STORIES);
  if (stories.length === 0) {
    const answer = nothingFound(typed, [`who ${typed}`, `ask ${typed}`], understood);
    return { answer, cited: [], quotePool: [], question: understood.question, synthesize: false };
  }
  // Newest first, by the date each line shows (its canonical article's).
  const recent = [...stories].sort((a, b) => dateOf(b.canonical) - dateOf(a.canonical));
  const citations = new CitationList();
  const cited: CitedStory[] = [];
  for (const story of recent) {
    cited.push({ n: citations.cite(story), story, gist: await storyGist(ctx.store, story, [], names) });
  }

  const aliases = names.filter((n) => normalizeText(n) !== normalizeText(name)).slice(0, 3);
  const parts = [
    `${name}${aliases.length ? ` (also reported as ${listOf(aliases)})` : ''}: ${cited.length} recent ${cited.length === 1 ? 'story' : 'stories'}.`,
    ...cited.map(
      (c) => `${shortDate(c.story.canonical.publishedAt) ?? 'Undated'}: ${c.gist.sentence} ${marks([c.n])}`,
    ),
  ];
  const context = await policyContext(ctx, cited);
  if (context) parts.push(`Policy context: ${context}.`);

  const known = new Map(stories.map((s) => [s.storyId, s]));
  const indexed = await entityQuotes(ctx, stories, cited, names);
  // Quotes by the firm (its people and spokespeople) first, then quotes about it.
  const ordered = [...indexed.filter((i) => i.by), ...indexed.filter((i) => !i.by)];
  const picks = pickQuotes(ordered, QUOTES, 2);
  const quotes = await citeQuotes(ctx.store, picks, citations, known);
  understood.focus.people = peopleOf(quotes);
  const answer = composeAnswer({ title: `${name}: recent stories`, parts, quotes, citations, understood });
  const pool = await citeQuotes(ctx.store, pickQuotes(ordered, 12, 3), citations, known);
  return { answer, cited, quotePool: pool, question: `What is new on ${name}?`, synthesize: true };
}

/** Policies named in the firm's stories, each with the stories that name it. */
async function policyContext(ctx: ModeContext, cited: readonly CitedStory[]): Promise<string | null> {
  const byPolicy = new Map<string, Set<number>>();
  for (const c of cited) {
    for (const m of await ctx.store.getMentions(c.story.canonical.id)) {
      if (m.kind !== 'policy') continue;
      byPolicy.set(m.canonical, (byPolicy.get(m.canonical) ?? new Set()).add(c.n));
    }
  }
  const top = [...byPolicy.entries()]
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, 4);
  return top.length ? listOf(top.map(([p, ns]) => `${p} ${marks(ns)}`)) : null;
}
