import type { Attribution } from './attribution.js';
import { phraseForward, roleAfterComma } from './speaker-reading.js';
import { BREAK, isSentenceEnd, PUNCT, QUOTE, type Tok, WORD } from './tokens.js';

const DEMONSTRATIVES = new Set(['that', 'this', 'those', 'such']);
const COPULAS = new Set(['is', 'was', 'are', 'were']);
const VERDICT_NOUNS = new Set(
  'verdict view assessment message warning conclusion words advice prediction diagnosis judgment judgement'.split(
    ' ',
  ),
);

/**
 * Feature writing names the speaker after the quotation, in a sentence of its own:
 *   "The first thing you lose is the service engineers." / So says Tomas Berg, who ...
 *   "It felt like the ground moved under us." / That is how Zhou Min, a former ..., remembers it.
 *   The backlog is "a slow-motion disaster" — that is the verdict of Sofia Lind, who ...
 * The quotation must be a whole paragraph (then the next paragraph must open with the attribution) or
 * be followed by a dash. Only these fixed openings count: anything else is left unattributed.
 */
export function attributionAhead(text: string, toks: readonly Tok[], q: number): Attribution | null {
  let k = q + 1;
  const next = toks[k];
  if (next?.k === PUNCT && (next.t === '\u2014' || next.t === '\u2013')) k++;
  else {
    const before = toks[q - 1];
    if (before && before.k !== BREAK) return null;
    while (toks[k]?.k === PUNCT && isSentenceEnd(toks[k]!)) k++;
    if (toks[k]?.k !== BREAK) return null;
    k++;
  }
  const w = (i: number) => (toks[i]?.k === WORD ? toks[i]!.t : '');
  let from = -1;
  let needsVerb = false;
  if (/^(So|so)$/.test(w(k)) && /^(says|said)$/.test(w(k + 1))) from = k + 2;
  else if (DEMONSTRATIVES.has(w(k).toLowerCase()) && COPULAS.has(w(k + 1))) {
    if (w(k + 2) === 'how') {
      from = k + 3;
      needsVerb = true;
    } else if (w(k + 2) === 'the' && VERDICT_NOUNS.has(w(k + 3)) && w(k + 4) === 'of') from = k + 5;
  }
  if (from < 0 || toks[from]?.k !== WORD) return null;
  let limit = from;
  while (limit < toks.length && limit - from < 40 && !isSentenceEnd(toks[limit]!) && toks[limit]!.k !== QUOTE)
    limit++;
  const np = phraseForward(text, toks, from, limit);
  if (!np) return null;
  const form = np.phrase.form;
  if (form !== 'person' && form !== 'single' && !(form === 'unnamed' && !np.phrase.definite)) return null;
  const role = roleAfterComma(text, toks, np.end);
  if (needsVerb) {
    // "That is how X remembers it": a verb must follow the speaker (and the appositive).
    let v = np.end;
    if (toks[v]?.t === ',') {
      v++;
      while (v < limit && toks[v]!.t !== ',') v++;
      v++;
    }
    const verb = toks[v];
    if (!verb || verb.k !== WORD || verb.t !== verb.lc) return null;
  }
  return {
    phrase: np.phrase,
    cue: text.slice(toks[k]!.s, toks[from - 1]!.e),
    role,
    pos: toks[from]!.s,
    direct: true,
    label: false,
    clauseEnd: -1,
    cueTok: k,
  };
}
