import { BREAK, PUNCT, type Tok, WORD } from './tokens.js';

const words = (s: string) => new Set(s.split(' '));

/** Words a live blog puts before an entry's time ("Updated 10:42 a.m. —"). */
const STAMP_LEADS = words('updated update posted');
const MERIDIEMS = words('a.m. p.m. am pm');
const ZONES = words(
  'et est edt ct cst cdt pt pst pdt mt gmt utc bst cet cest wib hkt kst jst sgt ist aest aedt',
);
const UNITS = words('sec secs second seconds min mins minute minutes hr hrs hour hours');
/** What ends a stamp before the entry's text: a dash, a colon or a bar. */
const SEPARATORS = new Set(['\u2014', '\u2013', '-', ':', '|']);

const isWord = (t: Tok | undefined, re: RegExp): boolean => !!t && t.k === WORD && re.test(t.t);

/**
 * The end (exclusive) of a clock or relative time opening at token i: "10:42", "10.42am", "14:05",
 * "3 min ago", with a following "a.m." and time zone. -1 when there is none.
 */
function timeEnd(toks: readonly Tok[], i: number): number {
  let k = i;
  if (isWord(toks[k], /^\d{1,2}$/) && toks[k + 1]?.t === ':' && isWord(toks[k + 2], /^\d{2}(am|pm)?$/i))
    k += 3;
  else if (isWord(toks[k], /^\d{1,2}[.:]\d{2}(am|pm)?$/i)) k += 1;
  else if (isWord(toks[k], /^\d{1,3}$/) && UNITS.has(toks[k + 1]?.lc ?? '') && toks[k + 2]?.lc === 'ago')
    return k + 3;
  else return -1;
  if (toks[k]?.k === WORD && MERIDIEMS.has(toks[k]!.lc)) k++;
  // A zone is written in capitals ("ET", "GMT"): "Et" or "et" would be a word of the entry.
  if (toks[k]?.k === WORD && ZONES.has(toks[k]!.lc) && toks[k]!.t === toks[k]!.t.toUpperCase()) k++;
  return k;
}

/**
 * Live blogs open each entry with its time: "10:42 a.m. ET — Sen. X said ...", "14:05 GMT: ...",
 * "Updated 3 min ago". The stamp is page furniture, not part of any sentence, and left in place it
 * sits where a speaker is read ("ET — Sen. X, the ..., said" is no speaker phrase). Returns the
 * tokens without the stamps that open a paragraph, each with its separator; a stamp filling its own
 * line keeps the line break, so paragraphs are counted as written.
 */
export function dropLiveStamps(toks: Tok[]): Tok[] {
  let out: Tok[] | null = null;
  let copied = 0;
  for (let i = 0; i < toks.length; i++) {
    if (i > 0 && toks[i - 1]!.k !== BREAK) continue;
    let k = i;
    if (toks[k]?.k === WORD && STAMP_LEADS.has(toks[k]!.lc)) {
      k++;
      if (toks[k]?.t === ':') k++;
    }
    const e = timeEnd(toks, k);
    if (e < 0) continue;
    const sep = toks[e];
    let drop: number;
    if (!sep || sep.k === BREAK) drop = e;
    else if (sep.k === PUNCT && SEPARATORS.has(sep.t)) drop = e + 1;
    else continue;
    out ??= [];
    for (let c = copied; c < i; c++) out.push(toks[c]!);
    copied = drop;
    i = drop - 1;
  }
  if (!out) return toks;
  for (let c = copied; c < toks.length; c++) out.push(toks[c]!);
  return out;
}
