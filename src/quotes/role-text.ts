import { PERSON_NOUNS } from './lexicon/words.js';

const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['people', 'person'],
  ['persons', 'person'],
  ['spokespeople', 'spokesperson'],
]);

const COUNT_WORDS = new Set(
  'a an the one two three four five six seven eight nine ten several some many multiple few various both other'.split(
    ' ',
  ),
);

function singularNoun(w: string): string {
  const lc = w.toLowerCase();
  const irregular = IRREGULAR.get(lc);
  if (irregular) return irregular;
  if (lc.endsWith('men')) return `${w.slice(0, -3)}man`;
  if (lc.endsWith('ies') && lc.length > 4) return `${w.slice(0, -3)}y`;
  if (lc.endsWith('s') && !lc.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/**
 * The role of one member of a described group: "two people briefed on the matter" ->
 * "person briefed on the matter", "Chinese officials" -> "Chinese official". Used for "one of them said".
 */
export function memberRole(groupRole: string): string {
  const ws = groupRole.trim().split(/\s+/);
  while (ws.length > 1 && COUNT_WORDS.has(ws[0]!.toLowerCase())) ws.shift();
  const head = ws.findIndex((w) => PERSON_NOUNS.has(w.toLowerCase()));
  if (head >= 0) ws[head] = singularNoun(ws[head]!);
  return ws.join(' ');
}

/** Abbreviated titles and the nouns that refer back to them ("Gov. X ... the governor said"). */
const TITLE_ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['gov.', ['governor']],
  ['sen.', ['senator']],
  ['rep.', ['representative', 'congressman', 'congresswoman', 'lawmaker']],
  ['amb.', ['ambassador']],
  ['pres.', ['president']],
  ['prof.', ['professor']],
  ['sec.', ['secretary']],
  ['gen.', ['general']],
  ['ceo', ['chief', 'executive']],
]);

/** The spelled-out title ("representative") -> the other nouns that refer back to it. */
const TITLE_SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  [...TITLE_ABBREVIATIONS.values()].map(([full, ...rest]) => [full!, rest]),
);

/**
 * "Rep." -> "Representative": a title written as an abbreviation, spelled out (a reader of a digest
 * may not know US newsroom abbreviations, and "Rep." alone reads like a typo); null for anything else.
 */
export function spelledTitle(role: string): string | null {
  const key = role.trim().toLowerCase();
  if (!key.endsWith('.')) return null;
  const full = TITLE_ABBREVIATIONS.get(key)?.[0];
  return full ? full[0]!.toUpperCase() + full.slice(1) : null;
}

/**
 * A person's role from the title written before the name and the description after it: "Rep." and
 * ", a Texas Democrat," give "Representative, a Texas Democrat" (an abbreviated title alone says
 * little); any other title wins over the description, as the first one written.
 */
export function combinedRole(prefix: string | null, after: string | null): string | null {
  const spelled = prefix ? spelledTitle(prefix) : null;
  if (spelled) return after ? `${spelled}, ${after}` : spelled;
  return prefix ?? after;
}

/** The lower-case words of a role, with what its abbreviations stand for. */
export function roleWords(role: string): string[] {
  const out: string[] = [];
  for (const w of role.toLowerCase().split(/[\s,]+/)) {
    if (!w) continue;
    out.push(w);
    for (const x of TITLE_ABBREVIATIONS.get(w) ?? TITLE_SYNONYMS.get(w) ?? []) out.push(x);
  }
  // A chief financial officer or a company president is who "the executive" refers back to.
  if (out.some((w) => EXECUTIVE_TITLES.has(w)) && !out.includes('executive')) out.push('executive');
  return out;
}

const EXECUTIVE_TITLES = new Set(
  'chief ceo cfo coo cto cio president chairman chairwoman chairperson founder co-founder'.split(' '),
);

/** Does the role contain this noun (or an abbreviation of it)? "Gov." has "governor". */
export function roleHasWord(role: string | null | undefined, noun: string): boolean {
  if (!role) return false;
  if (role.toLowerCase().includes(noun)) return true;
  return roleWords(role).includes(noun);
}
