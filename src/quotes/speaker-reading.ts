import { appositiveAfter, appositiveRole, isCommaLike } from './appositive.js';
import { isAdverb, POSSESSIVE_PRONOUNS } from './cue.js';
import { DOCUMENT_NOUNS } from './lexicon/cues.js';
import {
  CLAUSE_BOUNDARY,
  DETERMINERS,
  NAME_PARTICLES,
  NOT_NAME_WORDS,
  ORG_ANAPHORS,
  PERSON_NOUNS,
  PRONOUNS,
  SUBJECT_LEAD_INS,
} from './lexicon/words.js';
import { commaInRemit, listedBodyBack, remitListEnd } from './listed-body.js';
import { gazetteerExact, type Phrase, parsePhrase, surface } from './phrase.js';
import { skipTimeBack } from './time-phrases.js';
import { isProper, isSentenceEnd, type Tok, WORD } from './tokens.js';

const FORWARD_STOPS = new Set(
  'on during last this yesterday today tonight earlier later when while who which whose where after before because adding noting saying as via through since told according referring citing speaking said says in'.split(
    ' ',
  ),
);

/** Participles whose preposition belongs to the source's description ("briefed on the matter"). */
const PARTICIPLE_POSTMODS = new Set(['briefed', 'involved', 'working', 'based']);

/** Speaker phrase read forwards from token `from` ("said an analyst at Bernstein in a note" -> "an analyst at Bernstein"). */
export function phraseForward(
  text: string,
  toks: readonly Tok[],
  from: number,
  limit: number,
): { phrase: Phrase; end: number } | null {
  let end = from;
  while (end < limit && end - from < 14) {
    const t = toks[end]!;
    if (t.k !== WORD && t.t !== '&') break;
    if (end > from && FORWARD_STOPS.has(t.lc) && t.t === t.lc) {
      // "an official in Beijing" keeps its place; "in a note" is adverbial; "briefed on the matter"
      // and "involved in the talks" complete a source's description.
      const n = toks[end + 1];
      const completes = PARTICIPLE_POSTMODS.has(toks[end - 1]!.lc);
      if (!(t.lc === 'in' && n && isProper(n)) && !completes) break;
    }
    if (
      end > from &&
      t.lc === 'at' &&
      !(toks[end + 1] && isProper(toks[end + 1]!)) &&
      !placeOfWork(toks, end)
    )
      break;
    if (end > from && (t.lc === 'and' || t.t === '&')) {
      const n = toks[end + 1];
      if (n && (isProper(n) || PRONOUNS.has(n.lc))) return null; // two speakers
      break;
    }
    end++;
  }
  for (let e = end; e > from; e--) {
    const phrase = parsePhrase(text, toks.slice(from, e));
    if (!phrase) continue;
    // "said the Ministry of Economy, Trade and Industry": the name goes on past the comma.
    if (
      phrase.form === 'org' &&
      toks[e]?.t === ',' &&
      (toks[e - 2]?.t === 'of' || toks[e - 2]?.t === 'for')
    ) {
      const listEnd = remitListEnd(toks, e - 1, limit);
      if (listEnd > 0) {
        const name = surface(text, toks.slice(DETERMINERS.has(toks[from]!.lc) ? from + 1 : from, listEnd));
        const g = gazetteerExact(name);
        return {
          phrase: { form: 'org', name: g?.kind === 'firm' ? g.canonical : name, role: null },
          end: listEnd,
        };
      }
    }
    // "an industry analyst who advises cloud providers in Beijing": a restrictive clause is part of an
    // unnamed source's description (an anonymity clause is not).
    if (phrase.form === 'unnamed' && !phrase.definite) {
      const clause = restrictiveClause(text, toks, e, limit);
      if (clause) return { phrase: { ...phrase, role: `${phrase.role} ${clause.text}` }, end: clause.end };
    }
    return { phrase, end: e };
  }
  return null;
}

const EVENT_NOUNS = new Set(
  'conference briefing event forum hearing meeting summit session ceremony exhibition expo fair show gathering rally dinner lunch breakfast interview panel seminar workshop roundtable talk speech festival time end start beginning launch'.split(
    ' ',
  ),
);

