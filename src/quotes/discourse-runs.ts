import { appositiveAfter, appositiveRole } from './appositive.js';
import { cueAt } from './cue.js';
import {
  AGENCY_NAME,
  addOrg,
  addPerson,
  type Ctx,
  type Gender,
  opensWithParticle,
  personBySuffix,
  personBySurname,
} from './discourse-model.js';
import { EAST_ASIAN_SURNAMES, FEMALE_GIVEN, MALE_GIVEN } from './lexicon/names.js';
import {
  HONORIFICS,
  NOT_NAME_WORDS,
  ORG_WORDS,
  PLACE_WORDS,
  SUBJECT_LEAD_INS,
  TITLE_NOUNS,
} from './lexicon/words.js';
import { isNameRun, splitTitledName, surface } from './phrase.js';
import { combinedRole } from './role-text.js';
import { isProper, isSentenceEnd, stripPossessive, type Tok, WORD } from './tokens.js';

function genderOfGiven(first: string): Gender {
  const f = first.toLowerCase();
  if (MALE_GIVEN.has(f)) return 'he';
  if (FEMALE_GIVEN.has(f)) return 'she';
  return '';
}

/** Does a capitalised pair look like a person's name without further evidence? */
function nameEvidence(words: readonly string[]): boolean {
  const f = words[0]!.toLowerCase();
  const l = words[words.length - 1]!.toLowerCase();
  if (MALE_GIVEN.has(f) || FEMALE_GIVEN.has(f)) return true;
  return words.length <= 3 && (EAST_ASIAN_SURNAMES.has(f) || EAST_ASIAN_SURNAMES.has(l));
}

export const ROLE_MODIFIERS = new Set(
  'chief senior deputy vice former then acting foreign commerce trade finance executive managing general principal lead co-founder founding assistant associate interim'.split(
    ' ',
  ),
);

const FRONTING = new Set(
  'asked speaking in at on after when while during following despite with for as since before like unlike writing responding addressing last earlier later'.split(
    ' ',
  ),
);

/** Does the sentence open with a fronted phrase ending at the comma at k ("Asked about X, Huang said")? */
export function frontedClause(toks: readonly Tok[], k: number): boolean {
  let s = k - 1;
  while (s >= 0 && k - s < 30 && !isSentenceEnd(toks[s]!)) {
    if (toks[s]!.t === ',') return false;
    s--;
  }
  const first = toks[s + 1];
  if (!first || first.k !== WORD) return false;
  return FRONTING.has(first.lc) || /(ing|ed)$/.test(first.lc);
}

/** Is the run at [a, b] a sentence subject or next to a speech cue? */
export function isSubject(toks: readonly Tok[], a: number, b: number, depth = 0): boolean {
  // "Morris Chang and C.C. Wei both spoke": the second conjunct is a subject if the first is.
  const conj = toks[a - 1];
  if (depth === 0 && conj && (conj.lc === 'and' || conj.t === '&') && toks[a - 2] && isProper(toks[a - 2]!)) {
    let f = a - 2;
    while (f > 0 && isProper(toks[f - 1]!) && a - f < 8) f--;
    if (isSubject(toks, f, a - 2, 1)) return true;
  }
  let k = a - 1;
  while (
    k >= 0 &&
    toks[k]!.k === WORD &&
    (SUBJECT_LEAD_INS.has(toks[k]!.lc) ||
      ROLE_MODIFIERS.has(toks[k]!.lc) ||
      TITLE_NOUNS.has(toks[k]!.lc) ||
      // "Opposition legislator Chang Yu-ting accused": a capitalised word qualifying the title.
      (isProper(toks[k]!) && k + 1 < a && TITLE_NOUNS.has(toks[k + 1]!.lc)))
  )
    k--;
  while (k >= 0 && toks[k]!.t === ',' && k > 0 && SUBJECT_LEAD_INS.has(toks[k - 1]!.lc)) k -= 2;
  const prev = toks[k];
  if (!prev || isSentenceEnd(prev) || prev.t === ':' || prev.t === ';') return true;
  if (cueAt(toks, a - 1)) return true;
  if (
    prev.t === ',' &&
    frontedClause(toks, k) &&
    toks[b + 1]?.k === WORD &&
    toks[b + 1]!.t === toks[b + 1]!.lc &&
    toks[b + 1]!.lc !== 'and'
  ) {
    return true;
  }
  let n = b + 1;
  if (toks[n]?.t === ',') {
    // Skip an appositive: "Chris Miller, author of ..., said".
    let m = n + 1;
    while (m < toks.length && m - n < 22 && toks[m]!.t !== ',' && !isSentenceEnd(toks[m]!)) m++;
    if (toks[m]?.t === ',') n = m + 1;
  }
  while (
    toks[n] &&
    toks[n]!.k === WORD &&
    toks[n]!.t === toks[n]!.lc &&
    /^(also|has|had|have|later|then|repeatedly|once)$/.test(toks[n]!.lc)
  )
    n++;
  const c = cueAt(toks, n);
  return c !== null && (c.kind === 'verb' || c.kind === 'label');
}

