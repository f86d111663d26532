import { normalizeText } from '../articles/identity.js';
import type { EntityKind, Mention } from '../entities/mention.js';
import { resolveEntity as gazetteerEntity, listEntities } from '../entities/resolve.js';
import type { Store } from '../store/port.js';

/** A name the user typed, resolved to the gazetteer's canonical entity, with the names articles use for it. */
export interface ResolvedEntity {
  kind: EntityKind;
  canonical: string;
  /** The canonical name and every alias seen in stored mentions (Xinkailai for SiCarrier). */
  names: string[];
}

/** How many articles are sampled to learn an entity's aliases. */
const SAMPLE = 12;

/**
 * Resolves a name to an entity: the gazetteer first (canonical names and aliases: Xinkailai -> SiCarrier),
 * then, for people, what the store's mentions know (a name or surname found through full-text search).
 * Null when neither knows the name. `kinds` restricts (and orders) the kinds tried.
 */
export async function resolveEntity(
  store: Store,
  name: string,
  kinds: readonly EntityKind[] = ['firm', 'policy', 'person', 'chip'],
): Promise<ResolvedEntity | null> {
  const want = normalizeText(name);
  if (!want) return null;
  const known = gazetteerEntity(name);
  if (known && kinds.includes(known.kind)) {
    const info = listEntities(known.kind).find((e) => e.canonical === known.canonical);
    return { ...known, names: unique([known.canonical, ...(info?.aliases ?? [])]) };
  }
  // The tagger names firms, policies and chips by the gazetteer only, so a name it does not know can
  // only be a person (a speaker named in full elsewhere, "Miller" for "Chris Miller").
  if (!kinds.includes('person')) return null;
  // An alias: articles whose text has the name, and a mention there whose surface (or canonical) is it.
  const hits = await store.searchArticles(name, 20);
  const votes = new Map<string, { kind: EntityKind; canonical: string; n: number }>();
  for (const h of hits) {
    for (const m of await store.getMentions(h.articleId)) {
      if (m.kind !== 'person' || !namesMatch(want, m)) continue;
      const key = `${m.kind}\u0000${m.canonical}`;
      const v = votes.get(key) ?? { kind: m.kind, canonical: m.canonical, n: 0 };
      v.n++;
      votes.set(key, v);
    }
  }
  const best = [...votes.values()].sort((a, b) => b.n - a.n || (a.canonical < b.canonical ? -1 : 1))[0];
  if (!best) return null;
  const arts = await store.articlesMentioning(best.kind, best.canonical, SAMPLE);
  return withAliases(
    store,
    best.kind,
    best.canonical,
    arts.map((a) => a.id),
  );
}

/** A typed name matches a mention when it equals its surface or canonical form, or is a whole-word part of it. */
function namesMatch(want: string, m: Mention): boolean {
  const forms = [normalizeText(m.surface), normalizeText(m.canonical)];
  return forms.some((f) => f === want || (want.length >= 4 && ` ${f} `.includes(` ${want} `)));
}

async function withAliases(
  store: Store,
  kind: EntityKind,
  canonicalAsTyped: string,
  articleIds: readonly string[],
): Promise<ResolvedEntity> {
  const names = new Map<string, string>();
  let canonical = canonicalAsTyped;
  const key = normalizeText(canonicalAsTyped);
  for (const id of articleIds) {
    for (const m of await store.getMentions(id)) {
      if (m.kind !== kind || normalizeText(m.canonical) !== key) continue;
      canonical = m.canonical;
      for (const n of [m.canonical, m.surface]) {
        const k = normalizeText(n);
        if (k && !names.has(k)) names.set(k, n);
      }
    }
  }
  if (!names.has(key)) names.set(key, canonical);
  return { kind, canonical, names: [...names.values()] };
}

/** Names without repeats (by normalised form), longest first so a phrase wins over its abbreviation. */
function unique(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = normalizeText(n);
    if (k && !seen.has(k)) seen.set(k, n);
  }
  return [...seen.values()];
}