/** "a designer at a Hangzhou startup" (where someone works), not "a spokesperson at a news conference". */
function placeOfWork(toks: readonly Tok[], at: number): boolean {
  const det = toks[at + 1];
  if (!det || !DETERMINERS.has(det.lc)) return false;
  for (let k = at + 2; k < toks.length && k <= at + 6; k++) {
    const t = toks[k]!;
    if (t.k !== WORD) break;
    if (EVENT_NOUNS.has(t.lc)) return false;
  }
  return true;
}

const ANONYMITY =
  /\b(anonymity|anonymously|not to be (named|identified)|declined to be|(his|her|their) name|authori[sz]ed|identified|named because|not be named)\b/i;

/** A "who ..." clause right after a described source, up to the next comma or sentence end, or null. */
function restrictiveClause(
  text: string,
  toks: readonly Tok[],
  at: number,
  limit: number,
): { text: string; end: number } | null {
  if (toks[at]?.lc !== 'who') return null;
  let e = at + 1;
  while (e < limit && toks[e]!.k === WORD && e - at <= 24) e++;
  const stop = toks[e];
  // The clause must end where the sentence or the appositive does, not mid-way at a bracket or a dash.
  if (e < limit && stop && stop.t !== ',' && stop.t !== ';' && !isSentenceEnd(stop)) return null;
  // "who advises cloud providers and asked not to be named because ...": the description ends at the
  // "and" that starts the anonymity clause.
  for (let a = at + 2; a < e; a++) {
    if (toks[a]!.lc === 'and' && ANONYMITY.test(text.slice(toks[a]!.s, toks[e - 1]!.e))) {
      e = a;
      break;
    }
  }
  if (e - at < 3 || e - at > 14) return null;
  const clause = text.slice(toks[at]!.s, toks[e - 1]!.e);
  return ANONYMITY.test(clause) ? null : { text: clause, end: e };
}

/** "its lead author, Hannah Ferreira" read forwards from `from`: the person named after a role. */
export function roleThenName(
  text: string,
  toks: readonly Tok[],
  from: number,
  limit: number,
): { phrase: Phrase; role: string | null; pos: number } | null {
  let c = from;
  while (c < limit && c - from <= 8 && toks[c]!.k === WORD) c++;
  if (c === from || toks[c]?.t !== ',') return null;
  let lead = toks.slice(from, c);
  if (POSSESSIVE_PRONOUNS.has(lead[0]!.lc) || DETERMINERS.has(lead[0]!.lc)) lead = lead.slice(1);
  const role = appositiveRole(text, lead);
  if (!role) return null;
  const np = phraseForward(text, toks, c + 1, limit);
  if (!np || (np.phrase.form !== 'person' && np.phrase.form !== 'single')) return null;
  return { phrase: np.phrase, role, pos: toks[c + 1]!.s };
}

/**
 * "according to a statement released by Huawei", "according to a TrendForce report": the author of the
 * document, when it is named.
 */
export function documentSource(
  text: string,
  toks: readonly Tok[],
  from: number,
  limit: number,
): { phrase: Phrase; pos: number } | null {
  let end = from;
  while (end < limit && end - from < 12 && (toks[end]!.k === WORD || toks[end]!.t === '&')) end++;
  const d = toks.slice(from, end).findIndex((t) => DOCUMENT_NOUNS.has(t.lc) && t.t === t.lc);
  if (d < 0) return null;
  const doc = from + d;
  let a = from;
  if (DETERMINERS.has(toks[a]!.lc)) a++;
  const org = (s: number, e: number) => {
    if (e <= s) return null;
    const phrase = parsePhrase(text, toks.slice(s, e));
    return phrase && (phrase.form === 'org' || phrase.form === 'person' || phrase.form === 'single')
      ? { phrase, pos: toks[s]!.s }
      : null;
  };
  const before = org(a, doc);
  if (before) return before;
  for (let k = doc + 1; k < end - 1; k++) {
    if (toks[k]!.lc !== 'by' && toks[k]!.lc !== 'from') continue;
    let e = k + 1;
    while (e < end && isProper(toks[e]!)) e++;
    return org(k + 1, e);
  }
  return null;
}

/** Role from the comma-delimited segment starting at token `from` (which is a comma), or null. */
export function roleAfterComma(text: string, toks: readonly Tok[], from: number): string | null {
  return toks[from]?.t === ',' ? appositiveAfter(text, toks, from) : null;
}

/**
 * Speaker phrase ending at token `end`, read backwards no further than `lo`. With `whole`, the phrase
 * must fill [lo, end] (after lead-ins like "But"); otherwise the longest well-formed tail is taken
 * ("In March analysts" -> "analysts").
 */
