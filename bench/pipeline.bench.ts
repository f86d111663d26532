import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import type { ArticleDraft } from '../src/articles/article.js';
import type { DomDocument } from '../src/articles/dom.js';
import { documentToDraft, htmlToDraft, leanHtml } from '../src/articles/html-to-article.js';
import { makeBrief } from '../src/briefs/make-brief.js';
import { analyseDraft } from '../src/ingest/analyse-draft.js';
import { ingestDraft } from '../src/ingest/ingest-draft.js';
import type { Clock } from '../src/ports.js';
import type { Store } from '../src/store/port.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { type Bench, type Figure, percentile } from './figure.js';
import { type GeneratedPage, generateCorpus } from './generate/corpus.js';

/**
 * HTML to brief, per article, fetch excluded: generated pages (originals, reprints, spun copies) go
 * through extraction (strip, parse, Readability, cleaning), quotes and entities, storage with story
 * placement in a real SQLite store, and the story's extractive brief. The baseline, measured on the same
 * page right before or after (order alternating), is parsing the HTML into a linkedom DOM and nothing
 * else: the floor no pipeline that reads the page can beat. Budget: pipeline <= 2x the parse.
 */

const SEED = 20261101;
const clock: Clock = { now: () => new Date('2026-11-20T08:00:00.000Z') };
const briefDeps = { llm: null, clock, dailyTokenBudget: 0 };

/** Wall and CPU (user + system) milliseconds of one call. */
interface Cost {
  wall: number;
  cpu: number;
}

async function cost<T>(fn: () => T | Promise<T>): Promise<Cost & { value: T }> {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(c);
  return { wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (used.user + used.system) / 1000, value };
}

interface Row {
  parse: Cost;
  extract: Cost;
  ingest: Cost;
  brief: Cost;
}

/** One article through the whole pipeline, each stage timed. */
async function pipeline(
  store: Store,
  p: GeneratedPage,
): Promise<Omit<Row, 'parse'> & { draft: ArticleDraft }> {
  const extract = await cost(() => htmlToDraft(p.html, p.url));
  const ingest = await cost(() => ingestDraft(extract.value, { store, clock }));
  const storyId = ingest.value.storyId;
  const brief = await cost(() => (storyId ? makeBrief(store, storyId, briefDeps) : null));
  return { extract, ingest, brief, draft: extract.value };
}

function parseOnly(html: string): Promise<Cost> {
  return cost(() => {
    const { document } = parseHTML(html);
    // Touch the tree so a lazy parser could not skip work.
    if (!document.body) throw new Error('no body');
  });
}

/**
 * Where extraction's time goes: the HTML made lean (inert markup cut, size checks: everything
 * `htmlToDraft` does before parsing), the parse of the lean HTML, then the rest (metadata, main
 * container, Readability, cleaning, paragraphs). The three add up to `htmlToDraft`.
 */
async function extractParts(pages: readonly GeneratedPage[]): Promise<Record<string, number>> {
  let strip = 0;
  let parse = 0;
  let read = 0;
  for (const p of pages) {
    const lean = await cost(() => leanHtml(p.html, p.url));
    const doc = await cost(() => parseHTML(lean.value).document);
    const rest = await cost(() => documentToDraft(doc.value as unknown as DomDocument, p.url));
    strip += lean.cpu;
    parse += doc.cpu;
    read += rest.cpu;
  }
  const n = pages.length;
  return {
    extract_strip_ms: r2(strip / n),
    extract_parse_ms: r2(parse / n),
    extract_readability_clean_ms: r2(read / n),
  };
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** Runs `count` generated pages (after `warmup` unmeasured ones) and returns the figures. */
export async function runPipelineBench(count = 400, warmup = 40): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-pipeline-bench-'));
  const pages = [...generateCorpus(SEED, warmup + count)];
  const measured = pages.slice(warmup);
  const warm = openSqliteStore(join(dir, 'warm.db'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  try {
    for (const p of pages.slice(0, warmup)) {
      await parseOnly(p.html);
      await pipeline(warm, p);
    }
    const rows: Row[] = [];
    const drafts: ArticleDraft[] = [];
    for (const [i, p] of measured.entries()) {
      // Alternate which goes first so neither always runs on the other's warm caches or garbage.
      const first = i % 2 === 0 ? await parseOnly(p.html) : null;
      const run = await pipeline(store, p);
      const parse = first ?? (await parseOnly(p.html));
      rows.push({ parse, extract: run.extract, ingest: run.ingest, brief: run.brief });
      drafts.push(run.draft);
    }
    // Quotes + entities alone (pure), to split the ingest stage into analysis and store + story.
    let analyse = 0;
    for (const d of drafts) analyse += (await cost(() => analyseDraft(d))).cpu / drafts.length;
    const parts = await extractParts(measured.slice(0, 100));

    const mean = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0) / rows.length;
    const total = (k: keyof Cost) => (r: Row) => r.extract[k] + r.ingest[k] + r.brief[k];
    const parseCpu = mean((r) => r.parse.cpu);
    const pipeCpu = mean(total('cpu'));
    const parseWall = mean((r) => r.parse.wall);
    const pipeWall = mean(total('wall'));
    // CPU time is the figure: the machine is shared, and wall time then measures the other processes.
    const ratio = pipeCpu / parseCpu;
    const kinds = measured.reduce<Record<string, number>>((acc, p) => {
      acc[p.kind] = (acc[p.kind] ?? 0) + 1;
      return acc;
    }, {});
    const stats = await store.stats();
    return [
      {
        name: 'pipeline.html_to_brief.ms_per_article',
        value: r2(pipeCpu),
        unit: 'ms (cpu)',
        budget: '<= 2x parse',
        ok: ratio <= 2,
        baseline: { name: 'linkedom.parse.ms_per_article', value: r2(parseCpu), unit: 'ms (cpu)' },
        detail: {
          ratio: r2(ratio),
          wall_ms: r2(pipeWall),
          wall_parse_ms: r2(parseWall),
          wall_ratio: r2(pipeWall / parseWall),
          p95_cpu_ms: r2(percentile(rows.map(total('cpu')), 95)),
          articles: count,
          stories: stats.stories,
          originals: kinds.original ?? 0,
          reprints: kinds.reprint ?? 0,
          spun: kinds.spun ?? 0,
          html_kb: Math.round(measured.reduce((a, p) => a + p.html.length, 0) / count / 1024),
          extract_ms: r2(mean((r) => r.extract.cpu)),
          ...parts,
          quotes_entities_ms: r2(analyse),
          store_story_ms: r2(mean((r) => r.ingest.cpu) - analyse),
          brief_ms: r2(mean((r) => r.brief.cpu)),
        },
      },
    ];
  } finally {
    await warm.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = () => runPipelineBench();
export default bench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const f of await runPipelineBench(Number(process.env.PIPELINE_BENCH_ARTICLES ?? 400))) {
    console.log(JSON.stringify(f));
  }
}
