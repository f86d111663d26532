import {
  CLAUSE_ADVERBIAL_STARTS,
  DOCUMENT_NOUNS,
  DOCUMENT_SPEAKERS,
  DOCUMENT_VERB_SET,
  LABEL_VERB_SET,
  OBJECT_VERB_SET,
  PARTICIPLE_SET,
  SPEECH_VERB_SET,
  VERB_ADVERBS,
} from './lexicon/cues.js';
import { DETERMINERS } from './lexicon/words.js';
import { stripPossessive, type Tok, WORD } from './tokens.js';

export interface Cue {
  kind: 'verb' | 'label' | 'participle' | 'according';
  at: number;
  /** Index after the cue words (and after the object, for "told NPR"). */
  end: number;
  text: string;
}

export const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

const ESTIMATES = new Set(['estimated', 'estimates', 'estimate']);
/** "estimated that year at $4 billion": "that" is a determiner, not a clause. */
const PERIOD_NOUNS = new Set(['year', 'month', 'week', 'day', 'quarter', 'time', 'decade', 'season']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);

const DOCUMENT_DETERMINERS = new Set(['the', 'its', 'their', 'that', 'this']);
const PREPOSITIONS = new Set(['in', 'of', 'with', 'by', 'from', 'through', 'via']);

/** The cue starting at token j, if any. A cue word after a determiner is a noun ("the notes"). */
export function cueAt(toks: readonly Tok[], j: number): Cue | null {
  const t = toks[j];
  if (!t || t.k !== WORD) return null;
  // "In the words of one former official, ...": a source named forwards, like "according to".
  if (t.lc === 'in' && toks[j + 1]?.t === 'the' && toks[j + 2]?.t === 'words' && toks[j + 3]?.t === 'of')
    return { kind: 'according', at: j, end: j + 4, text: 'in the words of' };
  if (t.t !== t.lc && !(t.t === 'According' && toks[j + 1]?.lc === 'to')) return null;
  const prev = toks[j - 1];
  if (
    prev &&
    prev.k === WORD &&
    (DETERMINERS.has(prev.lc) || POSSESSIVE_PRONOUNS.has(prev.lc) || stripPossessive(prev.t).possessive)
  ) {
    return null;
  }
  const next = toks[j + 1];
  if (t.lc === 'according')
    return next?.lc === 'to' ? { kind: 'according', at: j, end: j + 2, text: 'according to' } : null;
  if (prev && prev.k === WORD && prev.t === prev.lc && DOCUMENT_NOUNS.has(prev.lc)) {
    // "the filing said", "the statement read": a document someone issued speaks for them. Any other
    // verb after a document noun describes it ("a statement posted on WeChat").
    const det = toks[j - 2];
    const definite = det?.k === WORD && DOCUMENT_DETERMINERS.has(det.lc);
    if (!(definite && DOCUMENT_SPEAKERS.has(prev.lc) && DOCUMENT_VERB_SET.has(t.lc))) return null;
    return { kind: 'verb', at: j, end: j + 1, text: t.t };
  }
  // "in comments filed with", "in remarks to": after a preposition a noun, not a verb.
  if (prev?.k === WORD && PREPOSITIONS.has(prev.lc) && DOCUMENT_NOUNS.has(t.lc)) return null;
  if (t.lc === 'put' && next?.lc === 'it') return { kind: 'verb', at: j, end: j + 2, text: 'put it' };
  if (t.lc === 'pointed' && next?.lc === 'out')
    return { kind: 'verb', at: j, end: j + 2, text: 'pointed out' };
  // "the association estimated that China will hold "..."": a published claim. Only before a "that"
  // clause, never after a form of "be" ("it is estimated that" names no one).
  if (
    ESTIMATES.has(t.lc) &&
    next?.lc === 'that' &&
    !(prev && BE.has(prev.lc)) &&
    !PERIOD_NOUNS.has(toks[j + 2]?.lc ?? '')
  )
    return { kind: 'verb', at: j, end: j + 1, text: t.t };
  if (SPEECH_VERB_SET.has(t.lc)) {
    if (OBJECT_VERB_SET.has(t.lc)) {
      let k = j + 1;
      while (k < toks.length && k - j <= 5) {
        const o = toks[k]!;
        if (o.k !== WORD || CLAUSE_ADVERBIAL_STARTS.has(o.lc) || o.lc === 'that' || SPEECH_VERB_SET.has(o.lc))
          break;
        k++;
      }
      if (k > j + 1 && k - j <= 5)
        return { kind: 'verb', at: j, end: k, text: `${t.t} ${surfaceOf(toks, j + 1, k)}` };
    }
    return { kind: 'verb', at: j, end: j + 1, text: t.t };
  }
  if (LABEL_VERB_SET.has(t.lc)) return { kind: 'label', at: j, end: j + 1, text: t.t };
  if (PARTICIPLE_SET.has(t.lc)) return { kind: 'participle', at: j, end: j + 1, text: t.t };
  return null;
}

function surfaceOf(toks: readonly Tok[], from: number, to: number): string {
  return toks
    .slice(from, to)
    .map((t) => t.t)
    .join(' ');
}

/** An adverb or auxiliary that may sit between a subject and its speech verb ("has repeatedly said"). */
export function isAdverb(t: Tok): boolean {
  return t.k === WORD && t.t === t.lc && (VERB_ADVERBS.has(t.lc) || (t.lc.length > 4 && t.lc.endsWith('ly')));
}