export function phraseEndingAt(
  text: string,
  toks: readonly Tok[],
  end: number,
  lo: number,
  whole: boolean,
): { phrase: Phrase; pos: number } | null {
  if (end < lo) return null;
  let b = end;
  while (b >= lo && end - b < 12) {
    const t = toks[b]!;
    if (t.k !== WORD && t.t !== '&') break;
    if (t.t === t.lc && CLAUSE_BOUNDARY.has(t.lc)) {
      const inName =
        (t.lc === 'and' || t.lc === 'of' || t.lc === 'for') &&
        b < end &&
        isProper(toks[b + 1]!) &&
        b > lo &&
        isProper(toks[b - 1]!);
      if (!inName) break;
    }
    b--;
  }
  const bt = toks[b];
  if (bt && b >= lo && (bt.lc === 'and' || bt.lc === 'or' || bt.t === '&')) {
    const before = toks[b - 1];
    if (before && (isProper(before) || PRONOUNS.has(before.lc))) return null; // joint subject
  }
  if (whole) {
    let s = lo;
    while (s < end && SUBJECT_LEAD_INS.has(toks[s]!.lc)) s++;
    if (b + 1 > s) return null;
    const phrase = parsePhrase(text, toks.slice(s, end + 1));
    return phrase ? { phrase, pos: toks[s]!.s } : null;
  }
  // A phrase starts with a name, a determiner, a pronoun or a person noun ("analysts"), or with
  // modifiers of a person noun that follows ("industry insiders"): other starts are not tried.
  let nounAhead = false;
  const startable: boolean[] = [];
  for (let s = end; s > b; s--) {
    const t = toks[s]!;
    if (PERSON_NOUNS.has(t.lc) || ORG_ANAPHORS.has(t.lc)) nounAhead = true;
    startable[s - b] = isProper(t) || DETERMINERS.has(t.lc) || PRONOUNS.has(t.lc) || nounAhead;
  }
  for (let s = b + 1; s <= end; s++) {
    if (!startable[s - b]) continue;
    // Never start inside a capitalised name ("Dylan Marsh of SemiAnalysis" is not "SemiAnalysis"),
    // unless what comes before is a place, month or function word ("In Beijing Zhang said").
    const before = toks[s - 1]!;
    if (
      s > b + 1 &&
      (/^(of|and|for|the)$/.test(before.t) || (isProper(before) && !NOT_NAME_WORDS.has(before.lc)))
    )
      continue;
    const phrase = parsePhrase(text, toks.slice(s, end + 1));
    if (phrase) return { phrase, pos: toks[s]!.s };
  }
  return null;
}

/** Is the segment [from, to) two or more names joined by "and" ("Laura Benning and Mark Osei")? */
function namesJointly(toks: readonly Tok[], from: number, to: number): boolean {
  const seg = toks.slice(from, to);
  return (
    seg.some((t) => t.lc === 'and' || t.t === '&') &&
    seg.every((t) => t.k === WORD && (isProper(t) || t.lc === 'and' || NAME_PARTICLES.has(t.t)))
  );
}

/** A person's name filling the segment between the commas at c and k, if it is one. */
function namedAfter(
  text: string,
  toks: readonly Tok[],
  c: number,
  k: number,
): { phrase: Phrase; pos: number } | null {
  const p = phraseEndingAt(text, toks, k - 1, c + 1, true);
  return p && (p.phrase.form === 'person' || p.phrase.form === 'single') ? p : null;
}

/**
 * Back from token `k` (just before a cue) over what may stand between the cue and its speaker: a few
 * adverbs, a date ("The Commerce Department on Tuesday said": a date is never part of the speaker),
 * then a few more ("on Tuesday also said"). Returns the index of the first token before them.
 */
function skipToSpeakerBack(toks: readonly Tok[], k: number, ss: number): number {
  let i = k;
  for (let n = 0; n < 3 && i >= ss && isAdverb(toks[i]!); n++) i--;
  i = skipTimeBack(toks, i, ss);
  for (let n = 0; n < 2 && i >= ss && isAdverb(toks[i]!); n++) i--;
  return i;
}

/**
 * Speaker phrase read backwards from the cue at v: "Huang said", "In March analysts said",
 * "Jack Gold, principal analyst at X, said", "Jane Doe, a partner at Smith, Jones & Co., said".
 * With commas before the verb, the speaker is the leftmost comma-delimited segment that is wholly a
 * speaker phrase; what lies between it and the verb is its appositive.
 */
