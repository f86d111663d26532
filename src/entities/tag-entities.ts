import type { Quote } from '../quotes/quote.js';
import { articleWords, scanGazetteer, type Word } from './matcher.js';
import type { EntityKind, Mention } from './mention.js';
import { resolveEntity } from './resolve.js';

const MAX_SPEAKERS = 200;

interface Acc {
  kind: EntityKind;
  canonical: string;
  surface: string;
  start: number;
  count: number;
}

function key(kind: EntityKind, canonical: string): string {
  return `${kind}\u0000${canonical}`;
}

/** Whole-word occurrences of `needle` in `text` (case-sensitive), as start offsets. */
function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  const word = /[\p{L}\p{N}]/u;
  for (
    let i = text.indexOf(needle);
    i >= 0 && out.length < 10_000;
    i = text.indexOf(needle, i + needle.length)
  ) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + needle.length] ?? ' ';
    if (!word.test(before) && !word.test(after)) out.push(i);
  }
  return out;
}

/**
 * Lone surnames ("Huang said") after a full name count towards that person, when no other person
 * named in the article shares the surname and the word is not part of a longer name.
 */
function countSurnames(
  words: readonly Word[],
  ranges: { start: number; end: number }[],
  acc: Map<string, Acc>,
): void {
  const owners = new Map<string, Acc | null>();
  for (const a of acc.values()) {
    if (a.kind !== 'person' || !a.canonical.includes(' ')) continue;
    const last = a.canonical.split(' ').pop()!;
    owners.set(last, owners.has(last) ? null : a);
  }
  if (owners.size === 0) return;
  ranges.sort((x, y) => x.start - y.start);
  for (const w of words) {
    const a = owners.get(w.w);
    if (!a || w.s < a.start || covered(ranges, w.s)) continue;
    a.count++;
  }
}

function covered(hits: readonly { start: number; end: number }[], at: number): boolean {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const h = hits[lo];
  return h !== undefined && h.start <= at && at < h.end;
}

/**
 * Firms, people, policies and chips an article names: gazetteer aliases on word boundaries (case-aware
 * where a name is also a word, possessives included, longest alias first), plus the people and
 * organisations that `quotes` name as speakers. One Mention per canonical name, with its first offset,
 * the words used there, and how many times the article names it (full name or, for speakers, surname).
 */
export function tagEntities(text: string, quotes: readonly Quote[]): Mention[] {
  const hits = scanGazetteer(text);
  const words = articleWords(text);
  const acc = new Map<string, Acc>();
  const add = (kind: EntityKind, canonical: string, surface: string, start: number, count = 1) => {
    const k = key(kind, canonical);
    const a = acc.get(k);
    if (!a) acc.set(k, { kind, canonical, surface, start, count });
    else {
      a.count += count;
      if (start < a.start) {
        a.start = start;
        a.surface = surface;
      }
    }
  };
  // News agencies ("told Reuters", "Xinhua reported") are sources, not subjects: listed only when they
  // are quoted as speakers.
  const speakers = new Set(quotes.map((q) => q.speaker.name));
  for (const h of hits) {
    if (h.entry.type === 'media' && !speakers.has(h.canonical)) continue;
    add(h.kind, h.canonical, text.slice(h.start, h.end), h.start);
  }

  // Speakers the gazetteer does not know: people by full name, organisations by the name used.
  const ranges: { start: number; end: number }[] = hits.map((h) => ({ start: h.start, end: h.end }));
  const seen = new Set<string>();
  for (const q of quotes) {
    const name = q.speaker.name;
    if (!name || q.speaker.kind === 'unnamed' || seen.has(name)) continue;
    // Each distinct speaker costs a scan of the text; real articles have dozens, not thousands.
    if (seen.size >= MAX_SPEAKERS) break;
    seen.add(name);
    const kind: EntityKind = q.speaker.kind === 'person' ? 'person' : 'firm';
    const g = resolveEntity(name);
    const canonical = g && g.kind === kind ? g.canonical : name;
    if (acc.has(key(kind, canonical))) continue;
    const at = occurrences(text, name).filter((o) => !covered(hits, o));
    if (at.length === 0) continue;
    add(kind, canonical, name, at[0]!, at.length);
    for (const o of at) ranges.push({ start: o, end: o + name.length });
  }
  countSurnames(words, ranges, acc);
  return [...acc.values()].sort((x, y) => x.start - y.start).map((a) => ({ ...a }));
}