/** Role words right before a name run: "Nvidia chief executive Jensen Huang". */
export function rolePrefix(ctx: Ctx, a: number): string | null {
  const prev = ctx.toks[a - 1];
  if (!prev || prev.k !== WORD || !TITLE_NOUNS.has(prev.lc)) return null;
  return surface(ctx.text, ctx.toks.slice(roleStart(ctx.toks, a - 1, 5), a));
}

/**
 * Where a role ending at token `from` starts: back over modifiers, title nouns and capitalised words
 * (place names included, other common words not), at most `max` words before `from`.
 */
function roleStart(toks: readonly Tok[], from: number, max: number): number {
  let k = from;
  while (k - 1 >= 0 && from - k < max) {
    const t = toks[k - 1]!;
    if (
      t.k !== WORD ||
      !(
        ROLE_MODIFIERS.has(t.lc) ||
        TITLE_NOUNS.has(t.lc) ||
        (isProper(t) && (!NOT_NAME_WORDS.has(t.lc) || PLACE_WORDS.has(t.lc)))
      )
    )
      break;
    k--;
  }
  return k;
}

/** "chief executive, NAME": the role written before a name and a comma, and whether it opens the sentence. */
function roleBeforeComma(ctx: Ctx, a: number): { role: string; subject: boolean } | null {
  const { toks, text } = ctx;
  const title = toks[a - 2];
  if (toks[a - 1]?.t !== ',' || !title || title.k !== WORD || !TITLE_NOUNS.has(title.lc)) return null;
  const r = roleStart(toks, a - 2, 6);
  const prev = toks[r - 1];
  const subject = !prev || isSentenceEnd(prev) || (prev.t === ',' && frontedClause(toks, r - 1));
  return { role: surface(text, toks.slice(r, a - 1)), subject };
}

/** Role after a name: an appositive (", CEO of Nvidia,") or a description ("is a historian at Tufts"). */
export function roleAfter(ctx: Ctx, b: number): string | null {
  const { toks, text } = ctx;
  let k = b + 1;
  const t = toks[k];
  if (t?.t === ',') return appositiveAfter(text, toks, k);
  if (t && (t.lc === 'is' || t.lc === 'was') && toks[k + 1] && /^(a|an|the)$/.test(toks[k + 1]!.lc)) {
    k += 1;
    let m = k;
    while (
      m < toks.length &&
      m - k <= 14 &&
      toks[m]!.t !== ',' &&
      !isSentenceEnd(toks[m]!) &&
      !/^(and|who|which|whose)$/.test(toks[m]!.lc)
    )
      m++;
    return appositiveRole(text, toks.slice(k, m));
  }
  return null;
}

/**
 * One run of capitalised words: an organisation, a person (full name with title or role), or a lone
 * surname of someone already named. Records the mention; people need evidence to count as such.
 */
