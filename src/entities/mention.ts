export type EntityKind = 'firm' | 'person' | 'policy' | 'chip';

/** One entity named in an article: `canonical` is the gazetteer name, `surface` the words used. */
export interface Mention {
  kind: EntityKind;
  canonical: string;
  surface: string;
  /** Offset of the first occurrence in the article text. */
  start: number;
  /** How many times the article names it (any alias). */
  count: number;
}

export interface EntitySummary {
  firms: string[];
  people: string[];
  policies: string[];
  chips: string[];
}

export function summarizeMentions(mentions: readonly Mention[]): EntitySummary {
  const pick = (k: EntityKind) => [...new Set(mentions.filter((m) => m.kind === k).map((m) => m.canonical))];
  return { firms: pick('firm'), people: pick('person'), policies: pick('policy'), chips: pick('chip') };
}
