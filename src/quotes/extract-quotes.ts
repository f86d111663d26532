import { scanGazetteer } from '../entities/matcher.js';
import {
  type Attribution,
  cueAfter,
  cueBefore,
  reportedAt,
  reportedCues,
  sentenceStart,
} from './attribution.js';
import { colonSpeaker } from './colon-speaker.js';
import { buildDiscourse, type Discourse, paragraphIndex } from './discourse.js';
import { attributionAhead } from './forward-attribution.js';
import { NOT_NAME_WORDS, PRONOUNS, SUBJECT_LEAD_INS } from './lexicon/words.js';
import { dropLiveStamps } from './live-stamps.js';
import { findSpans, type Span } from './marks.js';
import { isVerbatim, type Quote, type Speaker } from './quote.js';
import { SpeakerResolver } from './resolve.js';
import { isQuoteLike, isTermLike } from './terms.js';
import {
  BREAK,
  isProper,
  isSentenceEnd,
  PUNCT,
  QUOTE,
  stripPossessive,
  type Tok,
  tokenize,
  WORD,
} from './tokens.js';
import { trailingAttribution } from './trailing-attribution.js';

/** Starts a sentence: nothing but a sentence end, a paragraph break, a bracket or another quote before it. */
function isSentenceInitial(toks: readonly Tok[], q: number): boolean {
  const prev = toks[q - 1];
  return !prev || isSentenceEnd(prev) || prev.k === QUOTE || prev.t === '(';
}

interface Emitted {
  span: number;
  q: number;
  speaker: Speaker;
  /** Token index after which the text is no longer this quote's attribution. */
  after: number;
}

function speakerWords(s: Speaker): Set<string> {
  const out = new Set<string>();
  for (const w of `${s.name ?? ''} ${s.role ?? ''}`.split(/[\s.]+/)) if (w) out.add(w.toLowerCase());
  return out;
}

/**
 * May the span at token q inherit the speaker of the quote just before it? Only if nothing in between
 * could be someone else: no other name, no pronoun that cannot be the same speaker, no colon.
 */
function sameSpeakerGap(toks: readonly Tok[], prev: Emitted, q: number, d: Discourse): boolean {
  if (q - prev.after > 40) return false;
  const own = speakerWords(prev.speaker);
  const gender = prev.speaker.name ? (d.persons.get(prev.speaker.name)?.gender ?? '') : '';
  for (let k = prev.after; k < q; k++) {
    const t = toks[k]!;
    if (t.k === QUOTE || t.k === BREAK) return false;
    if (t.k === PUNCT && t.t === ':') return false;
    if (t.k !== WORD) continue;
    if (PRONOUNS.has(t.lc)) {
      if (t.lc === 'it' || t.lc === 'they') return false;
      if (prev.speaker.kind === 'organization' || (gender && gender !== t.lc)) return false;
      continue;
    }
    const base = stripPossessive(t.lc).base;
    if (isProper(t) && !own.has(base) && !(NOT_NAME_WORDS.has(base) || SUBJECT_LEAD_INS.has(base)))
      return false;
  }
  return true;
}

/** Is the span at q the whole paragraph (bar closing punctuation)? */
function wholeParagraph(toks: readonly Tok[], q: number): boolean {
  const before = toks[q - 1];
  if (before && before.k !== BREAK) return false;
  for (let k = q + 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === BREAK) return true;
    if (t.k !== PUNCT) return false;
  }
  return true;
}

/** Did the quote just before end its paragraph, attribution included? */
function endsParagraph(toks: readonly Tok[], prev: Emitted): boolean {
  for (let k = prev.after; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.k === BREAK) return true;
    if (t.k !== PUNCT) return false;
  }
  return true;
}

/** The reported-speech cue of the sentence that ends right before token q (if that sentence has no quote), or -1. */
function reportedJustBefore(toks: readonly Tok[], q: number, cues: readonly number[]): number {
  const end = toks[q - 1];
  if (!end || end.k !== PUNCT || !isSentenceEnd(end)) return -1;
  const ss = sentenceStart(toks, q - 1);
  for (let k = ss; k < q - 1; k++) if (toks[k]!.k === QUOTE) return -1;
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]! < ss) lo = mid + 1;
    else hi = mid;
  }
  const v = cues[lo];
  return v !== undefined && v < q - 1 ? v : -1;
}

