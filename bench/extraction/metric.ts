/**
 * The article-extraction-benchmark's metric, re-implemented from its evaluate.py: per page, `\w+`
 * tokens (Python's Unicode-aware \w), 4-gram shingles counted with multiplicity, TP/FP/FN normalised by
 * their sum so every page weighs the same; precision averaged over pages with any output, recall over
 * pages with any ground truth; F1 of the two averages.
 */

/** Python's `\w` under re.UNICODE is str.isalnum() or "_": letters and numbers, but not marks. */
const TOKEN = /[\p{L}\p{N}_]+/gu;

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface Summary {
  f1: number;
  precision: number;
  recall: number;
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  // As in evaluate.py: a text shorter than n tokens still yields one (shorter) shingle.
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const slice = tokens.slice(i, i + n);
    if (slice.length === 0) continue;
    const key = slice.join('\u0000');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** TP/FP/FN of one page, normalised to sum to 1 (all zero when both texts are empty). */
export function scorePage(truth: string, pred: string): PageScore {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? { tp: tp / s, fp: fp / s, fn: fn / s } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: PageScore): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

/** Averages as evaluate.py does: pages without output do not enter precision, but give recall 0. */
export function summarize(pages: readonly PageScore[]): Summary {
  const precision = mean(pages.filter((s) => s.tp + s.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((s) => s.tp + s.fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}
