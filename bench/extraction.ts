/**
 * HTML extraction on the public article-extraction-benchmark (../shared/article-extraction-benchmark):
 * 181 news pages with ground-truth bodies, scored with the benchmark's own metric (see
 * bench/extraction/metric.ts). Prints one JSON line per figure:
 *   extraction.f1             chipbrief's extractor (htmlToDraft(...).text), with precision and recall
 *   extraction.readability.f1 plain Readability's textContent on the same DOM, for comparison
 *   extraction.ms_per_page    mean CPU time per page, against parsing alone (linkedom parseHTML)
 * Flags: --verbose lists the worst pages; --check exits 1 when F1 < 0.96.
 */
import { pathToFileURL } from 'node:url';
import { loadCorpus } from './extraction/corpus.js';
import { precisionOf, recallOf, summarize } from './extraction/metric.js';
import {
  chipbriefExtractor,
  type PageResult,
  parseOnly,
  readabilityExtractor,
  runExtractor,
} from './extraction/run-extractors.js';
import { type Figure, percentile } from './figure.js';

/** The target; Readability alone scores 0.947 and trafilatura 0.958 on this benchmark. */
export const F1_TARGET = 0.96;

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

interface Measured {
  figures: Figure[];
  ours: PageResult[];
}

function measure(): Measured {
  const pages = loadCorpus();
  const ours = runExtractor(pages, chipbriefExtractor);
  const base = runExtractor(pages, readabilityExtractor);
  // Timing after the scoring passes (JIT warm): whole passes of parsing alone and of extraction,
  // alternated, so each pays for its own garbage; CPU time, which a busy shared machine disturbs less.
  const parseMs = new Array<number>(pages.length).fill(0);
  const extractMs = new Array<number>(pages.length).fill(0);
  const ROUNDS = 2;
  for (let round = 0; round < ROUNDS; round++) {
    pages.forEach((p, i) => {
      const t0 = cpuMs();
      parseOnly(p.html);
      parseMs[i]! += (cpuMs() - t0) / ROUNDS;
    });
    pages.forEach((p, i) => {
      const t0 = cpuMs();
      try {
        chipbriefExtractor(p.html, p.url);
      } catch {
        // Scored above; only the time matters here.
      }
      extractMs[i]! += (cpuMs() - t0) / ROUNDS;
    });
  }
  const s = summarize(ours.map((r) => r.score));
  const b = summarize(base.map((r) => r.score));
  const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;
  const oursMs = mean(extractMs);
  const parse = mean(parseMs);
  const figures: Figure[] = [
    {
      name: 'extraction.f1',
      value: round(s.f1),
      unit: 'F1',
      budget: `>= ${F1_TARGET}`,
      ok: s.f1 >= F1_TARGET,
      baseline: { name: 'extraction.readability.f1', value: round(b.f1), unit: 'F1' },
      detail: {
        precision: round(s.precision),
        recall: round(s.recall),
        pages: pages.length,
        errors: ours.filter((r) => r.error).length,
      },
    },
    {
      name: 'extraction.readability.f1',
      value: round(b.f1),
      unit: 'F1',
      detail: { precision: round(b.precision), recall: round(b.recall), pages: pages.length },
    },
    {
      name: 'extraction.ms_per_page',
      value: round(oursMs),
      unit: 'ms (cpu)',
      baseline: { name: 'linkedom.parse_ms_per_page', value: round(parse), unit: 'ms' },
      detail: {
        p95: round(percentile(extractMs, 95)),
        readability_ms_per_page: round(mean(base.map((r) => r.ms))),
        ratio_to_parse: round(oursMs / parse),
      },
    },
  ];
  return { figures, ours };
}

/** Bench entry point for `npm run bench`. */
export default async function bench(): Promise<Figure[]> {
  return measure().figures;
}

/** The summary line the issue asks for: name, value, precision, recall first. */
function line(f: Figure): string {
  const pr = f.unit === 'F1' ? { precision: f.detail?.precision, recall: f.detail?.recall } : {};
  const { name, value, ...rest } = f;
  return JSON.stringify({ name, value, ...pr, ...rest });
}

function worst(results: PageResult[], n: number): string[] {
  return results
    .map((r) => {
      const p = precisionOf(r.score);
      const rc = recallOf(r.score);
      return { r, p, rc, f: p + rc > 0 ? (2 * p * rc) / (p + rc) : 0 };
    })
    .sort((a, b) => a.f - b.f)
    .slice(0, n)
    .map(({ r, p, rc, f }) =>
      JSON.stringify({
        worst: r.id.slice(0, 12),
        f1: round(f),
        precision: round(p),
        recall: round(rc),
        url: r.url,
        error: r.error,
      }),
    );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let measured: Measured;
  try {
    measured = measure();
  } catch (err) {
    console.error(`bench:extraction: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  const { figures, ours } = measured;
  for (const f of figures) console.log(line(f));
  if (process.argv.includes('--verbose')) for (const w of worst(ours, 15)) console.log(w);
  if (process.argv.includes('--check') && !figures[0]!.ok) {
    console.error(`extraction F1 ${figures[0]!.value} is below ${F1_TARGET}`);
    process.exitCode = 1;
  }
}
