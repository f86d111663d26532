import { appositiveRole, isCommaLike } from './appositive.js';
import { type Cue, cueAt, isAdverb } from './cue.js';
import { CLAUSE_ADVERBIAL_STARTS, SPEECH_VERB_SET } from './lexicon/cues.js';
import { IRREGULAR_PAST } from './lexicon/words.js';
import { listedBodyAfter } from './listed-body.js';
import { type Phrase, parsePhrase } from './phrase.js';
import {
  documentSource,
  phraseBackward,
  phraseEndingAt,
  phraseForward,
  relativeSubject,
  roleAfterComma,
  roleThenName,
} from './speaker-reading.js';
import { endsSentence, isSentenceEnd, PUNCT, QUOTE, type Tok, WORD } from './tokens.js';

export { cueAt } from './cue.js';

/** A speech cue found next to a quotation, with the phrase naming its speaker (not yet resolved). */
export interface Attribution {
  phrase: Phrase;
  /** "said", "told NPR", "according to" ... */
  cue: string;
  /** Role from an appositive in the attribution itself. */
  role: string | null;
  /** Offset of the speaker phrase (where the speaker is named). */
  pos: number;
  /** The quotation follows its cue directly (`said: "`), rather than inside a reported clause. */
  direct: boolean;
  /** The cue is a labelling verb ("called the move "reckless""). */
  label: boolean;
  /** Token index where the attribution clause after the quotation ends (for cue-after), else -1. */
  clauseEnd: number;
  /** Token index of the cue word. */
  cueTok: number;
}

function contentOf(text: string, tok: Tok): string {
  return text.slice(tok.s + 1, tok.e - 1).trim();
}

const INVERTED_OBJECT_VERBS = new Set(['asked', 'asks', 'warned', 'warns']);

/**
 * Attribution after the quotation: `"...," said Zhang Hengming`, `"...," Huang said.`, `"...," he added`,
 * `"...," according to a person familiar with the matter`.
 */
export function cueAfter(text: string, toks: readonly Tok[], q: number): Attribution | null {
  let j = q + 1;
  let comma = false;
  while (j < toks.length && j - q <= 2 && toks[j]!.k === PUNCT && ',\u2014\u2013-'.includes(toks[j]!.t)) {
    comma = true;
    j++;
  }
  if (j >= toks.length || toks[j]!.k !== WORD) return null;
  const inner = contentOf(text, toks[q]!);
  // `"...." Huang said.` is sloppy but real; `"...." Huang said the rules ...` starts a new sentence.
  const loose = !comma && !/[,?!\u2014]$/.test(inner);
  let limit = j;
  while (limit < toks.length && limit - j < 40 && !isSentenceEnd(toks[limit]!) && toks[limit]!.k !== QUOTE)
    limit++;
  const first = cueAt(toks, j);
  if (first && (first.kind === 'verb' || first.kind === 'according')) {
    const cue = first.kind === 'according' ? first.text : toks[j]!.t;
    // `"Who will pay?" asked Rep. Dana Kessler`: after the quotation the verb comes first and what
    // follows is its subject, not its object.
    const from = INVERTED_OBJECT_VERBS.has(toks[j]!.lc) ? j + 1 : first.end;
    const np = phraseForward(text, toks, from, limit);
    if (np) {
      const role = roleAfterComma(text, toks, np.end);
      return {
        phrase: np.phrase,
        cue,
        role,
        pos: toks[from]!.s,
        direct: true,
        label: false,
        clauseEnd: limit,
        cueTok: j,
      };
    }
    // "said its lead author, Hannah Ferreira": a role first, the name after the comma.
    const named = roleThenName(text, toks, first.end, limit);
    if (named) return { ...named, cue, direct: true, label: false, clauseEnd: limit, cueTok: j };
    const doc = first.kind === 'according' ? documentSource(text, toks, first.end, limit) : null;
    if (doc) return { ...doc, role: null, cue, direct: true, label: false, clauseEnd: limit, cueTok: j };
    return null;
  }
  for (let v = j + 1; v < limit && v - j <= 18; v++) {
    const cue = cueAt(toks, v);
    if (!cue) continue;
    if (cue.kind !== 'verb') return null;
    // `"...," the Ministry of Trade, Industry and Energy said`: the list's commas are the name's.
    const listed = listedBodyAfter(text, toks, j, v);
    if (listed === 'unclear') return null;
    if (listed) {
      if (loose && !looseEndOk(toks, cue.end)) return null;
      return { ...listed, cue: cue.text, direct: true, label: false, clauseEnd: limit, cueTok: v };
    }
    const segs: Tok[][] = [[]];
    for (let k = j; k < v; k++) {
      const t = toks[k]!;
      if (t.t === '(') {
        // A bracketed ticker or acronym: "Nvidia (NVDA.O) said".
        let close = k + 1;
        while (close < v && close <= k + 10 && toks[close]!.t !== ')') close++;
        if (close >= v || toks[close]!.t !== ')') return null;
        k = close;
        continue;
      }
      if (t.t === ',') segs.push([]);
      else if (t.k === WORD || t.t === '&' || t.k === QUOTE) {
        segs[segs.length - 1]!.push(t);
        if (t.k === QUOTE && isCommaLike(text, t)) segs.push([]);
      } else return null;
    }
    const lastSeg = segs[segs.length - 1]!;
    while (lastSeg.length > 0 && isAdverb(lastSeg[lastSeg.length - 1]!)) lastSeg.pop();
    if (segs.length > 1 && lastSeg.length > 0) return null;
    const phrase = parsePhrase(text, segs[0]!);
    if (!phrase) return null;
    let appEnd = v - 1;
    while (appEnd > j && isAdverb(toks[appEnd]!)) appEnd--;
    if (toks[appEnd]?.k === QUOTE) appEnd++;
    const appos = segs.length > 2 ? toks.slice(segs[0]!.length + j + 1, appEnd) : [];
    if (loose && !looseEndOk(toks, cue.end)) return null;
    return {
      phrase,
      cue: cue.text,
      role:
        appos.length > 0
          ? appositiveRole(
              text,
              appos.filter((t) => t.k !== PUNCT || t.t !== ','),
            )
          : null,
      pos: toks[j]!.s,
      direct: true,
      label: false,
      clauseEnd: limit,
      cueTok: v,
    };
  }
  return null;
}

