import type { Attribution } from './attribution.js';
import { cueAt, isAdverb } from './cue.js';
import { phraseEndingAt } from './speaker-reading.js';
import { skipTimeBack } from './time-phrases.js';
import { endsSentence, isSentenceEnd, QUOTE, type Tok, WORD } from './tokens.js';

/**
 * `Hanul expects margin to dip "a point or two" in the third quarter, CFO Laura Kim said on a call.`:
 * a sentence closed by ", <name> said" reports the whole sentence as that speaker's, the partial quote
 * inside it included. Taken only when nothing else could be meant: the sentence holds this one
 * quotation and no other cue, and the words between its last comma and the verb are wholly a named
 * person or organisation (a pronoun or "the ministry" would need resolving across sentences).
 */
export function trailingAttribution(text: string, toks: readonly Tok[], q: number): Attribution | null {
  let ss = q - 1;
  while (ss >= 0 && q - ss <= 60 && !endsSentence(toks[ss]!)) ss--;
  if (ss >= 0 && !endsSentence(toks[ss]!)) return null;
  for (let k = ss + 1; k < q; k++) if (toks[k]!.k === QUOTE || cueAt(toks, k)) return null;
  let v = -1;
  let comma = -1;
  let end = q + 1;
  for (; end < toks.length && end - q <= 60 && !isSentenceEnd(toks[end]!); end++) {
    const t = toks[end]!;
    if (t.k === QUOTE) return null;
    if (v < 0 && t.t === ',') comma = end;
    else if (t.k === WORD && cueAt(toks, end)) {
      if (v >= 0) return null;
      v = end;
    }
  }
  if (v < 0 || comma < 0 || end >= toks.length || toks[end]!.t !== '.') return null;
  const cue = cueAt(toks, v)!;
  if (cue.kind !== 'verb') return null;
  let k = v - 1;
  for (let n = 0; n < 3 && k > comma && isAdverb(toks[k]!); n++) k--;
  k = skipTimeBack(toks, k, comma + 1);
  const np = phraseEndingAt(text, toks, k, comma + 1, true);
  const form = np?.phrase.form;
  if (!np || !(form === 'person' || form === 'org' || form === 'single')) return null;
  if (np.pos !== toks[comma + 1]!.s) return null;
  return {
    phrase: np.phrase,
    cue: cue.text,
    role: null,
    pos: np.pos,
    direct: false,
    label: false,
    clauseEnd: end,
    cueTok: v,
  };
}
