/**
 * Quotation spans: where the marks are, before anyone asks who spoke. One linear pass for double marks
 * (" “ ” « » „), one for single marks (‘ ’ ') over the text outside double spans, so a stray apostrophe
 * can never hide a double-quoted quote. Apostrophes inside words (Nvidia’s, don’t) are never marks.
 *
 * A quote running over several paragraphs, each opening with a mark and only the last closing, is one
 * span from the first opening mark to the last closing mark: its text keeps the "\n" and the opening
 * marks of the later paragraphs, so `text.slice(start, end)` is still exactly the quote.
 */
export interface Span {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark; `end <= close`. */
  close: number;
  /** Content offsets (inside the marks, outer whitespace trimmed). */
  start: number;
  end: number;
  single: boolean;
  multiParagraph: boolean;
}

const NL = 10;

function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202f) ||
    c === 0x205f ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Letter or digit (the only characters that make an apostrophe part of a word). */
export function isAlnumAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 128) return false;
  return ALNUM.test(text[i]!);
}

const OPEN_PUNCT = '([{\u2014\u2013-/\u00ab\u201c\u2018"\'\u201e';
const CLOSE_FOLLOW = '.,;:!?)]}\u2014\u2013-/\u2026\u201d\u2019"\'\u00bb*';

function boundaryBefore(text: string, i: number): boolean {
  if (i === 0) return true;
  const c = text.charCodeAt(i - 1);
  return c === NL || isSpaceCode(c) || OPEN_PUNCT.includes(text[i - 1]!);
}

function boundaryAfter(text: string, i: number): boolean {
  if (i + 1 >= text.length) return true;
  const c = text.charCodeAt(i + 1);
  return c === NL || isSpaceCode(c) || CLOSE_FOLLOW.includes(text[i + 1]!);
}

function contentAfter(text: string, i: number): boolean {
  if (i + 1 >= text.length) return false;
  const c = text.charCodeAt(i + 1);
  return c !== NL && !isSpaceCode(c);
}

function contentBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  return c !== NL && !isSpaceCode(c) && !'([{'.includes(text[i - 1]!);
}

/** Can the mark at i open a quotation (by position, whatever its glyph)? */
function canOpen(text: string, i: number): boolean {
  return boundaryBefore(text, i) && contentAfter(text, i);
}

function canClose(text: string, i: number): boolean {
  return contentBefore(text, i) && boundaryAfter(text, i);
}

type Role = 0 | 1 | 2 | 3; // none, opener, closer, both

function doubleRole(text: string, i: number): Role {
  const ch = text[i];
  const o = canOpen(text, i);
  const c = canClose(text, i);
  switch (ch) {
    case '\u201c':
    case '\u201e':
      return o || !c ? 1 : 2;
    case '\u201d':
      return c || !o ? 2 : 1;
    case '\u00ab':
      return 1;
    case '\u00bb':
      return 2;
    case '"':
    case '\uff02':
      return o && c ? 3 : o ? 1 : c ? 2 : 0;
    default:
      return 0;
  }
}

function isDoubleMark(code: number): boolean {
  return (
    code === 34 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x00ab ||
    code === 0x00bb ||
    code === 0x201e ||
    code === 0xff02
  );
}

/** First non-space offset of the paragraph that starts after the newline at i (skipping blank lines). */
function nextParagraphStart(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && (text.charCodeAt(j) === NL || isSpaceCode(text.charCodeAt(j)))) j++;
  return j;
}

