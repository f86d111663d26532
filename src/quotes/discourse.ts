import type { GazetteerHit } from '../entities/matcher.js';
import { describedPerson, isByline } from './discourse-described.js';
import { addOrg, addPerson, type Ctx, type Discourse } from './discourse-model.js';
import { handleRun, isSubject, roleAfter, rolePrefix } from './discourse-runs.js';
import { NAME_PARTICLES, PERSON_NOUNS } from './lexicon/words.js';
import { combinedRole } from './role-text.js';
import { BREAK, isProper, isSentenceEnd, QUOTE, stripPossessive, type Tok, WORD } from './tokens.js';

export {
  type Discourse,
  type Gender,
  type Mention,
  type Person,
  paragraphIndex,
  personBySurname,
} from './discourse-model.js';

/**
 * One pass over the tokens outside quotation marks: gazetteer people and organisations, capitalised
 * names with their titles and roles, lone surnames resolved to the person named before.
 * `known` holds full names already read as speakers, so "said Olumide Adeyemi" counts as a person.
 */
export function buildDiscourse(
  text: string,
  toks: readonly Tok[],
  hits: readonly GazetteerHit[],
  known: ReadonlySet<string>,
): Discourse {
  const d: Discourse = {
    persons: new Map(),
    byNameWord: new Map(),
    byRoleWord: new Map(),
    unconfirmed: new Map(),
    orgs: new Map(),
    mentions: [],
    sentenceOf: new Int32Array(toks.length),
    paragraphStarts: [0],
  };
  const ctx: Ctx = { text, toks, known, d };
  let sentence = 0;
  let h = 0;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    d.sentenceOf[i] = sentence;
    if (isSentenceEnd(t)) {
      sentence++;
      if (t.k === BREAK) d.paragraphStarts.push(t.e);
      i++;
      continue;
    }
    if (t.k === QUOTE) {
      while (h < hits.length && hits[h]!.start < t.e) h++;
      if (t.ends) sentence++;
      i++;
      continue;
    }
    while (h < hits.length && hits[h]!.end <= t.s) h++;
    const hit = hits[h];
    if (hit && hit.start === t.s && (hit.kind === 'firm' || hit.kind === 'person')) {
      let j = i;
      while (j + 1 < toks.length && toks[j + 1]!.s < hit.end) j++;
      for (let k = i; k <= j; k++) d.sentenceOf[k] = sentence;
      const subject = !stripPossessive(toks[j]!.t).possessive && isSubject(toks, i, j);
      if (hit.kind === 'person') {
        const words = hit.canonical.split(' ');
        const p = addPerson(
          ctx,
          hit.canonical,
          words,
          hit.entry.gender ?? '',
          d.persons.get(hit.canonical)?.role ? null : combinedRole(rolePrefix(ctx, i), roleAfter(ctx, j)),
          t.s,
        );
        d.mentions.push({
          s: t.s,
          kind: 'person',
          key: p.name,
          surface: text.slice(hit.start, hit.end),
          subject,
          sentence,
          type: '',
          possessive: stripPossessive(toks[j]!.t).possessive,
        });
      } else {
        const type = hit.entry.type ?? 'company';
        addOrg(d, {
          s: t.s,
          kind: 'org',
          key: hit.canonical,
          surface: text.slice(hit.start, hit.end),
          subject,
          sentence,
          type,
        });
      }
      i = j + 1;
      continue;
    }
    if (t.k === WORD && t.t === t.lc && PERSON_NOUNS.has(t.lc) && !t.lc.endsWith('s') && t.lc !== 'people') {
      describedPerson(ctx, i, sentence);
    }
    if (t.k === WORD && isByline(toks, i)) {
      // "By Jane Doe", "Reporting by ...": the writers, never what a pronoun in the story means.
      while (i < toks.length && toks[i]!.k !== BREAK) d.sentenceOf[i++] = sentence;
      continue;
    }
    if (t.k === WORD && isProper(t)) {
      let j = i;
      while (j + 1 < toks.length) {
        const n = toks[j + 1]!;
        if (n.k !== WORD || (hits[h] && n.s >= hits[h]!.start && hits[h]!.start > t.s)) break;
        if (isProper(n)) j++;
        else {
          // "of", "and", "for" inside organisation names; particles inside people's ("von der Heyde").
          let m = j + 1;
          while (
            m - j <= 3 &&
            (/^(of|and|for)$/.test(toks[m]?.t ?? '') || NAME_PARTICLES.has(toks[m]?.t ?? ''))
          )
            m++;
          const after = toks[m];
          const joined = m - j === 2 || (m > j + 2 && NAME_PARTICLES.has(n.t));
          if (!joined || !after || after.k !== WORD || !isProper(after)) break;
          j = m;
        }
        if (j - i > 8) break;
      }
      for (let k = i; k <= j; k++) d.sentenceOf[k] = sentence;
      handleRun(ctx, i, j, sentence);
      i = j + 1;
      continue;
    }
    i++;
  }
  // Described people are recorded at their determiner, which can precede a name already recorded.
  d.mentions.sort((x, y) => x.s - y.s);
  return d;
}
