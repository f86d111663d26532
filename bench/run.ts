/**
 * `npm run bench`: runs every bench/*.bench.ts, one child process each (a bench that throws, exits or
 * hangs is a failed figure, not a crash, and no bench runs on another's heap), prints one JSON line per
 * figure on stdout as it comes and a table on stderr at the end.
 *
 *   npm run bench                       all benchmarks
 *   npm run bench -- --check            exit 1 when any figure misses its budget (ok === false)
 *   npm run bench -- --only pipeline    only benches whose file name contains "pipeline" (repeatable)
 *   npm run bench -- --list             the benches that would run
 *
 * BENCH_TIMEOUT_MS (default 40 minutes) bounds each bench.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench, Figure } from './figure.js';

/** Where benches are found: this folder, or BENCH_DIR (the runner's own tests use a folder of their own). */
const HERE = process.env.BENCH_DIR ?? dirname(fileURLToPath(import.meta.url));
const SELF = fileURLToPath(import.meta.url);
/** Child-to-parent line prefixes: a bench's own console output can never be mistaken for a figure. */
const FIGURE = '@@figure ';
const ERROR = '@@error ';

export interface RunArgs {
  check: boolean;
  only: string[];
  list: boolean;
}

export interface BenchResult {
  bench: string;
  figures: Figure[];
  seconds: number;
}

/** Parses the command line after `tsx bench/run.ts`; throws on an unknown flag. */
export function parseArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { check: false, only: [], list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--check') args.check = true;
    else if (a === '--list') args.list = true;
    else if (a === '--only') {
      const v = argv[++i];
      if (!v) throw new Error('--only needs a value (a part of a bench file name)');
      args.only.push(v);
    } else if (a.startsWith('--only=')) args.only.push(a.slice('--only='.length));
    else throw new Error(`unknown argument ${a} (use --check, --only <name>, --list)`);
  }
  return args;
}

/** Bench names (file names without .bench.ts) in `dir`, sorted, filtered by `only` substrings. */
export function discover(dir: string, only: readonly string[] = []): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length))
    .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
    .sort();
}

/** A bench that could not produce its figures, as a failed figure. */
export function failedFigure(bench: string, reason: string): Figure {
  return {
    name: `${bench}.failed`,
    value: 0,
    unit: 'error',
    budget: 'runs to completion',
    ok: false,
    detail: { error: reason.replace(/\s+/g, ' ').trim().slice(0, 500) },
  };
}

/** 1 when `--check` and any figure missed its budget, else 0. */
export function exitCode(results: readonly BenchResult[], check: boolean): number {
  return check && results.some((r) => r.figures.some((f) => f.ok === false)) ? 1 : 0;
}

function num(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100);
}

/** The readable table: one row per figure with its value, budget, same-run baseline and verdict. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [['figure', 'value', 'budget', 'baseline (same run)', 'ok']];
  for (const r of results) {
    for (const f of r.figures) {
      rows.push([
        f.name,
        `${num(f.value)} ${f.unit}`,
        f.budget ?? '',
        f.baseline ? `${f.baseline.name} ${num(f.baseline.value)} ${f.baseline.unit}` : '',
        f.ok === undefined ? '-' : f.ok ? 'yes' : 'NO',
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const out = [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)];
  const missed = results.flatMap((r) => r.figures).filter((f) => f.ok === false).length;
  const seconds = results.reduce((a, r) => a + r.seconds, 0);
  out.push('', `${results.length} bench(es), ${missed} figure(s) over budget, ${Math.round(seconds)} s`);
  return out.join('\n');
}

/** Runs one bench in a child process; resolves with its figures (or one failed figure). */
function runChild(bench: string, timeoutMs: number, onFigure: (f: Figure) => void): Promise<BenchResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--child', bench], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    const figures: Figure[] = [];
    let error: string | null = null;
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const l of lines) {
        if (l.startsWith(FIGURE)) {
          const f = JSON.parse(l.slice(FIGURE.length)) as Figure;
          figures.push(f);
          onFigure(f);
        } else if (l.startsWith(ERROR)) error = l.slice(ERROR.length);
        else if (l.trim()) process.stderr.write(`[${bench}] ${l}\n`);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    const timer = setTimeout(() => {
      error = `timed out after ${Math.round(timeoutMs / 1000)} s`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && error === null) {
        const last = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
        error = `exited with ${code ?? signal}${last ? `: ${last}` : ''}`;
      }
      if (error !== null) {
        const f = failedFigure(bench, error);
        figures.push(f);
        onFigure(f);
      }
      resolve({ bench, figures, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** In the child: import the bench, run it, hand each figure to the parent. */
async function child(bench: string): Promise<void> {
  try {
    const mod = (await import(pathToFileURL(join(HERE, `${bench}.bench.ts`)).href)) as { default?: Bench };
    if (typeof mod.default !== 'function') throw new Error('no default-exported Bench');
    const figures = await mod.default();
    for (const f of figures) process.stdout.write(`${FIGURE}${JSON.stringify(f)}\n`);
    process.exitCode = 0;
  } catch (err) {
    const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    process.stdout.write(`${ERROR}${msg.replace(/\s+/g, ' ')}\n`);
    process.exitCode = 1;
  }
  // Benches may leave handles (servers, timers) open; the figures are out, so stop here.
  setTimeout(() => process.exit(), 100).unref();
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === '--child') {
    await child(argv[1]!);
    return Number(process.exitCode ?? 0);
  }
  let args: RunArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n`);
    return 2;
  }
  const benches = discover(HERE, args.only);
  if (args.list) {
    process.stdout.write(`${benches.join('\n')}\n`);
    return 0;
  }
  if (benches.length === 0) {
    process.stderr.write(`bench: no bench matches ${args.only.join(', ')}\n`);
    return 2;
  }
  const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 40 * 60_000);
  const results: BenchResult[] = [];
  for (const bench of benches) {
    process.stderr.write(`bench: ${bench} ...\n`);
    results.push(await runChild(bench, timeoutMs, (f) => process.stdout.write(`${JSON.stringify(f)}\n`)));
  }
  process.stderr.write(`\n${formatTable(results)}\n`);
  return exitCode(results, args.check);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
