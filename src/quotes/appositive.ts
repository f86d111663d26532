import { PERSON_NOUNS } from './lexicon/words.js';
import { isTitleTok, surface } from './phrase.js';
import { isDateWord } from './time-phrases.js';
import { isProper, isSentenceEnd, QUOTE, type Tok, WORD } from './tokens.js';

/** Nouns that describe an organisation in an appositive ("ICwise, a Shanghai consultancy,"). */
const ORG_KINDS = new Set(
  'firm group consultancy company association tank institute agency maker chipmaker supplier startup fund bank brokerage lobby coalition alliance organisation organization body regulator foundry publication newspaper outlet manufacturer designer developer operator distributor provider consortium federation council'.split(
    ' ',
  ),
);

const RELATIVES = new Set(['who', 'whom', 'whose', 'which']);
const AFFILIATIONS = new Set(['at', 'of', 'for', 'from', 'with', 'in']);

/** A role from an appositive ("principal analyst at J.Gold Associates"), or null when it is not one. */
export function appositiveRole(text: string, toks: readonly Tok[]): string | null {
  let body = toks;
  // A named person's role is the noun phrase with its affiliation; a relative clause after one ("an
  // economist at X who studies industrial policy") describes them further and is left out, but without
  // one the clause is the affiliation ("a former engineer who now runs Lowlands Tech Advisory").
  const rel = body.findIndex((t, i) => i > 1 && t.k === WORD && RELATIVES.has(t.t));
  if (rel > 0 && body.slice(0, rel).some((t) => AFFILIATIONS.has(t.t))) body = body.slice(0, rel);
  if (body.length > 0 && /^(a|an|the|his|her|its|their)$/.test(body[0]!.lc)) body = body.slice(1);
  if (body.length === 0 || body.length > 18) return null;
  const head = body[0]!;
  if (head.k !== WORD) return null;
  if (
    /^(who|which|whose|where|when|whom|while|speaking|adding|noting|according|said|says|in|on|at|during|after|before)$/.test(
      head.lc,
    )
  )
    return null;
  // "speaking to reporters" is a clause; "managing director", "visiting professor" are roles.
  const next = body[1];
  if (
    head.t === head.lc &&
    head.lc.endsWith('ing') &&
    !(next && (isTitleTok(next) || PERSON_NOUNS.has(next.lc)))
  )
    return null;
  const scan = body.slice(0, 7);
  // People have titles ("principal analyst at X"); organisations descriptions ("a Hong Kong-based
  // research firm", "an industry group representing chip buyers").
  if (!scan.some((t) => isTitleTok(t) || PERSON_NOUNS.has(t.lc) || (t.t === t.lc && ORG_KINDS.has(t.lc))))
    return null;
  // A title quoted at the end keeps its marks but not the sentence's comma: `author of "Chip War"`.
  return surface(text, body).replace(/,(["\u201d\u2019']?)$/u, '$1');
}

const APPOSITIVE_BREAKERS = new Set(
  'has have had is was are were will would said says told added'.split(' '),
);

/** Does this token end an appositive like a comma does? A quoted title can carry the comma ("Chip War,"). */
export function isCommaLike(text: string, t: Tok): boolean {
  if (t.t === ',') return true;
  if (t.k !== QUOTE) return false;
  let k = t.e - 2;
  while (k > t.s && /\s/.test(text[k]!)) k--;
  return text[k] === ',';
}

/**
 * The role in the appositive that opens at the comma at `comma` (", the author of "Chip War,""), or
 * null. The appositive must close (comma, sentence end) before any verb: otherwise it is a clause.
 */
export function appositiveAfter(text: string, toks: readonly Tok[], comma: number): string | null {
  let k = comma + 1;
  while (k < toks.length && k - comma <= 20) {
    const t = toks[k]!;
    if (t.k === QUOTE && isCommaLike(text, t)) {
      k++;
      break;
    }
    if (t.t === ',' || t.t === ';' || t.t === ':' || isSentenceEnd(t) || t.k === QUOTE) break;
    if (t.k === WORD && t.t === t.lc && APPOSITIVE_BREAKERS.has(t.lc)) return null;
    k++;
  }
  const role = appositiveRole(text, toks.slice(comma + 1, k));
  if (!role || toks[k]?.t !== ',') return role;
  const more = roleContinuation(toks, k, toks[k - 1]!);
  return more > k ? appositiveRole(text, toks.slice(comma + 1, more)) : role;
}

/**
 * After a role and a comma, a last segment that ends the sentence and belongs to the role: the company
 * in a press release ("Executive Vice President, Kanto Materials."), or the rest of a list
 * ("deputy minister of investment, trade and industry."). Returns the end index, or `comma`.
 */
function roleContinuation(toks: readonly Tok[], comma: number, last: Tok): number {
  let e = comma + 1;
  while (e < toks.length && e - comma <= 8 && toks[e]!.k === WORD) e++;
  const end = toks[e];
  if (e === comma + 1 || (end && !isSentenceEnd(end))) return comma;
  const seg = toks.slice(comma + 1, e);
  const company = seg.every(
    (t, i) => (isProper(t) && !isDateWord(t)) || (i > 0 && /^(of|and|the|for)$/.test(t.t)) || t.t === '&',
  );
  const list =
    last.t === last.lc &&
    seg.length <= 4 &&
    seg.some((t) => t.t === 'and') &&
    seg.every((t) => t.t === t.lc && t.k === WORD);
  return company || list ? e : comma;
}
