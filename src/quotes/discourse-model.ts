import { roleWords } from './role-text.js';
import type { Tok } from './tokens.js';

export type Gender = 'he' | 'she' | '';

export interface Person {
  name: string;
  first: string;
  last: string;
  gender: Gender;
  role: string | null;
  /** Offset of the first mention. */
  firstSeen: number;
}

/** A person or organisation named outside quotation marks. */
export interface Mention {
  s: number;
  /** 'unnamed': a person described, not named ("a former BIS official"); key is `unnamed:<role>`. */
  kind: 'person' | 'org' | 'unnamed';
  key: string;
  /** The words used ("the Ministry of Commerce"), for matching "the ministry". */
  surface: string;
  /** Sentence subject or the speaker of a cue: what a later pronoun most likely refers to. */
  subject: boolean;
  sentence: number;
  /** Organisations: 'company', 'agency' or '' when unknown. */
  type: string;
  /** Named in the possessive ("Lutnick's comments"). */
  possessive?: boolean;
}

/** Who is named where: people (with roles and genders) and organisations, in text order. */
export interface Discourse {
  persons: Map<string, Person>;
  /** People by the first and the last word of their name (for lone surnames). */
  byNameWord: Map<string, Person[]>;
  /** People by each word of their role (for "the minister"). */
  byRoleWord: Map<string, Person[]>;
  /** Capitalised pairs with no evidence of being a person yet, by last word ("Sofia Lind" under "Lind"). */
  unconfirmed: Map<string, { name: string; words: string[]; at: number }[]>;
  /** Organisations by name, with the offset of their first mention. */
  orgs: Map<string, number>;
  mentions: Mention[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Paragraph start offsets, in order. */
  paragraphStarts: number[];
}

export const AGENCY_NAME = /ministry|department|agency|bureau|commission|administration|office/i;

/** Records an organisation mention and the offset where it is first named. */
export function addOrg(d: Discourse, m: Mention): void {
  d.mentions.push(m);
  if (!d.orgs.has(m.key)) d.orgs.set(m.key, m.s);
}

export interface Ctx {
  text: string;
  toks: readonly Tok[];
  known: ReadonlySet<string>;
  d: Discourse;
}

/** Adds a person under a lookup key (a name word or a role word), at most 50 per key. */
export function index(m: Map<string, Person[]>, k: string, p: Person): void {
  const list = m.get(k);
  if (!list) m.set(k, [p]);
  else if (!list.includes(p) && list.length < 50) list.push(p);
}

/** The person with this name, created on first sight; the first gender and role seen are kept. */
export function addPerson(
  ctx: Ctx,
  name: string,
  words: readonly string[],
  gender: Gender,
  role: string | null,
  at: number,
): Person {
  let p = ctx.d.persons.get(name);
  if (!p) {
    p = { name, first: words[0]!, last: words[words.length - 1]!, gender, role: null, firstSeen: at };
    ctx.d.persons.set(name, p);
    index(ctx.d.byNameWord, p.first, p);
    if (p.last !== p.first) index(ctx.d.byNameWord, p.last, p);
  }
  if (!p.gender && gender) p.gender = gender;
  if (!p.role && role) {
    p.role = role;
    for (const w of roleWords(role)) index(ctx.d.byRoleWord, w, p);
  }
  return p;
}

/** The person a lone surname refers to among those already named, if exactly one. */
export function personBySurname(persons: Iterable<Person>, word: string): Person | null {
  let found: Person | null = null;
  for (const p of persons) {
    if (p.last === word || (p.first === word && p.name.includes(' '))) {
      if (found && found.name !== p.name) return null;
      found = p;
    }
  }
  return found;
}

/** Index of the paragraph holding offset `pos`. */
export function paragraphIndex(d: Discourse, pos: number): number {
  let lo = 0;
  let hi = d.paragraphStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.paragraphStarts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** "van", "De", "von der": particles that can open a surname ("De Vries said", "von der Heyde told"). */
export function opensWithParticle(words: readonly string[]): boolean {
  return words.length > 1 && NAME_PARTICLE_WORDS.has(words[0]!.toLowerCase());
}

const NAME_PARTICLE_WORDS = new Set(
  'de da di du del della van von der den ter ten bin binti al el la le dos das'.split(' '),
);

/**
 * The one person named before `before` whose full name ends with this surname ("Van Dyke" for Chris
 * Van Dyke, "de Vries" for Piet de Vries; the particle's case is ignored), or null.
 */
export function personBySuffix(d: Discourse, surname: string, before: number): Person | null {
  const tail = ` ${surname.toLowerCase()}`;
  const last = surname.split(' ').pop() ?? surname;
  let found: Person | null = null;
  for (const p of d.byNameWord.get(last) ?? []) {
    if (p.firstSeen >= before || !p.name.toLowerCase().endsWith(tail)) continue;
    if (found && found !== p) return null;
    found = p;
  }
  return found;
}

/**
 * "Lind said" after "the verdict of Sofia Lind": a lone surname used as a speaker confirms the one
 * capitalised pair before it that ends with it. The person is created then; null if none or several.
 */
export function confirmBySurname(d: Discourse, word: string, before: number): Person | null {
  const cands = (d.unconfirmed.get(word) ?? []).filter((c) => c.at < before);
  if (cands.length !== 1) return null;
  const c = cands[0]!;
  let p = d.persons.get(c.name);
  if (!p) {
    p = { name: c.name, first: c.words[0]!, last: word, gender: '', role: null, firstSeen: c.at };
    d.persons.set(c.name, p);
    index(d.byNameWord, p.first, p);
    index(d.byNameWord, p.last, p);
  }
  return p;
}
