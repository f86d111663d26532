import { compareSketches, type MatchReason } from './match.js';
import type { MemoryStoryIndex } from './memory-index.js';
import { decodeSketch, encodeSketch, type SketchedInput, type StorySketch, sketchInput } from './sketch.js';
import type { StoryIndex } from './story-index.js';
import type { StoryInput } from './story-input.js';

/** Most candidates confirmed per lookup: those sharing the most index keys come first. */
export const CANDIDATE_LIMIT = 64;

/** An indexed article judged the same story as the new one. */
export interface StoryMatch {
  articleId: string;
  reason: MatchReason;
  /** Index keys the two share (how the candidate was found). */
  sharedKeys: number;
}

/** Result of matching one article against the index. */
export interface StoryAssignment {
  articleId: string;
  /** The article's encoded sketch, as written to the index. */
  sketch: string;
  /** The article's index keys, as written to the index. */
  keys: string[];
  /** Same-story articles already indexed, in id order. Empty: the article starts a new story. */
  matches: StoryMatch[];
  matchedArticleIds: string[];
}

type Candidate = { articleId: string; shared: number };

function decodeOrNull(s: string | undefined): StorySketch | null {
  if (s === undefined) return null;
  try {
    return decodeSketch(s);
  } catch {
    // A sketch of an older version cannot be compared; re-indexing brings it back.
    return null;
  }
}

function confirm(
  id: string,
  sketch: StorySketch,
  candidates: readonly Candidate[],
  sketches: Map<string, string>,
): StoryMatch[] {
  const matches: StoryMatch[] = [];
  for (const c of candidates) {
    if (c.articleId === id) continue;
    const other = decodeOrNull(sketches.get(c.articleId));
    if (!other) continue;
    const cmp = compareSketches(sketch, other);
    if (cmp.same && cmp.reason)
      matches.push({ articleId: c.articleId, reason: cmp.reason, sharedKeys: c.shared });
  }
  return matches.sort((a, b) => (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0));
}

function result(id: string, s: SketchedInput, encoded: string, matches: StoryMatch[]): StoryAssignment {
  return {
    articleId: id,
    sketch: encoded,
    keys: s.keys,
    matches,
    matchedArticleIds: matches.map((m) => m.articleId),
  };
}

/** Finds the indexed articles that are the same story as `input`, without writing anything. */
export async function findStoryMatches(
  index: Pick<StoryIndex, 'findByIndexKeys' | 'getSketches'>,
  input: StoryInput,
  options: { candidateLimit?: number; sketched?: SketchedInput } = {},
): Promise<{ sketched: SketchedInput; matches: StoryMatch[] }> {
  const sketched = options.sketched ?? sketchInput(input);
  const candidates = await index.findByIndexKeys(sketched.keys, options.candidateLimit ?? CANDIDATE_LIMIT);
  if (candidates.length === 0) return { sketched, matches: [] };
  const sketches = await index.getSketches(candidates.map((c) => c.articleId));
  return { sketched, matches: confirm(input.id, sketched.sketch, candidates, sketches) };
}

/**
 * Matches an arriving article against the index, then indexes it (sketch and keys) so later copies
 * find it. Idempotent: assigning the same article again finds the same matches and writes the same rows.
 */
export async function assignStory(
  index: StoryIndex,
  input: StoryInput,
  options: { candidateLimit?: number } = {},
): Promise<StoryAssignment> {
  const { sketched, matches } = await findStoryMatches(index, input, options);
  const encoded = encodeSketch(sketched.sketch);
  await index.putSketch(input.id, encoded);
  await index.addIndexKeys(input.id, sketched.keys);
  return result(input.id, sketched, encoded, matches);
}

/** `assignStory` on the in-memory index, synchronously (batch clustering). */
export function assignStoryNow(
  index: MemoryStoryIndex,
  input: StoryInput,
  options: { candidateLimit?: number } = {},
): StoryAssignment {
  const sketched = sketchInput(input);
  const candidates = index.findByIndexKeysNow(sketched.keys, options.candidateLimit ?? CANDIDATE_LIMIT);
  const sketches = index.getSketchesNow(candidates.map((c) => c.articleId));
  const matches = candidates.length ? confirm(input.id, sketched.sketch, candidates, sketches) : [];
  const encoded = encodeSketch(sketched.sketch);
  index.putSketchNow(input.id, encoded);
  index.addIndexKeysNow(input.id, sketched.keys);
  return result(input.id, sketched, encoded, matches);
}
