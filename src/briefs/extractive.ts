import type { StoredQuote } from '../store/port.js';
import { cleanHeadline } from './headline.js';
import { pickKeyQuotes } from './key-quotes.js';
import { hasQuotationMarks } from './quote-marks.js';
import { cleanSummaryLine } from './sanitize.js';
import { type Sentence, splitSentences } from './sentences.js';
import type { StoryMaterial } from './story-material.js';

export const EXTRACTIVE_VERSION = 'extractive@1';
export const EXTRACTIVE_MODEL = 'extractive';

/** What a summarizer produces; the Brief adds identity, cache key and accounting. */
export interface BriefDraft {
  headline: string;
  bullets: string[];
  /** Stored quote ids, display order. */
  quoteIds: string[];
}

const STOP = new Set(
  'the a an and or but of to in on for with by at from as is are was were be been has have had it its this that these those than then there their they he she his her we our you your not no will would could should may might can said says say also into over under after before about more most such which who whom what when where while per new one two'.split(
    ' ',
  ),
);

/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Code units of the letter or number at `i`, or 0 when there is none there. */
function wordCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  const cp = s.codePointAt(i)!;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** `'`, `.` or `-`: may join the letters of one term ("u.s.", "chip-maker", "nvidia's"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 46 || c === 45;
}

/**
 * Content terms of a sentence, lower case: what `/[\p{L}\p{N}][\p{L}\p{N}'.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu`
 * matches (a run of letters, numbers and joiners, cut after its last letter or number), longer than
 * two characters and not a stop word. A scan instead of the Unicode regex, which was most of the cost.
 */
function terms(s: string): string[] {
  const text = s.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    let end = i + w;
    let k = end;
    while (k < text.length) {
      const x = wordCharAt(text, k);
      if (x > 0) {
        k += x;
        end = k;
      } else if (isJoiner(text.charCodeAt(k))) k++;
      else break;
    }
    const t = text.slice(i, end);
    if (t.length > 2 && !STOP.has(t)) out.push(t);
    i = k;
  }
  return out;
}

/** A sentence overlapping a quote span, or carrying quotation marks, would present quoted words unattributed. */
function touchesQuote(s: Sentence, quotes: readonly StoredQuote[]): boolean {
  return quotes.some((q) => q.start < s.end && s.start < q.end);
}

/** Sentences of an article the summarizer reads (see pickSummarySentences). */
const MAX_SUMMARY_SENTENCES = 400;

/**
 * TF-IDF vectors of sentences: term ids in first-occurrence order with their weights. Every sum below
 * runs in the order the Map-based formulation ran it (the first sentence's terms in first-occurrence
 * order), so scores, and with them ties and thresholds, are bit-identical to it.
 */
interface Vectors {
  /** Sentence i's terms are ids/weights [start[i], start[i + 1]). */
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  norms: Float64Array;
  vocabulary: number;
}

function vectors(sentences: readonly Sentence[]): Vectors {
  const termId = new Map<string, number>();
  // Every sentence's terms as ids, in text order (repeats included).
  const seqs: number[][] = sentences.map((s) =>
    terms(s.text).map((t) => {
      let id = termId.get(t);
      if (id === undefined) {
        id = termId.size;
        termId.set(t, id);
      }
      return id;
    }),
  );
  const vocabulary = termId.size;
  const n = sentences.length;
  // Distinct terms per sentence in first-occurrence order, with counts.
  const start = new Int32Array(n + 1);
  const ids = new Int32Array(seqs.reduce((a, q) => a + q.length, 0));
  const counts = new Float64Array(ids.length);
  const slot = new Int32Array(vocabulary).fill(-1);
  const df = new Int32Array(vocabulary);
  let k = 0;
  for (let i = 0; i < n; i++) {
    start[i] = k;
    for (const id of seqs[i]!) {
      const at = slot[id]!;
      if (at >= start[i]!) counts[at]!++;
      else {
        slot[id] = k;
        ids[k] = id;
        counts[k] = 1;
        df[id]!++;
        k++;
      }
    }
  }
  start[n] = k;
  const idf = new Float64Array(vocabulary);
  for (let t = 0; t < vocabulary; t++) idf[t] = Math.log((n + 1) / (df[t]! + 0.5));
  const weights = new Float64Array(k);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sq = 0;
    for (let m = start[i]!; m < start[i + 1]!; m++) {
      const w = counts[m]! * idf[ids[m]!]!;
      weights[m] = w;
      sq += w * w;
    }
    norms[i] = Math.sqrt(sq);
  }
  return { start, ids: ids.subarray(0, k), weights, norms, vocabulary };
}

