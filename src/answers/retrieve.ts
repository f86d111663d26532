import type { Article } from '../articles/article.js';
import { normalizeText } from '../articles/identity.js';
import type { Store } from '../store/port.js';
import type { ResolvedEntity } from './resolve-entity.js';
import { addBriefEvidence, coverageWith } from './retrieve-briefs.js';
import { stem, termCoverage } from './text-match.js';

/** A story found for a question: its canonical article, every copy, and the copies that matched. */
export interface RetrievedStory {
  storyId: string;
  score: number;
  canonical: Article;
  /** Canonical first, then by date: reprints and spun copies are here, never separate stories. */
  members: Article[];
  matched: Article[];
  /** Entities of the query this story's articles are tagged with. */
  entityHits: string[];
  /** Share of the query's topic words found in the best matching copy. */
  coverage: number;
}

export interface RetrieveQuery {
  terms: readonly string[];
  entities: readonly ResolvedEntity[];
  /** Stories of the thread (digest or earlier answers): ranked first when they match at all. */
  preferStoryIds?: readonly string[];
  /** When true and the query has no topic words, the preferred stories are returned as they are. */
  preferWithoutTerms?: boolean;
  limit: number;
  now: Date;
  /**
   * Share of topic words a story must contain when no entity matched it. Firm and policy commands ask for
   * every word of the name; free questions for half.
   */
  minCoverage: number;
  /**
   * Topic words every story must cover (share 0..1), entity match or not: "tariffs" in "how do tariffs
   * hit TSMC?", so TSMC's other stories do not pad the answer.
   */
  required?: { terms: readonly string[]; share: number };
  /**
   * Whether to run full-text search when entities are given (default true). Firm and policy commands
   * turn it off: the tagger already found every alias, and BM25 over a word as common as "export" is the
   * most expensive query an answer makes.
   */
  ftsWithEntities?: boolean;
  /**
   * Whether briefs count as evidence (free questions): a story's brief may say in other words what its
   * copies say, and finds stories the article search cut off.
   */
  briefs?: boolean;
}

const FTS_LIMIT = 80;
const ENTITY_LIMIT = 60;
/** Below this share of the best story's score a story is noise, not an answer. */
const RELATIVE_FLOOR = 0.3;

/** A story while it is being ranked (exported for retrieve-briefs.ts). */
export interface Candidate {
  key: string;
  fts: number;
  coverage: number;
  entityHits: Set<string>;
  matched: Map<string, Article>;
  newest: number;
  /** How central the entity is to the story (0..1): named in the title, named often. */
  prominence: number;
  /** Stems of the story's latest brief, when its briefs matched the question. */
  brief?: Set<string>;
}

/** Story key of an article not (yet) assigned to a story: it is its own story. */
export function storyKeyOf(a: Pick<Article, 'id' | 'storyId'>): string {
  return a.storyId ?? `article:${a.id}`;
}

/**
 * Finds the stories that answer a query: BM25 over articles plus entity/alias matches, weighted for
 * recency and for the thread's stories, with every copy of a story collapsed into one result.
 */
