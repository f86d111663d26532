import { GAZETTEER } from './gazetteer/index.js';
import { lookupWords, wordsOf } from './matcher.js';
import type { EntityKind } from './mention.js';

export interface EntityInfo {
  kind: EntityKind;
  canonical: string;
  aliases: readonly string[];
  /** Finer kind for firms ('company', 'agency', 'research', 'association', 'media'). */
  type?: string;
}

/**
 * The gazetteer entity a name refers to, or null. For names handed over on purpose (a user's question,
 * an autocomplete box, a quote's speaker): the exact case wins, and otherwise any case is accepted
 * ("xinkailai" -> SiCarrier, "arm" -> Arm) as long as only one entity has that alias.
 * A trailing possessive is ignored ("Nvidia's" -> Nvidia).
 */
export function resolveEntity(name: string): { kind: EntityKind; canonical: string } | null {
  const cleaned = name.trim().replace(/['\u2019]s?$/u, '');
  const words = wordsOf(cleaned);
  if (words.length === 0 || words.length > 12) return null;
  const found = lookupWords(words);
  if (found.length === 0) return null;
  const exact = found.filter((f) => f.exactCase);
  const pool = exact.length > 0 ? exact : found;
  const distinct = new Map(pool.map((f) => [`${f.term.kind}:${f.term.entry.canonical}`, f.term]));
  if (distinct.size !== 1) return null;
  const term = [...distinct.values()][0]!;
  return { kind: term.kind, canonical: term.entry.canonical };
}

/** All gazetteer entities of one kind, sorted by canonical name (for autocomplete and the answers engine). */
export function listEntities(kind: EntityKind): EntityInfo[] {
  return GAZETTEER[kind]
    .map((e) => {
      const info: EntityInfo = { kind, canonical: e.canonical, aliases: e.aliases };
      const type = e.type ?? (kind === 'firm' ? 'company' : undefined);
      if (type) info.type = type;
      return info;
    })
    .sort((a, b) => a.canonical.localeCompare(b.canonical));
}