function makeSpan(text: string, open: number, close: number, single: boolean, multi: boolean): Span | null {
  let start = open + 1;
  let end = close;
  while (start < end && (isSpaceCode(text.charCodeAt(start)) || text.charCodeAt(start) === NL)) start++;
  while (end > start && (isSpaceCode(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === NL)) end--;
  if (end <= start) return null;
  let hasWord = false;
  for (let k = start; k < end && k < start + 64; k++) {
    if (isAlnumAt(text, k)) {
      hasWord = true;
      break;
    }
  }
  if (!hasWord) return null;
  return { open, close, start, end, single, multiParagraph: multi };
}

/** Jumps between the characters that matter: double marks and newlines (native regex, not a JS loop). */
const DOUBLE_OR_NL = /["\u201c\u201d\u00ab\u00bb\u201e\uff02\n]/g;
const SINGLE_OR_NL = /['\u2018\u2019\n]/g;

function doubleSpans(text: string): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let open = -1;
  let multi = false;
  const re = new RegExp(DOUBLE_OR_NL);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    if (code === NL) {
      if (depth === 0) continue;
      const j = nextParagraphStart(text, i);
      if (j < text.length && isDoubleMark(text.charCodeAt(j)) && (doubleRole(text, j) & 1) === 1) {
        multi = true;
        re.lastIndex = j + 1;
      } else {
        depth = 0;
        open = -1;
      }
      continue;
    }
    const role = doubleRole(text, i);
    if (depth === 0) {
      if (role & 1) {
        depth = 1;
        open = i;
        multi = false;
      }
    } else if (role & 2) {
      depth--;
      if (depth === 0) {
        const s = makeSpan(text, open, i, false, multi);
        if (s) out.push(s);
      }
    } else if (role === 1) {
      depth++;
    }
  }
  return out;
}

function isSingleMark(code: number): boolean {
  return code === 39 || code === 0x2018 || code === 0x2019;
}

/** Elisions written with a leading apostrophe: never the start of a quotation. */
const ELISION = /^(?:em|n|til|tis|cause|twas|bout|round)\b/i;

function singleRole(text: string, i: number): { role: Role; strong: boolean } {
  if (isAlnumAt(text, i - 1) && isAlnumAt(text, i + 1)) return { role: 0, strong: false };
  const ch = text[i];
  let role: Role = 0;
  if ((ch === '\u2018' || ch === "'") && canOpen(text, i) && isAlnumAt(text, i + 1)) {
    // A straight mark before a digit is an elided year ('90s), never an opening quotation mark.
    const digit = /\d/.test(text[i + 1] ?? '');
    if (!(ch === "'" && digit) && !ELISION.test(text.slice(i + 1, i + 6))) role = 1;
  }
  if (role === 0 && (ch === '\u2019' || ch === "'" || ch === '\u2018') && canClose(text, i)) role = 2;
  // A closer after a letter and before a space may be a plural possessive ("the firms’ chips").
  const strong =
    role === 2 && !(isAlnumAt(text, i - 1) && i + 1 < text.length && isSpaceCode(text.charCodeAt(i + 1)));
  return { role, strong };
}

function singleSpans(text: string, doubles: readonly Span[]): Span[] {
  const out: Span[] = [];
  let open = -1;
  let weak = -1;
  let multi = false;
  let d = 0;
  const closeAt = (at: number) => {
    const s = makeSpan(text, open, at, true, multi);
    if (s) out.push(s);
    open = -1;
    weak = -1;
    multi = false;
  };
  const re = new RegExp(SINGLE_OR_NL);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    while (d < doubles.length && doubles[d]!.close < i) d++;
    const ds = doubles[d];
    if (ds && i >= ds.open) {
      // Double spans are opaque here; one running over paragraphs ends any open single quotation.
      if (open >= 0 && ds.multiParagraph) {
        open = -1;
        weak = -1;
      }
      re.lastIndex = ds.close + 1;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === NL) {
      if (open < 0) continue;
      const j = nextParagraphStart(text, i);
      if (j < text.length && isSingleMark(text.charCodeAt(j)) && singleRole(text, j).role === 1) {
        multi = true;
        weak = -1;
        re.lastIndex = j + 1;
      } else if (weak >= 0) {
        closeAt(weak);
      } else {
        open = -1;
      }
      continue;
    }
    const { role, strong } = singleRole(text, i);
    if (open < 0) {
      if (role === 1) {
        open = i;
        weak = -1;
        multi = false;
      }
    } else if (role === 2) {
      if (strong) closeAt(i);
      else if (weak < 0) weak = i;
    } else if (role === 1 && weak >= 0) {
      closeAt(weak);
      open = i;
    }
  }
  if (open >= 0 && weak >= 0) closeAt(weak);
  return out;
}

/** All top-level quotation spans of `text`, in order, non-overlapping. Linear time. */
export function findSpans(text: string): Span[] {
  const doubles = doubleSpans(text);
  const singles = singleSpans(text, doubles);
  if (singles.length === 0) return doubles;
  // Double spans inside a single span are nested quotations (British style); drop them.
  const out: Span[] = [];
  let s = 0;
  for (const dsp of doubles) {
    while (s < singles.length && singles[s]!.close < dsp.open) out.push(singles[s++]!);
    const host = singles[s];
    if (host && host.open < dsp.open && host.close > dsp.close) continue;
    out.push(dsp);
  }
  while (s < singles.length) out.push(singles[s++]!);
  return out;
}
