import { DOCUMENT_SPEAKERS, LABEL_VERB_SET, SPEECH_VERB_SET } from './lexicon/cues.js';
import {
  DETERMINERS,
  HONORIFICS,
  NAME_PARTICLES,
  NON_SPEAKER_SUBJECTS,
  ORG_ANAPHORS,
  ORG_WORDS,
  PERSON_NOUNS,
  PLACE_WORDS,
  PRONOUNS,
  SPOKES_NOUNS,
  SUBJECT_LEAD_INS,
  TITLE_NOUNS,
} from './lexicon/words.js';
import { camelCased, gazetteerExact, isNameRun, isNameWord, splitTitledName, surface } from './name-words.js';
import { isDateWord } from './time-phrases.js';
import { isProper, stripPossessive, type Tok, WORD } from './tokens.js';

export {
  brandLike,
  gazetteerExact,
  isNameRun,
  isNameWord,
  isTitleTok,
  splitTitledName,
  surface,
} from './name-words.js';

/** What a speaker phrase says before context resolves it. */
export type Phrase =
  | { form: 'pronoun'; pronoun: 'he' | 'she' | 'they' | 'it' }
  | { form: 'person'; name: string; role: string | null; gender: 'he' | 'she' | '' }
  | { form: 'single'; word: string; role: string | null; gender: 'he' | 'she' | '' }
  | { form: 'org'; name: string; role: string | null }
  | { form: 'unnamed'; role: string; head: string; plural: boolean; definite: boolean }
  | { form: 'anaphor'; head: string; type: 'company' | 'agency' | 'any' }
  /** "one of them", "one of the people": a member of a group of sources named before. */
  | { form: 'oneOf'; group: string }
  /** "the filing", "the statement": a document named before, speaking for whoever issued it. */
  | { form: 'document'; noun: string };

/**
 * Index of the title word that ends a role before a name ("Commerce Secretary | Howard Lutnick"), or -1.
 * Title words are never name words, so the title sits right before the longest run of name words.
 */
function titleSplit(toks: readonly Tok[]): number {
  const at = splitTitledName(toks, 0, toks.length - 1);
  return at > 0 ? at - 1 : -1;
}

function nameFrom(text: string, toks: readonly Tok[], role: string | null): Phrase | null {
  let gender: 'he' | 'she' | '' = '';
  let from = 0;
  const h = HONORIFICS.get(toks[0]?.lc ?? '');
  if (h !== undefined && toks.length > 1) {
    gender = h;
    from = 1;
  }
  const name = toks.slice(from);
  if (!isNameRun(name)) return null;
  const s = surface(text, name);
  const g = gazetteerExact(s);
  if (g && g.kind === 'firm') return { form: 'org', name: g.canonical, role };
  if (name.length === 1) return { form: 'single', word: s, role, gender };
  return { form: 'person', name: s, role, gender };
}

/** Words that make a would-be postmodifier a clause ("Officials in Washington are weighing what ..."). */
const CLAUSE_WORDS = new Set(
  'are is was were be been being has have had will would can could should may might do does did what which who whom whose that this these those said says told'.split(
    ' ',
  ),
);

const POSTMOD = new Set(
  'with at for of from in familiar close briefed involved knowledgeable representing working based who that on to'.split(
    ' ',
  ),
);

function hasOrgWord(toks: readonly Tok[]): boolean {
  return toks.some((t) => ORG_WORDS.has(t.lc) || ORG_WORDS.has(stripPossessive(t.lc).base));
}

function allProper(toks: readonly Tok[]): boolean {
  return toks.every(
    (t, i) =>
      t.k === WORD &&
      (isProper(t) ||
        (i > 0 &&
          i < toks.length - 1 &&
          (t.lc === 'of' ||
            t.lc === 'and' ||
            t.lc === 'for' ||
            t.lc === 'the' ||
            (t.lc === 'on' && !isDateWord(toks[i + 1])) ||
            NAME_PARTICLES.has(t.t)))),
  );
}

