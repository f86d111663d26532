import { cueAt } from './cue.js';
import type { Ctx, Person } from './discourse-model.js';
import { isSubject } from './discourse-runs.js';
import { PERSON_NOUNS, PRONOUNS, TITLE_NOUNS } from './lexicon/words.js';
import { surface } from './phrase.js';
import { roleHasWord } from './role-text.js';
import { BREAK, isProper, isSentenceEnd, QUOTE, stripPossessive, type Tok, WORD } from './tokens.js';

const DESCRIBED_DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another']);

/**
 * "a former BIS official", "the minister": a person described, not named, whom a later "she said" may
 * mean. "the minister" after a named minister is that person.
 */
export function describedPerson(ctx: Ctx, i: number, sentence: number): void {
  const { toks, text, d } = ctx;
  const next = toks[i + 1];
  if (next && isProper(next)) return; // a title: "analyst Jane Doe"
  if (next && next.t === next.lc && PERSON_NOUNS.has(next.lc)) return; // the phrase goes on: "chief executive"
  if (next?.t === ',' && toks[i + 2] && isProper(toks[i + 2]!)) return; // named next: "chief executive, Jane Doe"
  let k = i - 1;
  const ownerAt = (t: Tok) => isProper(t) && stripPossessive(t.t).possessive; // "Infineon's chief executive"
  while (
    k >= 0 &&
    i - k <= 4 &&
    toks[k]!.k === WORD &&
    !DESCRIBED_DETERMINERS.has(toks[k]!.lc) &&
    !ownerAt(toks[k]!)
  ) {
    if (PRONOUNS.has(toks[k]!.lc)) return;
    k--;
  }
  const det = toks[k];
  if (!det || det.k !== WORD) return;
  // "Khalid al-Sayed, a managing director at ...": an appositive describes the person just named.
  const comma = toks[k - 1];
  if (
    comma?.t === ',' &&
    d.mentions.some(
      (m) =>
        m.kind === 'person' &&
        m.s < comma.s &&
        m.s >= (toks[k - 6]?.s ?? 0) &&
        namedRightBefore(toks, k - 1, m.s),
    )
  )
    return;
  const owned = ownerAt(det);
  if (!owned && !DESCRIBED_DETERMINERS.has(det.lc)) return;
  const role = surface(text, toks.slice(owned ? k : k + 1, i + 1));
  const subject = isSubject(toks, k, i);
  if (det.lc === 'the') {
    let match: Person | null = null;
    for (const p of d.byRoleWord.get(toks[i]!.lc) ?? []) {
      if (p.firstSeen < det.s && roleHasWord(p.role, toks[i]!.lc)) {
        if (match) return;
        match = p;
      }
    }
    match ??= epithetOf(ctx, k, i, sentence);
    if (match) {
      d.mentions.push({
        s: det.s,
        kind: 'person',
        key: match.name,
        surface: role,
        subject,
        sentence,
        type: '',
      });
      return;
    }
  }
  d.mentions.push({
    s: det.s,
    kind: 'unnamed',
    key: `unnamed:${role}`,
    surface: role,
    subject,
    sentence,
    type: '',
  });
}

/** A credit line: a paragraph opening with "By", "Reporting by", "Editing by", "Writing by", "Photo". */
export function isByline(toks: readonly Tok[], i: number): boolean {
  const prev = toks[i - 1];
  if (prev && prev.k !== BREAK) return false;
  const t = toks[i]!;
  const n = toks[i + 1];
  const credit =
    ((t.t === 'By' || t.t === 'Photo' || t.t === 'Photos') && n !== undefined && isProper(n)) ||
    (/^(Reporting|Editing|Writing|Additional)$/.test(t.t) && (n?.lc === 'by' || n?.lc === 'reporting'));
  if (!credit) return false;
  // Short, and no quotation in it: "By contrast, Huang said ..." is a sentence, not a credit.
  let k = i;
  while (k < toks.length && toks[k]!.k !== BREAK) {
    if (toks[k]!.k === QUOTE || k - i > (t.t === 'By' ? 10 : 30) || cueAt(toks, k)) return false;
    k++;
  }
  return true;
}

/**
 * "... echoed by Pat Gelsinger. The former Intel chief said": a definite title description opening a
 * sentence, right after a sentence naming exactly one person, is that person.
 */
function epithetOf(ctx: Ctx, det: number, noun: number, sentence: number): Person | null {
  const { toks, d } = ctx;
  if (!TITLE_NOUNS.has(toks[noun]!.lc)) return null;
  const prev = toks[det - 1];
  if (prev && !isSentenceEnd(prev)) return null;
  let found: string | null = null;
  for (let m = d.mentions.length - 1; m >= 0; m--) {
    const x = d.mentions[m]!;
    if (x.sentence < sentence - 1) break;
    if (x.kind === 'org') continue;
    if (x.kind === 'unnamed' || x.possessive) {
      if (x.kind === 'unnamed') return null;
      continue;
    }
    if (found && found !== x.key) return null;
    found = x.key;
  }
  return found ? (d.persons.get(found) ?? null) : null;
}

/** Does the person mention at offset `s` end right before the comma at token `c`? */
function namedRightBefore(toks: readonly Tok[], c: number, s: number): boolean {
  let k = c - 1;
  while (k >= 0 && toks[k]!.s > s && toks[k]!.k === WORD && isProper(toks[k]!)) k--;
  return toks[k]?.s === s;
}
