import { bottomKSimilarity, containment, signatureSimilarity } from './minhash.js';
import { ANCHOR_K, type StorySketch } from './sketch.js';

/** Why two articles were judged the same story. */
export type MatchReason = 'url' | 'content' | 'text' | 'quotes' | 'anchors';

export interface SketchComparison {
  same: boolean;
  reason: MatchReason | null;
  /** Estimated Jaccard similarity of word 4-shingles. */
  text: number;
  /** Estimated share of the smaller article's shingles found in the larger. */
  textContainment: number;
  /** Estimated Jaccard similarity of anchor trigrams. */
  anchors: number;
  anchorContainment: number;
  sharedQuotes: number;
}

/** Thresholds, chosen for precision: a wrong merge hides a story, a missed one only repeats it. */
const TEXT_SAME = 0.5;
const TEXT_CONTAINED = 0.8;
const TEXT_CONTAINED_MIN_J = 0.25;
const TEXT_MIN_SHINGLES = 40;
/**
 * A wire update (new lead, added paragraphs, a corrected figure) or a reprint behind its own intro
 * keeps most of the other's prose and every one of its quotations. A roundup carries a story's lead
 * and quote too, but among other stories' paragraphs, so it holds far less of that story's text and
 * its Jaccard similarity stays low: both bars must hold.
 */
const QUOTED_TEXT_CONTAINED = 0.6;
const QUOTED_TEXT_MIN_J = 0.3;
const QUOTES_MIN_SHARED = 2;
const QUOTES_MIN_SHARE = 0.6;
const QUOTES_MIN_ANCHORS = 0.3;
const ANCHORS_SAME = 0.5;
const ANCHORS_CONTAINED = 0.65;
const ANCHORS_CONTAINED_MIN_J = 0.35;
const ANCHORS_MIN_GRAMS = 8;
/**
 * Names and numbers that disagree outright (below both): the shared prose is a shared template (the
 * same outlet's format for another firm, country or figure), not a copy. Reprints and spun copies keep
 * the names and numbers; only near-verbatim text overrides the disagreement.
 */
const ANCHORS_CLASH = 0.15;
const ANCHORS_CLASH_CONTAINED = 0.3;
const TEXT_VERBATIM = 0.8;

function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/**
 * Decides whether two articles are the same story. Signals, strongest first: same canonical URL or
 * text; near-identical prose (syndicated reprints, trimmed or with other boilerplate) whose names and
 * numbers do not disagree outright; most of the prose and every quotation of the less quoted one
 * (wire updates, reprints behind their own intro); most quotations
 * shared, at least two, with names and numbers agreeing (spun copies); for articles with at most one
 * quotation, near-identical sequences of names and numbers. Sharing a topic, its entities or one stock
 * quotation is none of these.
 */
export function compareSketches(a: StorySketch, b: StorySketch): SketchComparison {
  const text = signatureSimilarity(a.minhash, b.minhash);
  const textContainment = containment(text, a.shingles, b.shingles);
  const anchors = bottomKSimilarity(a.anchors, b.anchors, ANCHOR_K);
  const anchorContainment = containment(anchors, a.anchorGrams, b.anchorGrams);
  const sharedQuotes = sharedCount(a.quotes, b.quotes);
  const out = { text, textContainment, anchors, anchorContainment, sharedQuotes };
  const verdict = (reason: MatchReason | null): SketchComparison => ({
    same: reason !== null,
    reason,
    ...out,
  });

  if (a.urlKey && a.urlKey === b.urlKey) return verdict('url');
  if (a.contentKey && a.contentKey === b.contentKey) return verdict('content');
  const minGrams = Math.min(a.anchorGrams, b.anchorGrams);
  const anchorsClash =
    minGrams >= ANCHORS_MIN_GRAMS && anchors < ANCHORS_CLASH && anchorContainment < ANCHORS_CLASH_CONTAINED;
  if (text >= TEXT_VERBATIM || (text >= TEXT_SAME && !anchorsClash)) return verdict('text');
  const minShingles = Math.min(a.shingles, b.shingles);
  if (
    !anchorsClash &&
    minShingles >= TEXT_MIN_SHINGLES &&
    textContainment >= TEXT_CONTAINED &&
    text >= TEXT_CONTAINED_MIN_J
  ) {
    return verdict('text');
  }
  const minQuotes = Math.min(a.quotes.length, b.quotes.length);
  if (
    !anchorsClash &&
    minShingles >= TEXT_MIN_SHINGLES &&
    minQuotes >= 1 &&
    sharedQuotes >= minQuotes &&
    textContainment >= QUOTED_TEXT_CONTAINED &&
    text >= QUOTED_TEXT_MIN_J
  ) {
    return verdict('text');
  }
  const anchorsAgree = anchors >= QUOTES_MIN_ANCHORS || anchorContainment >= ANCHORS_CONTAINED;
  if (sharedQuotes >= QUOTES_MIN_SHARED && sharedQuotes >= QUOTES_MIN_SHARE * minQuotes && anchorsAgree) {
    return verdict('quotes');
  }
  // Two quoted articles that share no quotation are different stories however alike their names.
  const quotesAllow = minQuotes === 0 || sharedQuotes >= 1;
  if (quotesAllow && minGrams >= ANCHORS_MIN_GRAMS) {
    if (anchors >= ANCHORS_SAME) return verdict('anchors');
    if (anchorContainment >= ANCHORS_CONTAINED && anchors >= ANCHORS_CONTAINED_MIN_J)
      return verdict('anchors');
  }
  return verdict(null);
}