function attribute(text: string, toks: readonly Tok[], q: number, span: Span): Attribution | null {
  // "Jensen Huang said:" closing one paragraph, the quotation opening the next.
  if (toks[q - 1]?.k === BREAK && toks[q - 2]?.t === ':')
    return cueBefore(text, toks, q - 1) ?? cueAfter(text, toks, q);
  if (isSentenceInitial(toks, q)) return cueAfter(text, toks, q);
  const before = cueBefore(text, toks, q) ?? colonSpeaker(text, toks, q);
  // "Engineers call it "chiplet stacking"": what a group calls something is a name for it, not speech.
  const ph = before?.phrase;
  if (
    before?.label &&
    ph?.form === 'unnamed' &&
    ph.plural &&
    !ph.definite &&
    /^call/.test(toks[before.cueTok]!.lc)
  )
    return null;
  if (before) {
    if (!before.direct && isTermLike(text, toks, q, span, before.label ? before.cueTok : -1)) return null;
    return before;
  }
  // Mid-sentence with the cue after: `The rules are "a disaster for everyone," Smith said.`
  const after = cueAfter(text, toks, q) ?? trailingAttribution(text, toks, q);
  if (after && isTermLike(text, toks, q, span, -1)) return null;
  return after;
}

/**
 * Every direct quotation in an article's cleaned text (paragraphs separated by "\n"), attributed.
 * A quotation whose speaker cannot be told for sure is left out. Ids are `q0, q1, ...` in text order,
 * and every quote satisfies `text.slice(start, end) === quote.text` (checked before returning).
 * The text is everything between the marks (a trailing comma included); a quotation running over
 * paragraphs keeps its "\n" and the opening marks of its later paragraphs.
 */
