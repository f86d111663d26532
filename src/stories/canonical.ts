import { compareWordChoice } from './spun-copy.js';

/** What choosing a story's canonical article looks at, per member. */
export interface CanonicalCandidate {
  id: string;
  publishedAt: string | null;
  /** Configured source priority: higher is preferred. */
  sourcePriority?: number;
  /** Cleaned body text. */
  text: string;
}

/**
 * A member is a spun copy of another when, at the places where the two differ word for word, its words
 * are on average this much rarer (log2 frequency rank) than the other's, over at least SPUN_MIN_SWAPS
 * places. A 15-30% synonym swap scores 1.7-4 over 15-40 places; reprints differing in boilerplate, a
 * byline or a trimmed paragraph have no such places.
 */
export const SPUN_MIN_RARER = 1;
export const SPUN_MIN_SWAPS = 5;
/** Most members a candidate is compared with: word alignment costs ~1 ms per pair. */
const MAX_COMPARED = 24;

function time(iso: string | null): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

function byKey<T extends CanonicalCandidate>(a: T, b: T): number {
  const ta = time(a.publishedAt) ?? Number.POSITIVE_INFINITY;
  const tb = time(b.publishedAt) ?? Number.POSITIVE_INFINITY;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const pa = a.sourcePriority ?? 0;
  const pb = b.sourcePriority ?? 0;
  if (pa !== pb) return pb - pa;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** True when `member` reads as a spun copy of one of `others`. */
export function isSpunCopy(member: CanonicalCandidate, others: readonly CanonicalCandidate[]): boolean {
  for (const o of others.slice(0, MAX_COMPARED)) {
    if (o.id === member.id) continue;
    const c = compareWordChoice(member.text, o.text);
    if (c.swaps >= SPUN_MIN_SWAPS && c.rarer >= SPUN_MIN_RARER) return true;
  }
  return false;
}

/**
 * Members best first: the canonical article, then the rest (the "also reported by" order: date,
 * source priority, id).
 * When every member has a date, the earliest published is canonical (a spun copy loses a tie on date).
 * When some dates are missing, dates cannot be trusted to find the original, so the canonical is the
 * first member in (date, source priority, id) order that is not a spun copy of another member: a
 * rewrite cannot predate its source.
 */
export function rankMembers<T extends CanonicalCandidate>(members: readonly T[]): T[] {
  const ordered = [...members].sort(byKey);
  if (ordered.length < 2) return ordered;
  const allDated = ordered.every((m) => time(m.publishedAt) !== null);
  let pool = ordered;
  if (allDated) {
    const first = time(ordered[0]!.publishedAt);
    pool = ordered.filter((m) => time(m.publishedAt) === first);
    if (pool.length < 2) return ordered;
  }
  const canonical = pool.find((m) => !isSpunCopy(m, ordered)) ?? ordered[0]!;
  return [canonical, ...ordered.filter((m) => m !== canonical)];
}

/** The canonical article of a story: the first of `rankMembers`, or null for no members. */
export function chooseCanonical(members: readonly CanonicalCandidate[]): string | null {
  return rankMembers(members)[0]?.id ?? null;
}