/** "von der Heyde", "de Vries": a surname that opens with lower-case particles, as a lone surname. */
function particleSurname(text: string, toks: readonly Tok[]): Phrase | null {
  let k = 0;
  while (k < toks.length && k < 3 && NAME_PARTICLES.has(toks[k]!.t)) k++;
  if (k === 0 || k === toks.length || toks.length - k > 2) return null;
  if (!toks.slice(k).every((t) => isNameWord(t))) return null;
  return { form: 'single', word: surface(text, toks), role: null, gender: '' };
}

const AFFILIATION = new Set(['of', 'at', 'from']);

/** "Dylan Marsh of SemiAnalysis", "Professor Gao Mingyuan of Tsinghua University": a person and where they work. */
function affiliated(text: string, toks: readonly Tok[]): Phrase | null {
  const k = toks.findIndex((t, i) => i > 0 && AFFILIATION.has(t.t));
  if (k < 0 || k === toks.length - 1) return null;
  let org = toks.slice(k + 1);
  if (org[0]?.lc === 'the' && org.length > 1) org = org.slice(1);
  if (!allProper(org)) return null;
  const who = properPhrase(text, toks.slice(0, k));
  if (!who || (who.form !== 'person' && who.form !== 'single')) return null;
  return { ...who, role: who.role ?? surface(text, org) };
}

function properPhrase(text: string, toks: readonly Tok[]): Phrase | null {
  const s = surface(text, toks);
  const g = gazetteerExact(s);
  if (g?.kind === 'firm') return { form: 'org', name: g.canonical, role: null };
  if (g?.kind === 'person') return { form: 'person', name: g.canonical, role: null, gender: '' };
  const r = titleSplit(toks);
  if (r >= 0) return nameFrom(text, toks.slice(r + 1), surface(text, toks.slice(0, r + 1)));
  // "Imec's Pieter Van der Berg": the organisation's possessive is context, not part of the name.
  if (toks.length > 1 && stripPossessive(toks[0]!.t).possessive) return properPhrase(text, toks.slice(1));
  const aff = affiliated(text, toks);
  if (aff) return aff;
  // "ChipWatch Asia": a brand-like first word makes the phrase an organisation.
  if (hasOrgWord(toks) || (toks.length > 1 && camelCased(toks[0]!.t)))
    return { form: 'org', name: s, role: null };
  return nameFrom(text, toks, null);
}

