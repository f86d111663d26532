import type { Discourse } from './discourse-model.js';
import type { Speaker } from './quote.js';
import { type Tok, WORD } from './tokens.js';

/** Index of the last token starting at or before `pos`. */
export function tokenAt(toks: readonly Tok[], pos: number): number {
  let lo = 0;
  let hi = toks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (toks[mid]!.s <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Who issued the document that "the filing said" or "the statement read" refers to: the document noun
 * must have been used before, in the window, and its sentence must name its issuer without doubt: the
 * one speaker already attributed there ("In a statement, the company said it ..."), else the one
 * organisation or person named there ("Micron expects ..., according to a regulatory filing"), else
 * the one sentence subject. News organisations that saw or reported a document never issued it.
 */
export function documentAuthor(
  toks: readonly Tok[],
  d: Discourse,
  noun: string,
  from: number,
  pos: number,
  speakersIn: (sentence: number) => Speaker[],
): Speaker | null {
  let k = tokenAt(toks, pos) - 1;
  while (k >= 0 && toks[k]!.s >= pos) k--;
  for (; k >= 0 && toks[k]!.s >= from; k--) {
    const t = toks[k]!;
    if (t.k === WORD && (t.lc === noun || t.lc === `${noun}s`)) break;
  }
  if (k < 0 || toks[k]!.s < from || !introduced(toks, k)) return null;
  const sentence = d.sentenceOf[k] ?? -1;
  const said = distinct(speakersIn(sentence).filter((s) => s.kind !== 'unnamed'));
  if (said.length === 1) return { ...said[0]!, role: null };
  if (said.length > 1) return null;
  const named = mentionsOfSentence(d, sentence).filter(
    (m) => m.kind !== 'unnamed' && !m.possessive && m.type !== 'media',
  );
  const pick = (ms: typeof named): Speaker | null => {
    const keys = new Set(ms.map((m) => m.key));
    if (keys.size !== 1) return null;
    const m = ms[0]!;
    return { name: m.key, role: null, kind: m.kind === 'org' ? 'organization' : 'person' };
  };
  return pick(named) ?? pick(named.filter((m) => m.subject));
}

function distinct(ss: Speaker[]): Speaker[] {
  const out: Speaker[] = [];
  for (const s of ss) if (!out.some((o) => o.name === s.name && o.kind === s.kind)) out.push(s);
  return out;
}

/** The mentions in one sentence (mentions are in text order, so sentences are too). */
function mentionsOfSentence(d: Discourse, sentence: number): Discourse['mentions'] {
  const ms = d.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]!.sentence < sentence) lo = mid + 1;
    else hi = mid;
  }
  const out: Discourse['mentions'] = [];
  for (let i = lo; i < ms.length && ms[i]!.sentence === sentence && out.length < 50; i++) out.push(ms[i]!);
  return out;
}

const INTRODUCERS = new Set(['a', 'an', 'its', 'their', 'his', 'her', 'our', 'in', 'new']);

/**
 * Is the document at token k introduced there ("in a statement", "according to a regulatory filing",
 * "Nvidia's statement") rather than referred back to ("asked about the report")? Only an introduction
 * tells who issued it.
 */
function introduced(toks: readonly Tok[], k: number): boolean {
  let j = k - 1;
  while (
    j >= 0 &&
    k - j <= 3 &&
    toks[j]!.k === WORD &&
    toks[j]!.t === toks[j]!.lc &&
    !INTRODUCERS.has(toks[j]!.lc) &&
    toks[j]!.lc !== 'the'
  )
    j--;
  const t = toks[j];
  if (!t || t.k !== WORD) return false;
  return INTRODUCERS.has(t.lc) || /['\u2019]s$/.test(t.t);
}
