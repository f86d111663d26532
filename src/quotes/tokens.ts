import { isAlnumAt, type Span } from './marks.js';

/** Token kinds: a word, one punctuation character, a whole quotation span, a paragraph break. */
export const WORD = 0;
export const PUNCT = 1;
export const QUOTE = 2;
export const BREAK = 3;

export interface Tok {
  k: 0 | 1 | 2 | 3;
  s: number;
  e: number;
  /** The token's text (for QUOTE, empty: read the span). */
  t: string;
  /** Lower-cased text. */
  lc: string;
  /** Index into the spans for QUOTE tokens, else -1. */
  span: number;
  /** QUOTE tokens only: the quotation ends its sentence (`"... cannot." Senator Reilly said`). */
  ends?: boolean;
}

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sen rep gov gen lt col maj capt sgt adm rev st jr sr co inc corp ltd no vs etc jan feb mar apr
  jun jul aug sep sept oct nov dec mt ft messrs dept est approx al bros`.split(/\s+/),
);

/** US state abbreviations as wire copy writes them ("Calif.", "Md."), matched with their capital. */
const STATE_ABBREVIATIONS = new Set(
  'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Va Vt Wash Wis Wyo'.split(
    ' ',
  ),
);

function isAbbreviation(word: string): boolean {
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true;
  if (STATE_ABBREVIATIONS.has(word)) return true;
  // AP party and state: "Sen. Chris Van Dyke, D-Md., said".
  if (/^[DRI]-\p{Lu}\p{Ll}{1,4}$/u.test(word)) return true;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

const CONNECTORS = "'\u2019-\u2010.&";

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 13 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x202f ||
    c === 0xfeff ||
    c === 0x2060
  );
}

/**
 * Tokens of the whole text, each quotation span folded into one QUOTE token, paragraph breaks kept.
 * Linear: every character is looked at once or twice.
 */
export function tokenize(text: string, spans: readonly Span[]): Tok[] {
  const toks: Tok[] = [];
  let sp = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const next = spans[sp];
    if (next && i >= next.open) {
      if (i === next.open) {
        toks.push({
          k: QUOTE,
          s: next.open,
          e: next.close + 1,
          t: '',
          lc: '',
          span: sp,
          ends: quoteEndsSentence(text, next),
        });
        i = next.close + 1;
      }
      sp++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 10) {
      const last = toks[toks.length - 1];
      if (last && last.k !== BREAK) toks.push({ k: BREAK, s: i, e: i + 1, t: '\n', lc: '\n', span: -1 });
      i++;
      continue;
    }
    if (
      isSpace(c) ||
      (c >= 0x2061 && c <= 0x206f) ||
      c === 0x202a ||
      c === 0x202b ||
      c === 0x202c ||
      c === 0x202d ||
      c === 0x202e
    ) {
      i++;
      continue;
    }
    if (isAlnumAt(text, i) || (c >= 0x300 && c <= 0x36f)) {
      let j = i + 1;
      const limit = next ? Math.min(n, next.open) : n;
      while (j < limit) {
        if (isAlnumAt(text, j)) j++;
        else if (CONNECTORS.includes(text[j]!) && j + 1 < limit && isAlnumAt(text, j + 1)) j += 2;
        else {
          const cc = text.charCodeAt(j);
          if (cc >= 0x300 && cc <= 0x36f) j++;
          else break;
        }
      }
      let word = text.slice(i, j);
      if (j < limit && text[j] === '.' && isAbbreviation(word)) {
        j++;
        word += '.';
      }
      toks.push({ k: WORD, s: i, e: j, t: word, lc: word.toLowerCase(), span: -1 });
      i = j;
      continue;
    }
    const ch = text[i]!;
    toks.push({ k: PUNCT, s: i, e: i + 1, t: ch, lc: ch, span: -1 });
    i++;
  }
  return toks;
}

/** Does the quotation close with . ? ! and the next sentence start right after it (capital letter)? */
function quoteEndsSentence(text: string, span: Span): boolean {
  const last = text[span.end - 1];
  if (last !== '.' && last !== '?' && last !== '!') return false;
  let k = span.close + 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0')) k++;
  const c = text[k];
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** Ends a sentence, counting a quotation that ends one (used where sentences are counted or searched). */
export function endsSentence(t: Tok): boolean {
  return isSentenceEnd(t) || (t.k === QUOTE && t.ends === true);
}

/** Ends a sentence: . ! ? … or a paragraph break. */
export function isSentenceEnd(t: Tok): boolean {
  return t.k === BREAK || (t.k === PUNCT && (t.t === '.' || t.t === '!' || t.t === '?' || t.t === '\u2026'));
}

/** Capitalised, CamelCase (iFlytek) or an initial: a word that can be part of a proper name. */
export function isProper(t: Tok): boolean {
  if (t.k !== WORD || t.t === t.lc) return false;
  const ch = t.t[0]!;
  if (ch !== t.lc[0]) return true;
  if (ch >= '0' && ch <= '9') return false;
  // camelCase brand names: lower-case first letter, an upper-case letter later; Arabic and French
  // particles joined to a capitalised name ("al-Sayed", "d'Estaing").
  return /^\p{Ll}+\p{Lu}/u.test(t.t) || /^(al|el|ad|ash|bin|ibn|abu|d)[-\u2010'\u2019]\p{Lu}/u.test(t.t);
}

/** The word without a possessive ending ("Nvidia's" -> "Nvidia"), and whether it had one. */
export function stripPossessive(word: string): { base: string; possessive: boolean } {
  const n = word.length;
  if (
    n < 3 ||
    (word[n - 1] !== 's' && word[n - 1] !== 'S') ||
    (word[n - 2] !== "'" && word[n - 2] !== '\u2019')
  ) {
    return { base: word, possessive: false };
  }
  const m = /^(.+?)['\u2019]s$/u.exec(word);
  if (m) return { base: m[1]!, possessive: true };
  return { base: word, possessive: false };
}
