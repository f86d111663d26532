import { normalizeText } from '../articles/identity.js';
import { quotedSpans } from './quoted-spans.js';

/** Quoted runs of at most this many words are terms ("national team"), not quotations. */
export const TERM_MAX_WORDS = 4;
/** Quotations shorter than this are too generic to identify a story. */
export const QUOTE_MIN_WORDS = 5;

/** What a spinner leaves alone and what it changes, read off one article's text. */
export interface TextFeatures {
  /** Every normalised word, quotes included: the material for shingles. */
  words: string[];
  /** Names, numbers and quoted terms outside quotations, in text order: spinners keep these. */
  anchors: string[];
  /** Every word outside quotations, lower case, in text order: where a spinner's word choices show. */
  outside: string[];
  /** Normalised quotations (article quotes plus quoted runs of the text) of at least QUOTE_MIN_WORDS words. */
  quotes: string[];
}

/** 1 for ASCII letters and digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** Code units of the letter or number at `i` (2 for an astral one), or 0 when there is none there. */
function wordCharAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  const cp = s.codePointAt(i)!;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** `'`, `’`, `.`, `,` or `-`: joins letters into one token when letters follow ("U.S.", "1,200", "chip-maker"). */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 44 || c === 45;
}

/**
 * End of the token starting at `i` (`i` itself when none starts there): what
 * `/[\p{L}\p{N}]+(?:['\u2019.,-][\p{L}\p{N}]+)*\/u` matches at `i`, found by a scan.
 */
function tokenEnd(s: string, i: number): number {
  let k = i;
  for (let w = wordCharAt(s, k); w > 0; w = wordCharAt(s, k)) k += w;
  if (k === i) return i;
  while (k + 1 < s.length && isJoiner(s.charCodeAt(k))) {
    let j = k + 1;
    for (let w = wordCharAt(s, j); w > 0; w = wordCharAt(s, j)) j += w;
    if (j === k + 1) break;
    k = j;
  }
  return k;
}
const UPPER = /^\p{Lu}/u;

/** Words of a normalised text (single spaces between words, none around). */
function wordCount(normalized: string): number {
  if (!normalized) return 0;
  let n = 1;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) === 32) n++;
  return n;
}

/** `\s` of a JavaScript regex, one UTF-16 unit. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whitespace (line breaks excepted), quote marks, "(" and dashes: what may stand between a sentence end and its first word. */
function isOpening(c: number): boolean {
  if (c === 10) return false;
  return (
    isSpace(c) ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x28 ||
    c === 0x2d ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x2014
  );
}

/** True when only whitespace, opening marks or nothing separate offset `i` from a sentence end. */
function sentenceInitial(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isOpening(text.charCodeAt(j))) j--;
  if (j < 0) return true;
  const c = text.charCodeAt(j);
  return c === 10 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a;
}

function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(t);
}

/**
 * Splits an article into the signals story matching uses. `normalized`, when given, must be
 * `normalizeText(text)` (callers that already have it save a pass over the text).
 */
export function textFeatures(
  text: string,
  quotes: readonly string[] = [],
  normalized?: string,
): TextFeatures {
  const spans = quotedSpans(text);
  // 0 = prose, 1 = quoted term, 2 = quotation
  const kind = new Uint8Array(text.length);
  const quoteSet = new Set<string>();
  for (const s of spans) {
    const inner = normalizeText(text.slice(s.start, s.end));
    const n = wordCount(inner);
    kind.fill(n <= TERM_MAX_WORDS ? 1 : 2, s.start, s.end);
    if (n >= QUOTE_MIN_WORDS) quoteSet.add(inner);
  }
  for (const q of quotes) {
    const norm = normalizeText(q);
    if (wordCount(norm) >= QUOTE_MIN_WORDS) quoteSet.add(norm);
  }

  const tokens: string[] = [];
  const offsets: number[] = [];
  const initials: boolean[] = [];
  const capitalisedMidSentence = new Set<string>();
  for (let at = 0; at < text.length; ) {
    const end = tokenEnd(text, at);
    if (end === at) {
      at++;
      continue;
    }
    const start = at;
    at = end;
    if (kind[start] === 2) continue;
    const t = text.slice(start, end);
    const initial = sentenceInitial(text, start);
    if (!initial && startsUpper(t)) capitalisedMidSentence.add(t);
    tokens.push(t);
    offsets.push(start);
    initials.push(initial);
  }

  const anchors: string[] = [];
  const outside: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    let ascii = true;
    let digit = false;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 128) ascii = false;
      else if (c >= 48 && c <= 57) digit = true;
    }
    // NFKC leaves ASCII as it is, and ASCII has no curly apostrophe.
    const lower = ascii
      ? t.toLowerCase()
      : t
          .normalize('NFKC')
          .toLowerCase()
          .replace(/\u2019/g, "'");
    outside.push(lower);
    if (digit) anchors.push(lower.replace(/,/g, ''));
    else if (kind[offsets[k]!] === 1) anchors.push(lower);
    else if (startsUpper(t) && (!initials[k] || capitalisedMidSentence.has(t))) anchors.push(lower);
  }
  const norm = normalized ?? normalizeText(text);
  return { words: norm ? norm.split(' ') : [], anchors, outside, quotes: [...quoteSet].sort() };
}
