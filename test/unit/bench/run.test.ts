import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../../bench/figure.js';
import {
  type BenchResult,
  discover,
  exitCode,
  failedFigure,
  formatTable,
  parseArgs,
} from '../../../bench/run.js';

const RUN = fileURLToPath(new URL('../../../bench/run.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cb-bench-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fig = (over: Partial<Figure> = {}): Figure => ({ name: 'x.y', value: 1.234, unit: 'ms', ...over });

describe('bench runner arguments', () => {
  it('reads --check, --only (repeatable, = form) and --list', () => {
    expect(parseArgs([])).toEqual({ check: false, only: [], list: false });
    expect(parseArgs(['--check', '--only', 'pipe', '--only=mem', '--list'])).toEqual({
      check: true,
      only: ['pipe', 'mem'],
      list: true,
    });
  });

  it('refuses an unknown flag and --only without a value', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown argument --fast/);
    expect(() => parseArgs(['--only'])).toThrow(/--only needs a value/);
  });
});

describe('bench runner', () => {
  it('discovers *.bench.ts files, sorted, filtered by substring', () => {
    for (const f of ['b.bench.ts', 'a.bench.ts', 'helper.ts', 'ab.bench.ts.bak'])
      writeFileSync(join(dir, f), '');
    expect(discover(dir)).toEqual(['a', 'b']);
    expect(discover(dir, ['b'])).toEqual(['b']);
    rmSync(join(dir, 'a.bench.ts'));
    rmSync(join(dir, 'b.bench.ts'));
  });

  it('fails --check only when a figure is over budget', () => {
    const ok: BenchResult = { bench: 'a', figures: [fig({ ok: true }), fig()], seconds: 1 };
    const bad: BenchResult = { bench: 'b', figures: [fig({ ok: false })], seconds: 1 };
    expect(exitCode([ok], true)).toBe(0);
    expect(exitCode([ok, bad], true)).toBe(1);
    expect(exitCode([ok, bad], false)).toBe(0);
  });

  it('tables every figure with value, budget, baseline and verdict', () => {
    const table = formatTable([
      {
        bench: 'p',
        figures: [
          fig({
            name: 'p.ratio',
            value: 12.345,
            budget: '<= 2x parse',
            ok: false,
            baseline: { name: 'parse', value: 4.1, unit: 'ms' },
          }),
          failedFigure('q', 'Error: boom\n  at x'),
        ],
        seconds: 3,
      },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^figure\s+value\s+budget\s+baseline \(same run\)\s+ok$/);
    expect(lines[2]).toMatch(/^p\.ratio\s+12\.35 ms\s+<= 2x parse\s+parse 4\.1 ms\s+NO$/);
    expect(lines[3]).toMatch(/^q\.failed\s+0 error\s+runs to completion\s+NO$/);
    expect(table).toMatch(/1 bench\(es\), 2 figure\(s\) over budget, 3 s$/);
  });

  it('reports a throwing or exiting bench as a failed figure and goes on with the others', () => {
    writeFileSync(
      join(dir, 'good.bench.ts'),
      "export default async () => [{ name: 'good.x', value: 2, unit: 'ms', budget: '< 5 ms', ok: true }];\n",
    );
    writeFileSync(
      join(dir, 'throws.bench.ts'),
      "export default async () => { throw new Error('generator broke'); };\n",
    );
    writeFileSync(join(dir, 'exits.bench.ts'), 'export default async () => { process.exit(3); };\n');
    writeFileSync(
      join(dir, 'noisy.bench.ts'),
      "export default async () => { console.log('hello'); return [{ name: 'noisy.x', value: 1, unit: 'ms' }]; };\n",
    );
    const env = { ...process.env, BENCH_DIR: dir };
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', RUN, ...args], { env, encoding: 'utf8' });
    const all = run([]);
    expect(all.status).toBe(0);
    const figures = all.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Figure);
    expect(figures.map((f) => f.name)).toEqual(['exits.failed', 'good.x', 'noisy.x', 'throws.failed']);
    expect(figures[0]!.detail?.error).toMatch(/exited with 3/);
    expect(figures[3]!.detail?.error).toMatch(/Error: generator broke/);
    // A bench's own console output goes to stderr, never among the JSON lines.
    expect(all.stderr).toMatch(/\[noisy\] hello/);
    expect(all.stderr).toMatch(/4 bench\(es\), 2 figure\(s\) over budget/);
    expect(run(['--check']).status).toBe(1);
    const only = run(['--check', '--only', 'good']);
    expect(only.status).toBe(0);
    expect(only.stdout.trim().split('\n')).toHaveLength(1);
    expect(run(['--only', 'nothing-like-this']).status).toBe(2);
  }, 60_000);
});