/** "an industry analyst", "people familiar with the matter", "an Nvidia spokesperson", "a spokesperson for Nvidia". */
function roleNounPhrase(text: string, toks: readonly Tok[], det: string | null): Phrase | null {
  let cut = toks.length;
  for (let i = 1; i < toks.length; i++) {
    if (POSTMOD.has(toks[i]!.lc)) {
      cut = i;
      break;
    }
  }
  let head = -1;
  for (let i = 0; i < cut; i++) if (PERSON_NOUNS.has(toks[i]!.lc)) head = i;
  if (head < 0) return null;
  // Everything before the head must be a modifier, not a verb or clause: words only, no pronouns.
  for (let i = 0; i < head; i++) {
    const t = toks[i]!;
    if (t.k !== WORD || PRONOUNS.has(t.lc) || NON_SPEAKER_SUBJECTS.has(t.lc)) return null;
    // Without a determiner, a capitalised modifier must be a place or an organisation ("Chinese
    // officials", "Nvidia engineers"), so "In March analysts" is read as just "analysts".
    if (!det && isProper(t)) {
      const base = stripPossessive(t.t).base;
      if (
        !PLACE_WORDS.has(base.toLowerCase()) &&
        !ORG_WORDS.has(base.toLowerCase()) &&
        gazetteerExact(base)?.kind !== 'firm'
      ) {
        return null;
      }
    }
  }
  // Nothing but a name may follow the head before its postmodifier ("an engineer remembers it" is a clause).
  for (let i = head + 1; i < cut; i++) if (toks[i]!.t === toks[i]!.lc) return null;
  // A postmodifier is a short phrase ("familiar with the matter", "at Bernstein"), never a clause.
  if (toks.length - cut > 8) return null;
  for (let i = cut; i < toks.length; i++) {
    const t = toks[i]!;
    if (
      CLAUSE_WORDS.has(t.lc) ||
      (t.t === t.lc && (SPEECH_VERB_SET.has(t.lc) || LABEL_VERB_SET.has(t.lc))) ||
      PRONOUNS.has(t.lc) ||
      (t.k === WORD &&
        t.t === t.lc &&
        t.lc !== 'familiar' &&
        /ed$/.test(t.lc) &&
        i > cut &&
        toks[i - 1]!.lc !== 'with')
    ) {
      if (!/^(briefed|involved|based)$/.test(t.lc)) return null;
    }
  }
  const headTok = toks[head]!;
  if (SPOKES_NOUNS.has(headTok.lc)) {
    const before = toks.slice(0, head);
    if (before.length > 0 && allProper(before)) {
      const orgS = stripPossessive(surface(text, before)).base;
      const g = gazetteerExact(orgS);
      if (g?.kind === 'firm' || hasOrgWord(before))
        return { form: 'org', name: g?.canonical ?? orgS, role: headTok.t };
    }
    const after = toks.slice(head + 1);
    if (after[0]?.lc === 'for' && after.length > 1) {
      let rest = after.slice(1);
      if (rest[0]?.lc === 'the' && rest.length > 1 && isProper(rest[1]!)) rest = rest.slice(1);
      // A sentence-initial "Analysts" or "Officials" is a common noun, not a name.
      if (
        PERSON_NOUNS.has(rest[0]!.lc) &&
        !TITLE_NOUNS.has(rest[0]!.lc) &&
        rest[0]!.t !== rest[0]!.t.toUpperCase()
      ) {
        const rn = roleNounPhrase(text, rest, det);
        if (rn) return rn;
      }
      if (allProper(rest)) {
        const orgS = surface(text, rest);
        const g = gazetteerExact(orgS);
        if (g?.kind === 'firm' || hasOrgWord(rest))
          return { form: 'org', name: g?.canonical ?? orgS, role: headTok.t };
      }
    }
  }
  const lc = headTok.lc;
  const plural = lc.endsWith('s') || lc === 'people' || lc.endsWith('men') || lc === 'spokespeople';
  if (!det && !plural) return null;
  return { form: 'unnamed', role: surface(text, toks), head: lc, plural, definite: det === 'the' };
}

/**
 * Reads one speaker phrase (no commas inside): a pronoun, a name with or without a title, an
 * organisation, an unnamed source or "the company". Null when it is none of these.
 */
