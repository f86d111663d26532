import { GAZETTEER, type GazetteerEntry } from './gazetteer/index.js';
import type { EntityKind } from './mention.js';

/** One gazetteer alias found in a text. `end` is exclusive; a possessive "'s" is never part of it. */
export interface GazetteerHit {
  kind: EntityKind;
  canonical: string;
  entry: GazetteerEntry;
  start: number;
  end: number;
}

interface Term {
  kind: EntityKind;
  entry: GazetteerEntry;
  /** The alias's words as written, for case-sensitive checks. */
  words: readonly string[];
}

interface Node {
  next: Map<string, Node> | null;
  terms: Term[] | null;
}

/** Words are maximal runs of letters and digits: "Nvidia's" is "Nvidia" + "s", "RISC-V" is "RISC" + "V". */
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a name as the matcher sees them. */
export function wordsOf(s: string): string[] {
  return s.match(WORD) ?? [];
}

function buildTrie(): Node {
  const root: Node = { next: null, terms: null };
  for (const kind of Object.keys(GAZETTEER) as EntityKind[]) {
    for (const entry of GAZETTEER[kind]) {
      const seen = new Set<string>();
      for (const alias of [entry.canonical, ...entry.aliases]) {
        const words = wordsOf(alias);
        const key = words.join(' ');
        if (words.length === 0 || seen.has(key)) continue;
        seen.add(key);
        let node = root;
        for (const w of words) {
          const lw = w.toLowerCase();
          node.next ??= new Map();
          let child = node.next.get(lw);
          if (!child) {
            child = { next: null, terms: null };
            node.next.set(lw, child);
          }
          node = child;
        }
        node.terms ??= [];
        node.terms.push({ kind, entry, words });
      }
    }
  }
  return root;
}

let trie: Node | undefined;

/** The alias trie, built once on first use (about 600 aliases). */
export function gazetteerTrie(): Node {
  trie ??= buildTrie();
  return trie;
}

/** True when the surface words satisfy the term's case rule: exact, ALL-CAPS, or any case if insensitive. */
function caseOk(term: Term, surface: readonly string[]): boolean {
  if (!term.entry.caseSensitive) return true;
  let exact = true;
  let upper = true;
  for (let i = 0; i < surface.length; i++) {
    const s = surface[i]!;
    const a = term.words[i]!;
    if (s !== a) exact = false;
    if (s !== a.toUpperCase() || !/\p{L}/u.test(a)) upper = false;
    if (!exact && !upper) return false;
  }
  // A one-letter ALL-CAPS form is too weak to count as the name.
  return exact || term.words.join('').length > 1;
}

/** Characters that may sit between two words of one alias in running text ("Co.", "RISC-V", "AT&T"). */
function gapOk(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (
      !(
        c === ' ' ||
        c === '\u00a0' ||
        c === '-' ||
        c === '\u2010' ||
        c === '.' ||
        c === '&' ||
        c === '/' ||
        c === "'" ||
        c === '\u2019' ||
        c === ','
      )
    ) {
      return false;
    }
  }
  return true;
}

/** An apostrophe after the match that continues the word ("Xi'an", "Arm'd") rather than a possessive. */
function elidedWord(text: string, end: number): boolean {
  const c = text[end];
  if (c !== "'" && c !== '\u2019') return false;
  const n = text[end + 1] ?? '';
  if (!/[\p{L}\p{N}]/u.test(n)) return false;
  return !((n === 's' || n === 'S') && !/[\p{L}\p{N}]/u.test(text[end + 2] ?? ''));
}

export interface Word {
  s: number;
  e: number;
  w: string;
  lw: string;
}

/** Word runs of `text` with offsets, lower-cased once. */
export function wordRuns(text: string): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    out.push({ s: m.index, e: m.index + m[0].length, w: m[0], lw: m[0].toLowerCase() });
  }
  return out;
}

let lastScan: { text: string; words: Word[]; hits: GazetteerHit[] } | null = null;

/** Word runs of the article last scanned, or of this one (scanned now). */
export function articleWords(text: string): Word[] {
  if (!lastScan || lastScan.text !== text) scanGazetteer(text);
  return lastScan!.words;
}

/**
 * Every gazetteer alias in `text`, leftmost-longest, non-overlapping, on word boundaries.
 * Linear in the number of words (each trie walk is bounded by the longest alias).
 */
export function scanGazetteer(text: string): GazetteerHit[] {
  // Extraction and tagging scan the same article one after the other: scan it once.
  if (lastScan && lastScan.text === text) return lastScan.hits;
  const words = wordRuns(text);
  const hits = scanWords(text, words);
  lastScan = { text, words, hits };
  return hits;
}

function scanWords(text: string, words: readonly Word[]): GazetteerHit[] {
  const root = gazetteerTrie();
  const hits: GazetteerHit[] = [];
  let i = 0;
  while (i < words.length) {
    let node: Node | undefined = root;
    let best: { term: Term; last: number } | null = null;
    for (let j = i; j < words.length && node?.next; j++) {
      if (j > i && !gapOk(text, words[j - 1]!.e, words[j]!.s)) break;
      node = node.next.get(words[j]!.lw);
      if (!node) break;
      if (node.terms) {
        const surface = words.slice(i, j + 1).map((x) => x.w);
        const term = node.terms.find((t) => caseOk(t, surface));
        if (term) best = { term, last: j };
      }
    }
    if (best && !elidedWord(text, words[best.last]!.e)) {
      hits.push({
        kind: best.term.kind,
        canonical: best.term.entry.canonical,
        entry: best.term.entry,
        start: words[i]!.s,
        end: words[best.last]!.e,
      });
      i = best.last + 1;
    } else {
      i++;
    }
  }
  return hits;
}

/** Looks a whole name up in the trie: every term whose alias is exactly these words, in any case. */
export function lookupWords(words: readonly string[]): { term: Term; exactCase: boolean }[] {
  let node: Node | undefined = gazetteerTrie();
  for (const w of words) {
    node = node.next?.get(w.toLowerCase());
    if (!node) return [];
  }
  return (node.terms ?? []).map((term) => ({ term, exactCase: caseOk(term, words) }));
}
