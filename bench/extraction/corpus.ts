import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** One benchmark page: its HTML and the ground-truth body. */
export interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** The benchmark lives beside the repo, in ../shared/article-extraction-benchmark. */
export function benchmarkDir(): string {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  return join(repo, '..', 'shared', 'article-extraction-benchmark');
}

/** Reads every page with its ground truth, sorted by id so runs are comparable. */
export function loadCorpus(dir = benchmarkDir()): BenchPage[] {
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    throw new Error(`article-extraction-benchmark not found at ${dir} (expected ../shared beside the repo)`);
  }
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  const ids = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
  return ids.map((id) => ({
    id,
    url: truth[id]?.url ?? `https://example.invalid/${id}`,
    html: gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'),
    truth: truth[id]?.articleBody ?? '',
  }));
}
