import type { CitedStory, ModeContext } from './draft.js';
import { type IndexedQuote, indexQuotes } from './quote-index.js';
import { quotesOfStories } from './quote-picks.js';
import type { ResolvedEntity } from './resolve-entity.js';
import { type RetrievedStory, retrieveStories } from './retrieve.js';
import { topicTerms } from './text-match.js';

/**
 * What the `firm` and `policy` answers look up about one named entity. Both modes read the same
 * stories and quotes; they differ in how they order and word them.
 */

/**
 * Up to `limit` stories about the entity (aliases resolved) or, when it is not in the gazetteer, about
 * the words typed: a story no entity lookup found must contain every word of the name. No full-text
 * search when the entity is known: the tagger already found every alias (see RetrieveQuery).
 */
export function entityStories(
  ctx: ModeContext,
  typed: string,
  entity: ResolvedEntity | null,
  limit: number,
): Promise<RetrievedStory[]> {
  return retrieveStories(ctx.store, {
    terms: topicTerms(typed),
    entities: entity ? [entity] : [],
    preferStoryIds: ctx.prefer,
    limit,
    now: ctx.now,
    minCoverage: 1,
    ftsWithEntities: false,
  });
}

/**
 * The quotes of those stories whose paragraph (or the one before) names the entity by any of `names`,
 * indexed and ranked, the quotes the stories' briefs picked a little higher.
 */
export async function entityQuotes(
  ctx: ModeContext,
  stories: readonly RetrievedStory[],
  cited: readonly CitedStory[],
  names: readonly string[],
): Promise<IndexedQuote[]> {
  return indexQuotes(ctx.store, await quotesOfStories(ctx.store, stories), {
    briefPicks: new Set(cited.flatMap((c) => c.gist.briefQuoteIds)),
    terms: [],
    names,
    requireNames: true,
    minCoverage: 0,
    now: ctx.now,
  });
}
