import { lookupWords, wordsOf } from '../entities/matcher.js';
import { NAME_PARTICLES, NOT_NAME_WORDS, ORG_WORDS, TITLE_NOUNS } from './lexicon/words.js';
import { isProper, stripPossessive, type Tok, WORD } from './tokens.js';

/** The text the tokens cover, from the first token's start to the last one's end. */
export function surface(text: string, toks: readonly Tok[]): string {
  if (toks.length === 0) return '';
  return text.slice(toks[0]!.s, toks[toks.length - 1]!.e);
}

const NAME_WORD = /^\p{L}[\p{L}\p{M}'\u2019.\-\u2010]*$/u;

/** Could this token be one word of a person's name? */
export function isNameWord(t: Tok): boolean {
  return (
    isProper(t) &&
    NAME_WORD.test(t.t) &&
    !NOT_NAME_WORDS.has(t.lc) &&
    !ORG_WORDS.has(t.lc) &&
    !TITLE_NOUNS.has(t.lc)
  );
}

/** 1-4 name words, particles allowed inside ("Ursula von der Leyen"). */
export function isNameRun(toks: readonly Tok[]): boolean {
  if (toks.length === 0 || toks.length > 5) return false;
  let words = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (i > 0 && i < toks.length - 1 && NAME_PARTICLES.has(t.t)) continue;
    if (!isNameWord(t) || stripPossessive(t.t).possessive) return false;
    words++;
  }
  return words <= 4;
}

const exactCache = new Map<string, { kind: string; canonical: string } | null>();

/** The gazetteer entity these exact words name, when the case matches too. Memoised (names repeat). */
export function gazetteerExact(s: string): { kind: string; canonical: string } | null {
  const hit = exactCache.get(s);
  if (hit !== undefined) return hit;
  const found = gazetteerExactUncached(s);
  if (exactCache.size > 5000) exactCache.clear();
  exactCache.set(s, found);
  return found;
}

function gazetteerExactUncached(s: string): { kind: string; canonical: string } | null {
  const ws = wordsOf(s);
  if (ws.length === 0) return null;
  const found = lookupWords(ws).filter((f) => f.exactCase);
  const first = found[0];
  if (!first || found.some((f) => f.term.entry.canonical !== first.term.entry.canonical)) return null;
  return { kind: first.term.kind, canonical: first.term.entry.canonical };
}

/** A title word ("Secretary", "chief", "director-general"). */
export function isTitleTok(t: Tok): boolean {
  if (t.k !== WORD) return false;
  if (TITLE_NOUNS.has(t.lc)) return true;
  const parts = t.lc.split(/[-\u2010]/);
  return parts.length > 1 && TITLE_NOUNS.has(parts[parts.length - 1]!);
}

/** Words of a ministry's remit in a title ("Minister of Economic Affairs", "Secretary of State"). */
const DEPARTMENT_WORDS = new Set(
  `foreign affairs economic economy trade industry industries commerce finance defense defence state science
  technology technologies information energy education health justice interior home labor labour transport
  transportation agriculture treasury digital internal external public security national planning development
  investment communications telecommunications electronics culture environment research innovation welfare
  employment enterprise enterprises business economics strategy land infrastructure`.split(/\s+/),
);

/**
 * Where the name starts in a titled name between tokens a and b: "Commerce Secretary | Howard Lutnick",
 * "Deputy Minister of Economic Affairs | Lin Chuan-neng". The title word sits right before the longest
 * run of name words, or before "of"/"for" and the ministry's remit. -1 when there is no title.
 */
export function splitTitledName(toks: readonly Tok[], a: number, b: number): number {
  let k = b + 1;
  while (k > a && b + 1 - k < 5 && (isNameWord(toks[k - 1]!) || NAME_PARTICLES.has(toks[k - 1]!.t))) k--;
  const r = k - 1;
  if (r >= a && r < b && isTitleTok(toks[r]!) && isNameRun(toks.slice(r + 1, b + 1))) return r + 1;
  // "Minister of Economic Affairs Lin Chuan-neng": the remit's words are never name words here.
  for (let t = a; t < b - 1; t++) {
    if (!isTitleTok(toks[t]!) || !/^(of|for)$/.test(toks[t + 1]!.t)) continue;
    let m = t + 2;
    if (toks[m]?.t === 'the') m++;
    const first = m;
    while (
      m < b &&
      ((isProper(toks[m]!) && (DEPARTMENT_WORDS.has(toks[m]!.lc) || /^\p{Lu}{2,4}$/u.test(toks[m]!.t))) ||
        (m > first && toks[m]!.t === 'and'))
    )
      m++;
    if (m > first && toks[m - 1]!.t !== 'and' && isNameRun(toks.slice(m, b + 1))) return m;
  }
  return -1;
}

/** ICwise, IDC, TrendForce, iFlytek: capitals where surnames have none (McDonald, DeSantis excepted). */
export function brandLike(word: string): boolean {
  if (/^\p{Lu}{2,}/u.test(word)) return true;
  return camelCased(word);
}

/** A capital after a lower-case letter, as in brand names ("ChipWatch"), not "McDonald" or "DeSantis". */
export function camelCased(word: string): boolean {
  const inner = /\p{Ll}\p{Lu}/u.exec(word);
  return inner !== null && !/^(Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O)\p{Lu}/u.test(word);
}
