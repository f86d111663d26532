/** One measured figure: printed as one JSON line by `npm run bench`; `--check` fails when `ok` is false. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable budget ("< 20 ms", "<= 2x parse"); absent when the figure is informational. */
  budget?: string;
  ok?: boolean;
  /** The same-run baseline the figure is compared with, when there is one. */
  baseline?: { name: string; value: number; unit: string };
  detail?: Record<string, number | string>;
}

/** A benchmark module default-exports one of these. */
export type Bench = () => Promise<Figure[]>;

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

/** Runs `fn` `n` times after `warmup` runs, returning each duration in ms. */
export async function timeRuns(n: number, fn: (i: number) => unknown, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}