export function extractQuotes(text: string): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const spans = findSpans(text);
  if (spans.length === 0) return [];
  const toks = dropLiveStamps(tokenize(text, spans));
  const spanTok = new Int32Array(spans.length).fill(-1);
  toks.forEach((t, i) => {
    if (t.k === QUOTE) spanTok[t.span] = i;
  });

  const raws: (Attribution | null)[] = [];
  const forward = new Map<number, Attribution>();
  const attributionAheadOf = (i: number) => forward.get(i);
  const known = new Set<string>();
  for (let i = 0; i < spans.length; i++) {
    const q = spanTok[i]!;
    // "So says X" / "That is how X remembers it" right after the quotation names its speaker outright,
    // which beats inheriting the previous quotation's speaker.
    const direct = q >= 0 ? attribute(text, toks, q, spans[i]!) : null;
    const ahead = q >= 0 && !direct ? attributionAhead(text, toks, q) : null;
    if (ahead) forward.set(i, ahead);
    const att = direct ?? ahead;
    raws.push(att);
    if (att?.phrase.form === 'person') known.add(att.phrase.name);
  }
  // "Those are the words of X" after two quotation paragraphs names the speaker of both: a run of
  // whole-paragraph quotations (three at most), one right after another, ends at the forward
  // attribution. A question may be someone else asking, and a quotation in the paragraph before the
  // run may be whose the run is: then only the last keeps the attribution.
  for (let j = spans.length - 1; j > 0; j--) {
    const att = raws[j];
    const nq = spanTok[j]!;
    if (!att || nq < 0 || att.cueTok <= nq || !wholeParagraph(toks, nq)) continue;
    if (att !== attributionAheadOf(j)) continue;
    let i = j;
    while (i > 0 && j - i < 2) {
      const q = spanTok[i - 1]!;
      const span = spans[i - 1]!;
      if (raws[i - 1] || q < 0 || toks[spanTok[i]! - 1]?.k !== BREAK || toks[q + 1]?.k !== BREAK) break;
      if (
        !wholeParagraph(toks, q) ||
        !isQuoteLike(text, span) ||
        /\?\s*$/.test(text.slice(span.start, span.end))
      )
        break;
      i--;
    }
    if (i === j) continue;
    let b = spanTok[i]! - 2;
    while (b >= 0 && toks[b]!.k !== BREAK && toks[b]!.k !== QUOTE) b--;
    if (b >= 0 && toks[b]!.k === QUOTE) continue;
    for (let k = i; k < j; k++) raws[k] = att;
  }
  if (raws.every((r) => r === null)) return [];

  const d = buildDiscourse(text, toks, scanGazetteer(text), known);
  const resolver = new SpeakerResolver(toks, d);
  const used = new Set<number>();
  for (const r of raws) if (r) used.add(r.cueTok);
  const cues = reportedCues(toks, used);
  const parsed = new Map<number, Attribution | null>();
  const reported = (v: number): Attribution | null => {
    if (!parsed.has(v)) parsed.set(v, reportedAt(text, toks, v));
    return parsed.get(v) ?? null;
  };
  const reportedSpeaker = new Map<number, Speaker | null>();
  const speakerOf = (v: number): Speaker | null => {
    if (!reportedSpeaker.has(v)) {
      const r = reported(v);
      reportedSpeaker.set(v, r ? resolver.resolve(r) : null);
    }
    return reportedSpeaker.get(v) ?? null;
  };
  let ri = 0;
  const quotes: Quote[] = [];
  let prev: Emitted | null = null;
  for (let i = 0; i < spans.length; i++) {
    const q = spanTok[i]!;
    if (q < 0) continue;
    const span = spans[i]!;
    const att = raws[i]!;
    const f = att?.phrase;
    // Pronouns, "the company", "the executive" and uncued quotations may refer to someone whose speech
    // was reported without marks: read that reported speech in the window first, in text order.
    if (
      !f ||
      f.form === 'pronoun' ||
      f.form === 'anaphor' ||
      f.form === 'oneOf' ||
      f.form === 'document' ||
      (f.form === 'unnamed' && f.definite)
    ) {
      const from = resolver.windowStart(att ? att.pos : span.open);
      while (ri < cues.length && toks[cues[ri]!]!.s < from) ri++;
      for (; ri < cues.length && cues[ri]! < q; ri++) {
        const r = reported(cues[ri]!);
        if (
          r &&
          r.phrase.form !== 'pronoun' &&
          r.phrase.form !== 'anaphor' &&
          !(r.phrase.form === 'unnamed' && r.phrase.definite)
        ) {
          speakerOf(cues[ri]!);
        }
      }
    }
    let speaker: Speaker | null = null;
    let cue: string | null = null;
    if (att) {
      const prevAtt = raws[i - 1];
      // The second half of a split quote shares its first half's cue: resolve once.
      speaker =
        prev && prev.span === i - 1 && prevAtt && prevAtt.pos === att.pos
          ? prev.speaker
          : resolver.resolve(att);
      cue = att.cue;
    } else if (prev && prev.span === i - 1 && isQuoteLike(text, span)) {
      const samePara = paragraphIndex(d, spans[prev.span]!.open) === paragraphIndex(d, span.open);
      if (
        samePara ? sameSpeakerGap(toks, prev, q, d) : wholeParagraph(toks, q) && endsParagraph(toks, prev)
      ) {
        speaker = prev.speaker;
      }
    }
    if (!att && !speaker && isQuoteLike(text, span)) {
      // `She added that enforcement had lagged. "BIS has ..."`: the sentence just before reports
      // someone's speech, and the quotation follows it directly.
      const v = reportedJustBefore(toks, q, cues);
      if (v >= 0) speaker = speakerOf(v);
    }
    if (!speaker) continue;
    let after = q + 1;
    if (att && att.clauseEnd > q) after = att.clauseEnd;
    prev = { span: i, q, speaker, after };
    quotes.push({
      id: '',
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      speaker: { ...speaker },
      cue,
      verified: true,
    });
  }
  const verified = quotes.filter((x) => isVerbatim(text, x));
  verified.forEach((x, i) => {
    x.id = `q${i}`;
  });
  return verified;
}