export function handleRun(ctx: Ctx, a: number, b: number, sentence: number): void {
  const { toks, text, d } = ctx;
  // "... Communications Technology and Wang Tao": an organisation and a person joined by "and".
  for (let k = b - 2; k > a; k--) {
    if (toks[k]!.lc !== 'and') continue;
    const right = toks.slice(k + 1, b + 1);
    if (right.length >= 2 && isNameRun(right)) {
      handleRun(ctx, a, k - 1, sentence);
      handleRun(ctx, k + 1, b, sentence);
      return;
    }
  }
  // "Gov. Janet Holloway of Arizona": a titled name, then where the person serves.
  for (let k = a + 2; k < b; k++) {
    if (toks[k]!.t !== 'of') continue;
    if (splitTitledName(toks, a, k - 1) > a) {
      handleRun(ctx, a, k - 1, sentence);
      return;
    }
    break;
  }
  // A place or demonym may open a role ("European Commissioner X"), never a name.
  while (
    a <= b &&
    !PLACE_WORDS.has(toks[a]!.lc) &&
    (NOT_NAME_WORDS.has(toks[a]!.lc) || SUBJECT_LEAD_INS.has(toks[a]!.lc))
  )
    a++;
  const roleFrom = a;
  while (a <= b && (NOT_NAME_WORDS.has(toks[a]!.lc) || SUBJECT_LEAD_INS.has(toks[a]!.lc))) a++;
  // "Imec's Pieter Van der Berg": the possessive organisation is not part of the name.
  while (a < b && stripPossessive(toks[a]!.t).possessive) a++;
  if (a > b) return;
  let role: string | null = null;
  let gender: Gender = '';
  // Title inside the run: "Commerce Secretary Howard Lutnick", "Deputy Minister of Economic Affairs X".
  const titled = splitTitledName(toks, a, b);
  if (titled >= 0) {
    role = surface(text, toks.slice(roleFrom, titled));
    a = titled;
  }
  const h = HONORIFICS.get(toks[a]!.lc);
  if (h !== undefined && a < b) {
    gender = h;
    a++;
  }
  // A possessive last word ("Lutnick's comments") still names the person.
  const possessive = stripPossessive(toks[b]!.t).possessive;
  const run = toks
    .slice(a, b + 1)
    .map((t, i, all) =>
      i === all.length - 1 && possessive
        ? { ...t, t: stripPossessive(t.t).base, lc: stripPossessive(t.lc).base, e: t.e - 2 }
        : t,
    );
  const words = run.map((t) => t.t);
  const name = surface(text, run);
  // "Jensen Huang's comments were ...": a possessive is never the subject.
  let subject = !possessive && isSubject(toks, a, b);
  // "Tokyo Electron's chief executive, Toshiki Kawai, said": the role before the comma is evidence of a
  // person, and the name is the subject when the role is.
  const before = roleBeforeComma(ctx, a);
  if (before) {
    role ??= before.role;
    if (before.subject && toks[b + 1]?.t === ',') subject = true;
  }
  if (run.some((t) => ORG_WORDS.has(t.lc))) {
    if (run.length > 1)
      addOrg(d, {
        s: run[0]!.s,
        kind: 'org',
        key: name,
        surface: name,
        subject,
        sentence,
        type: AGENCY_NAME.test(name) ? 'agency' : '',
      });
    return;
  }
  if (!isNameRun(run)) return;
  if (run.length > 1 && !d.persons.get(name)?.role) role ??= rolePrefix(ctx, a);
  if (run.length === 1) {
    const p = personBySurname(d.byNameWord.get(words[0]!) ?? [], words[0]!);
    if (p) {
      if (gender && !p.gender) p.gender = gender;
      d.mentions.push({
        s: run[0]!.s,
        kind: 'person',
        key: p.name,
        surface: name,
        subject,
        sentence,
        type: '',
        possessive,
      });
    }
    return;
  }
  // "Van Dyke said" after "Sen. Chris Van Dyke": the surname of someone already named.
  const longer = !d.persons.has(name) && opensWithParticle(words) ? personBySuffix(d, name, run[0]!.s) : null;
  if (longer) {
    d.mentions.push({
      s: run[0]!.s,
      kind: 'person',
      key: longer.name,
      surface: name,
      subject,
      sentence,
      type: '',
      possessive,
    });
    return;
  }
  const known = d.persons.get(name);
  // Roles are read once per person: the first description is the one kept.
  const after = known?.role ? null : roleAfter(ctx, b);
  const evidence =
    known !== undefined ||
    role !== null ||
    gender !== '' ||
    after !== null ||
    ctx.known.has(name) ||
    nameEvidence(words) ||
    subject;
  if (!evidence) {
    // Not yet known to be a person ("the verdict of Sofia Lind"): a later "Lind said" may confirm it.
    const list = d.unconfirmed.get(words[words.length - 1]!) ?? [];
    if (list.length < 5 && !list.some((c) => c.name === name)) list.push({ name, words, at: run[0]!.s });
    d.unconfirmed.set(words[words.length - 1]!, list);
    return;
  }
  const personRole = combinedRole(role, after);
  const p = addPerson(ctx, name, words, gender || genderOfGiven(words[0]!), personRole, run[0]!.s);
  d.mentions.push({
    s: run[0]!.s,
    kind: 'person',
    key: p.name,
    surface: name,
    subject,
    sentence,
    type: '',
    possessive,
  });
}