export function phraseBackward(
  text: string,
  toks: readonly Tok[],
  v: number,
  ss: number,
): { phrase: Phrase; role: string | null; pos: number } | null {
  let k = skipToSpeakerBack(toks, v - 1, ss);
  k = skipParenthesisBack(toks, k, ss);
  if (k < ss) return null;
  if (!isCommaLike(text, toks[k]!)) {
    const listed = listedBodyBack(text, toks, k, ss);
    if (listed === 'unclear') return null;
    if (listed) return { ...listed, role: null };
    const p = phraseEndingAt(text, toks, k, ss, false);
    return p ? { ...p, role: null } : null;
  }
  // A quoted title carrying the comma belongs to the appositive ("author of "Chip War," said").
  const appEnd = toks[k]!.t === ',' ? k : k + 1;
  const commas: number[] = [k];
  // The commas of a listed remit ("Ministry of Trade, Industry and Energy, which ..., said") are the
  // name's, not the appositive's.
  for (let c = k - 1; c >= ss && k - c <= 40 && commas.length < 5; c--)
    if (isCommaLike(text, toks[c]!) && !commaInRemit(toks, c, ss)) commas.push(c);
  for (let i = commas.length - 1; i >= 1; i--) {
    const c = commas[i]!;
    if (toks[c]!.t !== ',') continue;
    const lo = i === commas.length - 1 ? ss : commas[i + 1]! + 1;
    const listed = listedBodyBack(text, toks, c - 1, lo);
    if (listed === 'unclear') return null;
    if (listed) return { ...listed, role: appositiveRole(text, toks.slice(c + 1, appEnd)) };
    const p = phraseEndingAt(text, toks, c - 1, lo, true);
    if (!p) continue;
    // "Another expert, Zhou Minghui, said": a described person whose name follows in apposition.
    if (p.phrase.form === 'unnamed' || p.phrase.form === 'anaphor') {
      const named = namedAfter(text, toks, c, k);
      if (named) return { ...named, role: appositiveRole(text, toks.slice(lo, c)) };
      // "Two former officials, Laura Benning and Mark Osei, wrote": named people, no single speaker.
      if (namesJointly(toks, c + 1, commas[i - 1]!)) return null;
    }
    return { ...p, role: appositiveRole(text, toks.slice(c + 1, appEnd)) };
  }
  // "Her fellow panelist, Wang Jun of the Institute, countered": only the name reads as a speaker.
  const c = commas[1];
  if (c !== undefined && toks[k]!.t === ',') {
    const named = namedAfter(text, toks, c, k);
    const lo = commas[2] !== undefined ? commas[2] + 1 : ss;
    if (named) return { ...named, role: appositiveRole(text, toks.slice(lo, c)) };
  }
  return null;
}

/** "Nvidia (NVDA.O) said": from a closing bracket at k, the token before its opening bracket. */
export function skipParenthesisBack(toks: readonly Tok[], k: number, lo: number): number {
  if (toks[k]?.t !== ')') return k;
  for (let o = k - 1; o >= lo && k - o <= 10; o--) {
    if (toks[o]!.t === '(') return o - 1;
    if (toks[o]!.k !== WORD && toks[o]!.t !== '.' && toks[o]!.t !== '&') return k;
  }
  return k;
}

/**
 * "Jensen Huang (who last year called China "a $50 billion market")", "Li, who said in May that ...":
 * the speaker of a cue inside a relative clause is the name the clause hangs on.
 */
export function relativeSubject(
  text: string,
  toks: readonly Tok[],
  v: number,
  ss: number,
): { phrase: Phrase; role: string | null; pos: number } | null {
  let k = skipToSpeakerBack(toks, v - 1, ss);
  const rel = toks[k]?.lc;
  if ((rel !== 'who' && rel !== 'which') || k <= ss) return null;
  k--;
  if (toks[k]?.t === '(' || toks[k]?.t === ',') k--;
  const p = phraseEndingAt(text, toks, k, ss, false);
  // "who" hangs on a person, "which" on an organisation ("The EU, which called the tariffs ...").
  const form = p?.phrase.form;
  const fits = rel === 'who' ? form === 'person' || form === 'single' || form === 'unnamed' : form === 'org';
  if (!p || !fits) return null;
  return { ...p, role: null };
}