/** After a loose `"...." Huang said`, the sentence must end or go on with a clause, not an object. */
function looseEndOk(toks: readonly Tok[], at: number): boolean {
  const after = toks[at];
  return (
    !after ||
    isSentenceEnd(after) ||
    after.k === QUOTE ||
    after.t === ',' ||
    after.t === ';' ||
    (after.k === WORD && CLAUSE_ADVERBIAL_STARTS.has(after.lc))
  );
}

/** Start of the sentence holding token q (bounded look-back). */
export function sentenceStart(toks: readonly Tok[], q: number): number {
  let k = q - 1;
  while (k >= 0 && q - k <= 60 && !endsSentence(toks[k]!)) k--;
  return k + 1;
}

const COORDINATORS = new Set(['and', 'but']);

/**
 * "The ministry called the measure "coercion" and said it would take "necessary measures"": the verb
 * after "and"/"but" shares the subject of the sentence, read at its start before its first verb.
 */
function coordinatedSubject(
  text: string,
  toks: readonly Tok[],
  v: number,
  ss: number,
): { phrase: Phrase; role: string | null; pos: number } | null {
  let c0 = v - 1;
  while (c0 > ss && isAdverb(toks[c0]!) && v - c0 <= 3) c0--;
  const conj = toks[c0];
  if (!conj || conj.k !== WORD || !COORDINATORS.has(conj.lc)) return null;
  for (let u = c0 - 1; u > ss; u--) {
    const c = cueAt(toks, u);
    if (c && (c.kind === 'verb' || c.kind === 'label')) return phraseBackward(text, toks, u, ss);
  }
  // No earlier cue ("Nvidia declined to comment but said ..."): the subject before the first verb.
  const isVerb = (k: number) => {
    const t = toks[k]!;
    return k > ss && t.t === t.lc && (/ed$/.test(t.lc) || IRREGULAR_PAST.has(t.lc));
  };
  let first = ss;
  while (first < c0 && toks[first]!.k === WORD && !isVerb(first)) first++;
  if (first >= c0 || toks[first]!.k !== WORD) return null;
  const np = phraseEndingAt(text, toks, first - 1, ss, true);
  return np && np.phrase.form !== 'pronoun' ? { ...np, role: null } : null;
}

/** "Xinhua quoted Wang as saying", "Wang was quoted as saying". */
function quotedAsSaying(
  text: string,
  toks: readonly Tok[],
  v: number,
  ss: number,
): { phrase: Phrase; pos: number; role: string | null } | null {
  if (toks[v - 1]?.lc !== 'as') return null;
  for (let k = v - 2; k >= ss && v - k <= 24; k--) {
    if (toks[k]!.lc !== 'quoted') continue;
    // "was quoted by state broadcaster CCTV as saying": the outlet is not the speaker.
    if (k + 1 < v - 1 && toks[k + 1]!.lc !== 'by') {
      // "quoted Wang Xiaoming, deputy head of the department, as saying"
      let c = k + 1;
      while (c < v - 1 && toks[c]!.t !== ',') c++;
      const phrase = parsePhrase(text, toks.slice(k + 1, c));
      if (!phrase) return null;
      const role =
        c < v - 1 ? appositiveRole(text, toks.slice(c + 1, toks[v - 2]!.t === ',' ? v - 2 : v - 1)) : null;
      return { phrase, pos: toks[k + 1]!.s, role };
    }
    const aux = toks[k - 1];
    if (aux && (aux.lc === 'was' || aux.lc === 'is' || aux.lc === 'been')) {
      return phraseBackward(text, toks, k - 1, ss);
    }
    return null;
  }
  return null;
}

