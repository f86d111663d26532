import type { Span } from './marks.js';
import { stripPossessive, type Tok, WORD } from './tokens.js';

/** Words right before a quoted term: `so-called "chokepoints"`, `a program called "..."`. */
const TERM_MARKERS = new Set(
  'so-called called dubbed named titled entitled headlined termed nicknamed coined word words term terms phrase slogan label motto mantra buzzword'.split(
    ' ',
  ),
);

/** Determiners and possessives: a quoted span after one is a noun phrase, usually a term. */
const NOUN_DETERMINERS = new Set(
  'the a an this these those its their his her our my your that such what'.split(' '),
);

/** Words that may sit between a determiner and a partial quote without making it a term. */
const LINK_WORDS = new Set(
  'is are was were be been being of to for with as than like about into on in at that it them him her very most more so too'.split(
    ' ',
  ),
);

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < 12; i++) {
    const space = /\s/.test(s[i]!);
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A short capitalised run without sentence punctuation: a title or a name ("Chip War", "Made in China 2025"). */
export function isTitleLike(content: string): boolean {
  if (/[.?!]["'\u201d\u2019]?$/.test(content) || content.length > 80) return false;
  const ws = content.split(/\s+/).filter(Boolean);
  if (ws.length === 0 || ws.length > 8) return false;
  if (!/^\p{Lu}|^\d/u.test(ws[0]!)) return false;
  return ws.every((w) => w.length < 4 || /^[\p{Lu}\d]/u.test(w));
}

/**
 * Is a mid-sentence quoted span a term, a scare quote or a title rather than someone's words?
 * Only asked of spans inside a sentence (partial quotes); a full quotation after `said:` never is.
 * Long spans (five words or more) are words someone said, unless they read as a title.
 */
export function isTermLike(
  text: string,
  toks: readonly Tok[],
  q: number,
  span: Span,
  labelAt: number,
): boolean {
  const content = text.slice(span.start, span.end);
  if (isTitleLike(content)) return true;
  if (wordCount(content) >= 5) return false;
  // A quoted predicate opens with an adverb ("continuously evaluates", "strongly disagrees"); a scare-
  // quoted term does not.
  if (/^\p{Ll}+ly\s/u.test(content)) return false;
  const prev = toks[q - 1];
  const prev2 = toks[q - 2];
  if (!prev || prev.k !== WORD) return false;
  if (TERM_MARKERS.has(prev.lc)) return true;
  if (prev.lc === 'as' && prev2 && /^(known|such|to|referred)$/.test(prev2.lc)) return true;
  if (stripPossessive(prev.t).possessive) return true;
  // A term is a noun phrase; words that open with a preposition or an adverb ("expected a decision
  // "within weeks, not months"") are someone's words completing the sentence.
  const firstWord = /^\p{Ll}+/u.exec(content)?.[0];
  if (firstWord && PHRASE_OPENERS.has(firstWord) && /^\p{Ll}+[\s,]/u.test(content)) return false;
  if (labelAt >= 0 && labelledComplement(toks, labelAt, q)) return false;
  if (NOUN_DETERMINERS.has(prev.lc)) return true;
  if (
    prev2?.k === WORD &&
    (NOUN_DETERMINERS.has(prev2.lc) || stripPossessive(prev2.t).possessive) &&
    prev.t === prev.lc &&
    !LINK_WORDS.has(prev.lc)
  ) {
    return true;
  }
  return false;
}

/** Prepositions, adverbs and conjunctions that never open a quoted term. */
const PHRASE_OPENERS = new Set(
  'within in by at from to for with without over under after before until unless because if when whenever while as than not never only still already soon very too'.split(
    ' ',
  ),
);

/** Pronoun objects ("call it "..."" ); "this"/"that" are left out: before a noun they are determiners. */
const PRONOUN_OBJECTS = new Set(['it', 'them', 'him', 'her', 'us', 'me']);

/**
 * After a labelling verb, is the quotation the whole complement ("described the move as "reckless"",
 * "called the deal "fantastic"") rather than a word inside a noun phrase ("call it the chip "blockade"")?
 */
function labelledComplement(toks: readonly Tok[], v: number, q: number): boolean {
  if (!toks[v]!.lc.startsWith('call')) return true;
  const obj = toks[v + 1];
  if (obj && PRONOUN_OBJECTS.has(obj.lc)) return v + 2 === q;
  return true;
}

/** Enough to be a sentence someone said when no cue of its own is given (continuations). */
export function isQuoteLike(text: string, span: Span): boolean {
  const content = text.slice(span.start, span.end);
  if (isTitleLike(content)) return false;
  return wordCount(content) >= 3 || /[.?!,]$/.test(content);
}
