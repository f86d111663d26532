import { appositiveRole } from './appositive.js';
import { isAdverb } from './cue.js';
import { DETERMINERS, SUBJECT_LEAD_INS } from './lexicon/words.js';
import { gazetteerExact, type Phrase, surface } from './phrase.js';
import { skipTimeBack } from './time-phrases.js';
import { isProper, stripPossessive, type Tok, WORD } from './tokens.js';

/** Heads of public bodies whose names list a remit ("Ministry of Trade, Industry and Energy"). */
const LISTED_BODY_HEADS = new Set(
  'ministry department office bureau commission agency council committee authority administration secretariat'.split(
    ' ',
  ),
);

const CLAUSE_OPENERS = new Set(['while', 'whereas', 'but']);

const listItemWord = (t: Tok | undefined): boolean =>
  !!t && t.k === WORD && isProper(t) && !stripPossessive(t.t).possessive;

/**
 * From the first remit word at `first` (just after "of"), the end (exclusive) of a comma list of
 * capitalised items closed by "and" ("Economy, Trade and Industry"), or -1 when it is not one.
 */
export function remitListEnd(toks: readonly Tok[], first: number, limit: number): number {
  let k = first;
  let commas = 0;
  for (;;) {
    let n = 0;
    while (k < limit && listItemWord(toks[k]) && n < 3) {
      k++;
      n++;
    }
    if (n === 0 || listItemWord(toks[k])) return -1;
    const sep = toks[k];
    if (sep?.t === ',' && listItemWord(toks[k + 1])) {
      commas++;
      k++;
      continue;
    }
    if (sep?.t === ',' && (toks[k + 1]?.lc === 'and' || toks[k + 1]?.t === '&')) k++;
    const and = toks[k];
    if (commas === 0 || !and || !(and.t === 'and' || and.t === '&')) return -1;
    k++;
    n = 0;
    while (k < limit && listItemWord(toks[k]) && n < 3) {
      k++;
      n++;
    }
    if (n === 0 || listItemWord(toks[k])) return -1;
    return k;
  }
}

/**
 * "South Korea's Ministry of Trade, Industry and Energy said": read back from k (the last word before
 * the cue), a public body whose name lists its remit with commas. 'unclear' when the words before the
 * cue end such a list but the sentence before it is not just the body (then a part of the name must
 * not be taken for the speaker); null when there is no such list.
 */
export function listedBodyBack(
  text: string,
  toks: readonly Tok[],
  k: number,
  ss: number,
): { phrase: Phrase; pos: number } | 'unclear' | null {
  // Back over the list to "of": items of capitalised words, the last separator "and", commas before it.
  let i = k;
  while (i >= ss && listItemWord(toks[i]) && k - i < 3) i--;
  if (i === k || !(toks[i]?.t === 'and' || toks[i]?.t === '&')) return null;
  let of = -1;
  for (let j = i - 1; j >= ss && k - j < 16; j--) {
    const t = toks[j]!;
    if (t.t === 'of' || t.t === 'for') {
      of = j;
      break;
    }
    if (!(listItemWord(t) || t.t === ',')) return null;
  }
  if (of < 0 || remitListEnd(toks, of + 1, k + 1) !== k + 1) return null;
  let h = of - 1;
  const head = toks[h];
  if (!head || !listItemWord(head) || !LISTED_BODY_HEADS.has(head.lc)) return 'unclear';
  while (
    h - 1 >= ss &&
    listItemWord(toks[h - 1]) &&
    !SUBJECT_LEAD_INS.has(toks[h - 1]!.lc) &&
    !DETERMINERS.has(toks[h - 1]!.lc) &&
    of - h < 4
  )
    h--;
  // Before the body: nothing, "the", a lead-in, or a possessive place ("South Korea's").
  let s = h - 1;
  if (s >= ss && toks[s]!.k === WORD && stripPossessive(toks[s]!.t).possessive) {
    s--;
    while (s >= ss && listItemWord(toks[s]) && h - s < 4) s--;
  }
  if (s >= ss && toks[s]!.lc === 'the') s--;
  while (s >= ss && toks[s]!.k === WORD && SUBJECT_LEAD_INS.has(toks[s]!.lc)) s--;
  // "..., while Japan's Ministry of ... said": a new clause opens with the body as its subject.
  const clauseOpens = s > ss && CLAUSE_OPENERS.has(toks[s]!.t) && toks[s - 1]!.t === ',';
  if (s >= ss && !clauseOpens) return 'unclear';
  const name = surface(text, toks.slice(h, k + 1));
  const g = gazetteerExact(name);
  return {
    phrase: { form: 'org', name: g?.kind === 'firm' ? g.canonical : name, role: null },
    pos: toks[h]!.s,
  };
}

/**
 * Is the comma at c one of those listing a public body's remit ("Ministry of Trade, Industry and
 * Energy")? Read back to the "of" after the body's head, and forwards to the list's end.
 */
export function commaInRemit(toks: readonly Tok[], c: number, lo: number): boolean {
  for (let j = c - 1; j >= lo && c - j < 16; j--) {
    const t = toks[j]!;
    if (t.t === 'of' || t.t === 'for') {
      const head = toks[j - 1];
      if (!head || !listItemWord(head) || !LISTED_BODY_HEADS.has(head.lc)) return false;
      return remitListEnd(toks, j + 1, Math.min(toks.length, c + 16)) > c + 1;
    }
    if (!(listItemWord(t) || t.t === ',')) return false;
  }
  return false;
}

/**
 * `"...," the Ministry of Trade, Industry and Energy, which ..., said`: the words [j, v) before the cue
 * at v, when they hold a public body whose name lists its remit. The body must open them; what follows
 * it up to the cue is its appositive. 'unclear' when such a list is there but something else opens
 * the words; null when there is no such list.
 */
export function listedBodyAfter(
  text: string,
  toks: readonly Tok[],
  j: number,
  v: number,
): { phrase: Phrase; role: string | null; pos: number } | 'unclear' | null {
  let k = v - 1;
  for (let n = 0; n < 3 && k >= j && isAdverb(toks[k]!); n++) k--;
  k = skipTimeBack(toks, k, j);
  if (k < j) return null;
  let role: string | null = null;
  if (toks[k]!.t === ',') {
    // The appositive runs back to the comma that closes the list.
    let c = k - 1;
    while (c >= j && toks[c]!.t !== ',' && k - c <= 20) c--;
    if (c < j || toks[c]!.t !== ',' || commaInRemit(toks, c, j)) return null;
    role = appositiveRole(text, toks.slice(c + 1, k));
    k = c - 1;
  }
  const listed = listedBodyBack(text, toks, k, j);
  return listed && listed !== 'unclear' ? { ...listed, role } : listed;
}