export async function retrieveStories(store: Store, q: RetrieveQuery): Promise<RetrievedStory[]> {
  const cands = new Map<string, Candidate>();
  const words = articleWords();
  const cand = (a: Article): Candidate => {
    const key = storyKeyOf(a);
    let c = cands.get(key);
    if (!c) {
      c = { key, fts: 0, coverage: 0, entityHits: new Set(), matched: new Map(), newest: 0, prominence: 0 };
      cands.set(key, c);
    }
    c.matched.set(a.id, a);
    c.newest = Math.max(c.newest, dateOf(a));
    return c;
  };

  if (q.terms.length > 0 && (q.entities.length === 0 || q.ftsWithEntities !== false)) {
    const hits = await store.searchArticles(q.terms.join(' '), FTS_LIMIT);
    const top = Math.max(1e-9, ...hits.map((h) => h.score));
    const arts = new Map((await store.getArticles(hits.map((h) => h.articleId))).map((a) => [a.id, a]));
    for (const h of hits) {
      const a = arts.get(h.articleId);
      if (!a) continue;
      const cov = termCoverage(q.terms, words(a).stems);
      const c = cand(a);
      c.coverage = Math.max(c.coverage, cov);
      c.fts = Math.max(c.fts, 0.5 * (h.score / top) + 0.5 * cov);
    }
    if (q.briefs) {
      const cut = hits.length >= FTS_LIMIT ? Math.min(...hits.map((h) => h.score / top)) : 1;
      await addBriefEvidence(store, q.terms, cands, cand, (a) => words(a).stems, cut);
    }
  }
  for (const e of q.entities) {
    const names = e.names.map((n) => ` ${normalizeText(n)} `).filter((n) => n.trim());
    for (const a of await store.articlesMentioning(e.kind, e.canonical, ENTITY_LIMIT)) {
      const c = cand(a);
      c.entityHits.add(e.canonical);
      c.prominence = Math.max(c.prominence, prominence(a, names));
    }
    // Names the tagger missed in some copy still count when the article says them in full.
    for (const c of cands.values()) {
      if (c.entityHits.has(e.canonical)) continue;
      for (const a of c.matched.values()) {
        const padded = words(a).padded;
        if (names.some((n) => padded.includes(n))) c.entityHits.add(e.canonical);
      }
    }
  }

  const prefer = new Set(q.preferStoryIds ?? []);
  if (prefer.size > 0 && q.terms.length === 0 && q.entities.length === 0 && q.preferWithoutTerms) {
    for (const id of prefer) {
      const members = await store.storyMembers(id);
      if (members[0]) {
        const c = cand(members[0]);
        c.coverage = 1;
        c.fts = 1;
      }
    }
  }

  const nowMs = q.now.getTime();
  const scored: { c: Candidate; score: number }[] = [];
  const req = q.required && q.required.terms.length > 0 ? q.required : null;
  for (const c of cands.values()) {
    const entity = c.entityHits.size > 0;
    if (!entity && c.coverage < q.minCoverage) continue;
    if (
      req &&
      ![...c.matched.values()].some((a) => coverageWith(req.terms, words(a).stems, c.brief) >= req.share)
    )
      continue;
    const base =
      c.fts +
      (entity ? 0.6 + 0.2 * c.entityHits.size + 0.4 * c.prominence : 0) +
      (prefer.has(c.key) ? 0.6 : 0);
    scored.push({ c, score: base * recency(nowMs, c.newest) });
  }
  scored.sort((a, b) => b.score - a.score || (a.c.key < b.c.key ? -1 : 1));
  const best = scored[0]?.score ?? 0;
  const kept = scored.filter((s) => s.score >= best * RELATIVE_FLOOR).slice(0, q.limit);

  const out: RetrievedStory[] = [];
  for (const { c, score } of kept) {
    const matched = [...c.matched.values()];
    const members = c.key.startsWith('article:') ? matched : await store.storyMembers(c.key);
    const all = members.length > 0 ? members : matched;
    out.push({
      storyId: c.key,
      score,
      canonical: all[0]!,
      members: all,
      matched,
      entityHits: [...c.entityHits],
      coverage: c.coverage,
    });
  }
  return out;
}

/** Milliseconds of an article's date: published, else fetched. */
export function dateOf(a: Pick<Article, 'publishedAt' | 'fetchedAt'>): number {
  const t = Date.parse(a.publishedAt ?? a.fetchedAt);
  return Number.isFinite(t) ? t : 0;
}

/** Recent news counts more, but an old story that answers the question still beats a fresh one that does not. */
export function recency(nowMs: number, thenMs: number): number {
  const days = Math.max(0, (nowMs - thenMs) / 86_400_000);
  return 0.6 + 0.4 * Math.exp(-days / 21);
}

/** LEAD characters of text in which a central entity is named: reporters name it early. */
const LEAD_CHARS = 1500;

/** 1 when the title names the entity and the lead names it three times or more; less for a passing mention. */
function prominence(a: Article, names: readonly string[]): number {
  const title = ` ${normalizeText(a.title)} `;
  const inTitle = names.some((n) => title.includes(n)) ? 0.5 : 0;
  const lead = ` ${normalizeText(a.text.slice(0, LEAD_CHARS))} `;
  let count = 0;
  for (const n of names) {
    for (let i = lead.indexOf(n); i >= 0 && count < 3; i = lead.indexOf(n, i + n.length - 1)) count++;
  }
  return inTitle + (0.5 * Math.min(count, 3)) / 3;
}

/** Normalised words of an article (title and text), computed once per article and query. */
function articleWords(): (a: Article) => { padded: string; stems: Set<string> } {
  const cache = new Map<string, { padded: string; stems: Set<string> }>();
  return (a) => {
    let w = cache.get(a.id);
    if (!w) {
      const norm = normalizeText(`${a.title}\n${a.text}`);
      w = { padded: ` ${norm} `, stems: new Set(norm.split(' ').map(stem)) };
      cache.set(a.id, w);
    }
    return w;
  };
}