export function parsePhrase(text: string, toks: readonly Tok[]): Phrase | null {
  if (toks.length === 0 || toks.length > 14) return null;
  for (const t of toks) if (t.k !== WORD && t.t !== '&') return null;
  // "But Rebecca Tan said": a sentence's lead-in word is not part of the speaker.
  // "As Senator Ruth Okafor put it": "as" opens the clause, it is not part of the speaker.
  if (toks.length > 1 && (SUBJECT_LEAD_INS.has(toks[0]!.lc) || toks[0]!.lc === 'as'))
    return parsePhrase(text, toks.slice(1));
  const first = toks[0]!;
  if (toks.length === 1 && PRONOUNS.has(first.lc)) return { form: 'pronoun', pronoun: first.lc as 'he' };
  if (toks.length >= 3 && first.lc === 'one' && toks[1]!.lc === 'of' && toks.length <= 6) {
    const group = toks.slice(2);
    if (group.length === 1 && /^(them|those)$/.test(group[0]!.lc)) return { form: 'oneOf', group: '' };
    if (group[0]!.lc === 'the' && PERSON_NOUNS.has(group[group.length - 1]!.lc))
      return { form: 'oneOf', group: surface(text, group) };
  }
  if (NON_SPEAKER_SUBJECTS.has(first.lc) && toks.length === 1) return null;
  const doc = documentPhrase(toks);
  if (doc) return doc;
  const last = toks[toks.length - 1]!;
  if (stripPossessive(last.t).possessive) return null;
  let det: string | null = null;
  let rest = toks;
  if (DETERMINERS.has(first.lc)) {
    det = first.lc;
    rest = toks.slice(1);
  }
  if (rest.length === 0) return null;
  // "a pair of people briefed on the topic", "a handful of executives": the people are the phrase.
  if (det && rest.length > 2 && QUANTITY_NOUNS.has(rest[0]!.lc) && rest[1]!.lc === 'of') {
    const inner = roleNounPhrase(text, rest.slice(2), det);
    if (inner?.form === 'unnamed' && inner.plural) return inner;
  }
  if (det === 'the' && rest.length === 1 && ORG_ANAPHORS.has(rest[0]!.lc)) {
    return { form: 'anaphor', head: rest[0]!.lc, type: ORG_ANAPHORS.get(rest[0]!.lc)! };
  }
  // A sentence-initial "Analysts" or "Officials" is a common noun, not a name.
  if (
    PERSON_NOUNS.has(rest[0]!.lc) &&
    !TITLE_NOUNS.has(rest[0]!.lc) &&
    rest[0]!.t !== rest[0]!.t.toUpperCase()
  ) {
    const rn = roleNounPhrase(text, rest, det);
    if (rn) return rn;
  }
  if (!det) {
    const ps = particleSurname(text, rest);
    if (ps) return ps;
  }
  if (allProper(rest)) {
    if (det && det !== 'the') return null;
    const p = properPhrase(text, rest);
    // "the Commerce Department" is an organisation; "the Jensen Huang" is not a speaker phrase.
    if (det === 'the' && p && p.form !== 'org') return null;
    return p;
  }
  if (!det) {
    const r = titleSplit(rest);
    if (r >= 0) return nameFrom(text, rest.slice(r + 1), surface(text, rest.slice(0, r + 1)));
  }
  const rn = roleNounPhrase(text, rest, det);
  if (rn) return rn;
  const gov = governmentBody(text, rest);
  if (gov) return gov;
  if (det === 'the' && rest.length <= 3) {
    const type = ORG_ANAPHORS.get(rest[rest.length - 1]!.lc);
    if (type) return { form: 'anaphor', head: rest[rest.length - 1]!.lc, type };
  }
  return null;
}

const QUANTITY_NOUNS = new Set(['pair', 'couple', 'handful', 'number', 'dozen', 'group', 'trio']);

const DOC_DETERMINERS = new Set(['the', 'its', 'their', 'that', 'this']);

/** "the filing", "the company's statement", "its annual report": a document as the subject of a cue. */
function documentPhrase(toks: readonly Tok[]): Phrase | null {
  const last = toks[toks.length - 1]!;
  if (toks.length < 2 || toks.length > 4 || last.t !== last.lc || !DOCUMENT_SPEAKERS.has(last.lc))
    return null;
  if (!DOC_DETERMINERS.has(toks[0]!.lc)) return null;
  for (const t of toks.slice(1, -1)) if (t.t !== t.lc) return null;
  return { form: 'document', noun: last.lc };
}

const GOV_NOUNS = new Set(
  'ministry department embassy government regulator watchdog agency commission bureau office administration cabinet parliament customs'.split(
    ' ',
  ),
);

const GOV_MODIFIERS = new Set(
  'foreign commerce trade industry finance economy economic defense defence state national federal cyberspace market science technology'.split(
    ' ',
  ),
);

/** "China's foreign ministry", "the Dutch government", "Japan's trade ministry": a named public body. */
function governmentBody(text: string, toks: readonly Tok[]): Phrase | null {
  const last = toks[toks.length - 1]!;
  if (toks.length < 2 || toks.length > 5 || !GOV_NOUNS.has(last.lc)) return null;
  const first = toks[0]!;
  const base = stripPossessive(first.t);
  if (!isProper(first) || !(base.possessive || PLACE_WORDS.has(base.base.toLowerCase()))) return null;
  for (const t of toks.slice(1, -1)) if (!GOV_MODIFIERS.has(t.lc) && !isProper(t)) return null;
  const name = surface(text, toks);
  const g = gazetteerExact(name);
  return { form: 'org', name: g?.kind === 'firm' ? g.canonical : name, role: null };
}
