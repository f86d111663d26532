import { listEntities } from '../../src/entities/resolve.js';
import type { Store } from '../../src/store/port.js';
import { LIMITS } from './limits.js';
import { oneLine } from './markdown.js';

export interface Choice {
  name: string;
  value: string;
}

/** Candidates checked against the store per keystroke: small, so the 3 s window is never at risk. */
const STORE_CHECKS = 40;

function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

function choice(name: string, value: string): Choice {
  return { name: oneLine(name).slice(0, LIMITS.choiceName), value: value.slice(0, LIMITS.choiceValue) };
}

/**
 * Firm or policy names for autocomplete, from the gazetteer (canonical names and aliases): names that
 * start with what was typed first, then names containing it; among those, entities the store has
 * articles about first, so what users can actually ask about comes up top.
 */
export async function entityChoices(
  kind: 'firm' | 'policy',
  typed: string,
  store: Pick<Store, 'articlesMentioning'> | null,
): Promise<Choice[]> {
  const q = fold(typed);
  const scored: { canonical: string; alias: string | null; rank: number }[] = [];
  for (const e of listEntities(kind)) {
    const names = [e.canonical, ...e.aliases];
    let best: { alias: string | null; rank: number } | null = null;
    for (const n of names) {
      const f = fold(n);
      const rank = q === '' ? 1 : f.startsWith(q) ? 0 : f.includes(q) ? 1 : -1;
      if (rank < 0) continue;
      if (!best || rank < best.rank) best = { alias: n === e.canonical ? null : n, rank };
    }
    if (best) scored.push({ canonical: e.canonical, ...best });
  }
  scored.sort((a, b) => a.rank - b.rank || a.canonical.localeCompare(b.canonical));
  const top = scored.slice(0, STORE_CHECKS);
  const known = new Set<string>();
  if (store) {
    await Promise.all(
      top.map(async (s) => {
        const hits = await store.articlesMentioning(kind, s.canonical, 1).catch(() => []);
        if (hits.length > 0) known.add(s.canonical);
      }),
    );
  }
  const ordered = [...top].sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(known.has(b.canonical)) - Number(known.has(a.canonical)) ||
      a.canonical.localeCompare(b.canonical),
  );
  return ordered
    .slice(0, LIMITS.autocompleteChoices)
    .map((s) => choice(s.alias ? `${s.canonical} (${s.alias})` : s.canonical, s.canonical));
}

/** Source ids for `sources remove`, from the store, matched on id, name or URL. */
export async function sourceChoices(typed: string, store: Pick<Store, 'listSources'>): Promise<Choice[]> {
  const q = fold(typed);
  const sources = await store.listSources();
  return sources
    .filter((s) => q === '' || [s.id, s.name ?? '', s.url].some((x) => fold(x).includes(q)))
    .slice(0, LIMITS.autocompleteChoices)
    .map((s) => choice(`${s.name ?? s.url} \u00b7 ${s.id}`, s.id));
}

let zones: string[] | null = null;

/** IANA time zones for `subscribe tz`. */
export function timeZoneChoices(typed: string): Choice[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  const q = fold(typed).replace(/\s+/g, '_');
  const starts = zones.filter((z) => fold(z).startsWith(q) || fold(z.split('/').pop() ?? '').startsWith(q));
  const contains = zones.filter((z) => !starts.includes(z) && fold(z).includes(q));
  return [...starts, ...contains].slice(0, LIMITS.autocompleteChoices).map((z) => choice(z, z));
}
