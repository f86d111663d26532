import type { Article } from '../articles/article.js';
import { outletOf } from '../briefs/brief-view.js';
import type { Filters } from '../config.js';
import type { Mention } from '../entities/mention.js';
import type { Store } from '../store/port.js';
import type { Story } from '../stories/story.js';

/** A candidate story with what ranking needs. */
export interface RankedStory {
  story: Story;
  /** How well it matches the subscription's filters (0 when there are none). */
  match: number;
  /** Distinct outlets carrying it. */
  coverage: number;
  members: number;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-word, case-insensitive: "Arm" must not match "army". */
function containsTerm(text: string, term: string): boolean {
  const t = term.trim();
  if (!t) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(t)}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

function termScore(
  term: string,
  kind: Mention['kind'] | null,
  mentions: readonly Mention[],
  title: string,
  text: string,
): number {
  const t = term.trim().toLowerCase();
  if (!t) return 0;
  const named = mentions.some(
    (m) =>
      (kind === null || m.kind === kind) &&
      (m.canonical.toLowerCase() === t || m.surface.toLowerCase() === t),
  );
  if (named) return 3;
  if (containsTerm(title, term)) return 2;
  return containsTerm(text, term) ? 1 : 0;
}

/**
 * Match of one story to filters: per firm or policy term 3 when an entity mention names it, else 2
 * when the title has the words, 1 when the text has them; per keyword 2 (title) or 1 (text).
 */
export function filterMatch(
  filters: Filters,
  canonical: Pick<Article, 'title' | 'text'>,
  mentions: readonly Mention[],
): number {
  let score = 0;
  for (const f of filters.firms) score += termScore(f, 'firm', mentions, canonical.title, canonical.text);
  for (const p of filters.policies)
    score += termScore(p, 'policy', mentions, canonical.title, canonical.text);
  for (const k of filters.keywords) score += termScore(k, null, [], canonical.title, canonical.text);
  return score;
}

/**
 * Orders candidate stories: best filter match first, then widest coverage (distinct outlets), then
 * more copies, then first seen, then id. Deterministic for the same store state.
 */
export async function rankStories(
  store: Store,
  stories: readonly Story[],
  filters: Filters,
): Promise<RankedStory[]> {
  const ranked: RankedStory[] = [];
  for (const story of stories) {
    const members = await store.storyMembers(story.id);
    const canonical = members.find((a) => a.id === story.canonicalArticleId) ?? members[0];
    if (!canonical) continue;
    const mentions: Mention[] = [];
    for (const a of members) mentions.push(...(await store.getMentions(a.id)));
    ranked.push({
      story,
      match: filterMatch(filters, canonical, mentions),
      coverage: new Set(members.map((a) => outletOf(a).toLowerCase())).size,
      members: members.length,
    });
  }
  return ranked.sort(
    (a, b) =>
      b.match - a.match ||
      b.coverage - a.coverage ||
      b.members - a.members ||
      (a.story.firstSeen < b.story.firstSeen ? -1 : a.story.firstSeen > b.story.firstSeen ? 1 : 0) ||
      (a.story.id < b.story.id ? -1 : a.story.id > b.story.id ? 1 : 0),
  );
}