/**
 * Attribution before the quotation, in the same sentence: `X said: "`, `X told Reuters that "`,
 * `According to X, "`, and partial quotes `X said the controls were "a failure"`.
 * Only the cue nearest the quotation counts: if its speaker cannot be read, nothing is guessed.
 */
export function cueBefore(text: string, toks: readonly Tok[], q: number): Attribution | null {
  const ss = sentenceStart(toks, q);
  let cue: Cue | null = null;
  for (let v = q - 1; v >= ss; v--) {
    cue = cueAt(toks, v);
    if (cue) break;
  }
  if (!cue) return null;
  let useCue = cue;
  let found: { phrase: Phrase; role: string | null; pos: number } | null = null;
  if (cue.kind === 'participle') {
    const qa = cue.text === 'saying' ? quotedAsSaying(text, toks, cue.at, ss) : null;
    if (qa) found = qa;
    else {
      let earlier: Cue | null = null;
      for (let v = cue.at - 1; v >= ss && !earlier; v--) {
        const c = cueAt(toks, v);
        if (c && (c.kind === 'verb' || c.kind === 'according')) earlier = c;
      }
      if (!earlier) return null;
      useCue = earlier;
    }
  }
  if (!found && useCue.kind === 'according') {
    const np = phraseForward(text, toks, useCue.end, q);
    if (np) found = { phrase: np.phrase, role: roleAfterComma(text, toks, np.end), pos: toks[useCue.end]!.s };
    else {
      const doc = documentSource(text, toks, useCue.end, q);
      if (doc) found = { ...doc, role: null };
    }
  } else if (!found) {
    found = phraseBackward(text, toks, useCue.at, ss);
    const prev = toks[useCue.at - 1];
    const afterQuote = prev && (prev.k === QUOTE || (prev.t === ',' && toks[useCue.at - 2]?.k === QUOTE));
    if (!found && afterQuote) {
      const np = phraseForward(text, toks, useCue.end, q);
      if (np)
        found = { phrase: np.phrase, role: roleAfterComma(text, toks, np.end), pos: toks[useCue.end]!.s };
    }
    if (!found) found = coordinatedSubject(text, toks, useCue.at, ss);
    if (!found) found = relativeSubject(text, toks, useCue.at, ss);
  }
  if (!found) return null;
  // "the memory maker widely described as "the next Samsung"": with no object, "described as" is a
  // passive label unless it is "what X described as".
  if (cue.kind === 'label' && toks[cue.end]?.lc === 'as') {
    let s0 = cue.at - 1;
    while (s0 >= ss && toks[s0]!.s >= found.pos) s0--;
    if (toks[s0]?.lc !== 'what') return null;
  }
  // "called" names something ("a process insiders call "the great swap""): it needs an object before
  // the quotation; "described ... as" does not.
  if (cue.kind === 'label' && cue.end === q && /^call/.test(cue.text)) return null;
  const before = toks[q - 1]!;
  const direct =
    q === cue.end || before.t === ':' || before.t === ',' || before.t === '\u2014' || before.lc === 'that';
  return {
    phrase: found.phrase,
    cue: cue.kind === 'participle' && useCue === cue ? 'quoted as saying' : useCue.text,
    role: found.role,
    pos: found.pos,
    direct: direct && cue.kind !== 'label',
    label: cue.kind === 'label',
    clauseEnd: -1,
    cueTok: useCue.at,
  };
}

/** Speech verbs not used by a quotation: where reported speech ("Analysts said the rule ...") may be. */
export function reportedCues(toks: readonly Tok[], used: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let v = 0; v < toks.length; v++) {
    const t = toks[v]!;
    if (t.k !== WORD || used.has(v) || !(SPEECH_VERB_SET.has(t.lc) || t.lc === 'according')) continue;
    const cue = cueAt(toks, v);
    if (cue && (cue.kind === 'verb' || cue.kind === 'according')) out.push(v);
  }
  return out;
}

/**
 * The reported speech at cue token v, with its subject read backwards. Later pronouns and uncued
 * quotations may refer to that speaker. Parsed on demand: most articles need few of them.
 */
export function reportedAt(text: string, toks: readonly Tok[], v: number): Attribution | null {
  if (toks[v]!.lc === 'according') {
    // "according to a spokesperson for TSMC": the source is named forwards.
    let limit = v + 2;
    while (limit < toks.length && limit - v < 20 && !isSentenceEnd(toks[limit]!) && toks[limit]!.k !== QUOTE)
      limit++;
    const np = phraseForward(text, toks, v + 2, limit);
    if (!np) return null;
    const role = roleAfterComma(text, toks, np.end);
    return {
      phrase: np.phrase,
      role,
      pos: toks[v + 2]!.s,
      cue: 'according to',
      direct: false,
      label: false,
      clauseEnd: -1,
      cueTok: v,
    };
  }
  const back = phraseBackward(text, toks, v, sentenceStart(toks, v));
  if (!back) return null;
  return { ...back, cue: toks[v]!.t, direct: false, label: false, clauseEnd: -1, cueTok: v };
}
