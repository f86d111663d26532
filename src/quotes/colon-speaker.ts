import { type Attribution, sentenceStart } from './attribution.js';
import { cueAt } from './cue.js';
import { type Phrase, parsePhrase } from './phrase.js';
import { phraseBackward, phraseEndingAt } from './speaker-reading.js';
import { QUOTE, stripPossessive, type Tok, WORD } from './tokens.js';

const LINKING = new Set('was is were are sounded seemed remained looked appeared'.split(' '));
/** Verbs that hand over a message: "had a simple message for the company:", "offered a warning:". */
const GIVING = new Set('had has gave gives offered offers sent sends delivered delivers'.split(' '));
/** What someone says, as a noun: "message", "reply", "verdict". */
const SPEECH_NOUNS = new Set(
  'message messages warning warnings reply response answer retort verdict advice prediction explanation plea request reminder summary view take assessment'.split(
    ' ',
  ),
);

/**
 * `Lam Research chief executive Tim Archer was upbeat on the call: "..."`, `X, the mayor of Y, had a
 * simple message for the company: "..."`, `The company's reply ... was shorter: "..."`: no speech verb,
 * but the sentence is about its subject (or its subject's words) and hands over to the quotation with a
 * colon. Passive predicates ("was asked:", "was told:") introduce someone else's words and are left alone.
 */
export function colonSpeaker(text: string, toks: readonly Tok[], q: number): Attribution | null {
  if (toks[q - 1]?.t !== ':') return null;
  const ss = sentenceStart(toks, q - 1);
  let v = ss + 1;
  while (v < q - 1 && !(toks[v]!.k === WORD && (LINKING.has(toks[v]!.t) || GIVING.has(toks[v]!.t)))) {
    if (toks[v]!.k !== WORD && toks[v]!.t !== ',') return null;
    v++;
  }
  if (v >= q - 1) return null;
  const giving = GIVING.has(toks[v]!.t);
  let spoken = false;
  for (let k = v + 1; k < q - 1; k++) {
    const t = toks[k]!;
    if (t.k === QUOTE || cueAt(toks, k) || (k === v + 1 && t.t === t.lc && /ed$/.test(t.lc))) return null;
    if (SPEECH_NOUNS.has(t.t)) spoken = true;
  }
  if (giving && !spoken) return null;
  const subject = colonSubject(text, toks, v, ss);
  if (!subject) return null;
  return {
    phrase: subject.phrase,
    cue: text.slice(toks[v]!.s, toks[q - 2]!.e),
    role: subject.role,
    pos: subject.pos,
    direct: true,
    label: false,
    clauseEnd: -1,
    cueTok: v,
  };
}

function colonSubject(
  text: string,
  toks: readonly Tok[],
  v: number,
  ss: number,
): { phrase: Phrase; role: string | null; pos: number } | null {
  const named = (p: Phrase | undefined) =>
    p !== undefined &&
    p.form !== 'unnamed' &&
    p.form !== 'anaphor' &&
    p.form !== 'oneOf' &&
    p.form !== 'document';
  const whole = phraseEndingAt(text, toks, v - 1, ss, true);
  if (whole && named(whole.phrase)) return { ...whole, role: null };
  const back = phraseBackward(text, toks, v, ss);
  if (back && named(back.phrase) && toks.slice(ss, v).some((t) => t.t === ',')) return back;
  // "The company's reply, posted on its website, was shorter:": the owner of the words speaks.
  let n = ss;
  while (n < v && !stripPossessive(toks[n]!.t).possessive) n++;
  const noun = toks[n + 1];
  if (n >= v || !noun || !SPEECH_NOUNS.has(noun.t)) return null;
  const owner = toks
    .slice(ss, n + 1)
    .map((t, i, all) =>
      i === all.length - 1
        ? { ...t, t: stripPossessive(t.t).base, lc: stripPossessive(t.lc).base, e: t.e - 2 }
        : t,
    );
  const phrase = parsePhrase(text, owner);
  if (!phrase || phrase.form === 'pronoun' || phrase.form === 'oneOf' || phrase.form === 'document')
    return null;
  return { phrase, role: null, pos: toks[ss]!.s };
}