/**
 * Cosine similarity of sentence i with every sentence: O(terms of both) per pair with one scratch
 * table the size of the vocabulary. The dot product adds i's term products in i's term order.
 */
function similarities(v: Vectors, i: number, pos: Int32Array): Float64Array {
  const n = v.norms.length;
  const out = new Float64Array(n);
  const a0 = v.start[i]!;
  const len = v.start[i + 1]! - a0;
  const na = v.norms[i]!;
  if (na === 0) return out;
  for (let k = 0; k < len; k++) pos[v.ids[a0 + k]!] = k;
  const prod = new Float64Array(len);
  for (let j = 0; j < n; j++) {
    const nb = v.norms[j]!;
    if (nb === 0) continue;
    prod.fill(0);
    for (let m = v.start[j]!; m < v.start[j + 1]!; m++) {
      const p = pos[v.ids[m]!]!;
      if (p >= 0) prod[p] = v.weights[a0 + p]! * v.weights[m]!;
    }
    // Weights are positive (idf > 0): a term j lacks adds an exact zero, so skipping it changes nothing.
    let dot = 0;
    for (let k = 0; k < len; k++) if (prod[k] !== 0) dot += prod[k]!;
    out[j] = dot / (na * nb);
  }
  for (let k = 0; k < len; k++) pos[v.ids[a0 + k]!] = -1;
  return out;
}

/**
 * Picks summary sentences of the canonical article: the lead plus the most central sentences
 * (degree centrality over TF-IDF cosine similarity), never a sentence that sits inside or contains
 * a quotation. Returned in article order. Deterministic.
 */
export function pickSummarySentences(text: string, quotes: readonly StoredQuote[], max: number): Sentence[] {
  return pickFrom(splitSentences(text), quotes, max);
}

function pickFrom(sentences: readonly Sentence[], quotes: readonly StoredQuote[], max: number): Sentence[] {
  // Centrality compares every pair of sentences: bounded, so a hostile 20,000-paragraph page cannot
  // hold a worker for minutes. News puts what matters first; 400 sentences is ~8,000 words.
  const all = sentences.slice(0, MAX_SUMMARY_SENTENCES);
  const v = vectors(all);
  const pos = new Int32Array(v.vocabulary).fill(-1);
  const rows = new Map<number, Float64Array>();
  const row = (i: number): Float64Array => {
    let r = rows.get(i);
    if (!r) {
      r = similarities(v, i, pos);
      rows.set(i, r);
    }
    return r;
  };

  const usable = (s: Sentence) => {
    const words = s.text.split(/\s+/).length;
    return words >= 6 && words <= 70 && !/[:;]$/.test(s.text);
  };
  const strict = all
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => usable(s) && !touchesQuote(s, quotes) && !hasQuotationMarks(s.text));
  // Articles made mostly of quotes: accept sentences with scare quotes, never ones inside a quote.
  const candidates =
    strict.length >= 2
      ? strict
      : all.map((s, i) => ({ s, i })).filter(({ s }) => usable(s) && !touchesQuote(s, quotes));
  if (candidates.length === 0) return [];

  const centrality = candidates.map(({ i }) => {
    const sims = row(i);
    let c = 0;
    for (let j = 0; j < all.length; j++) if (j !== i) c += sims[j]!;
    // A gentle pull toward the top: news puts what matters first.
    return c + 0.15 / (1 + all[i]!.paragraph);
  });
  const [lead, ...rest] = candidates.map((c, k) => ({ ...c, score: centrality[k]! }));
  const picked = [lead!];
  rest.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const c of rest) {
    if (picked.length >= max) break;
    if (picked.some((p) => row(p.i)[c.i]! > 0.6)) continue;
    picked.push(c);
  }
  return picked.sort((a, b) => a.i - b.i).map((p) => p.s);
}

/** How many bullets an article of `n` sentences supports: two for short pieces, up to four for long ones. */
function bulletCount(n: number): number {
  return n < 8 ? 2 : n < 16 ? 3 : 4;
}

/** The offline brief: deterministic for the same story material. */
export function extractiveBrief(m: StoryMaterial): BriefDraft {
  const canonicalQuotes = m.quotes.filter((q) => q.articleId === m.canonical.id);
  const all = splitSentences(m.canonical.text);
  const sentences = pickFrom(all, canonicalQuotes, bulletCount(all.length));
  const bullets = sentences.map((s) => cleanSummaryLine(s.text)).filter((b) => b.length > 0);
  const lead = sentences[0]?.text ?? m.canonical.text.split('\n')[0] ?? '';
  const headline = cleanHeadline(m.canonical.title, m.canonical.siteName, lead);
  const quoteIds = pickKeyQuotes(m.quotes, m.articles, 3).map((q) => q.id);
  return { headline, bullets, quoteIds };
}
