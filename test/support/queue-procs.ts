import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = fileURLToPath(new URL('./queue-cli-entry.ts', import.meta.url));

/** A `chipbrief` child process with its output collected. */
export interface Proc {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Waits until stderr (pino JSON lines) has a line whose msg is `msg`. */
  waitForLog(msg: string, ms?: number): Promise<void>;
}

export interface SpawnOptions {
  env: Record<string, string>;
  /** Test hooks for the entry script (tuning, capturing platform); null runs bin/chipbrief.js. */
  hooks?: object | null;
  cwd?: string;
}

/**
 * Spawns `chipbrief <args>` as a real process: through test/support/queue-cli-entry.ts when hooks are
 * given, else through bin/chipbrief.js exactly as a user runs it.
 */
export function spawnChipbrief(args: string[], opts: SpawnOptions): Proc {
  const entry =
    opts.hooks === null
      ? [fileURLToPath(new URL('../../bin/chipbrief.js', import.meta.url))]
      : ['--import', 'tsx', ENTRY];
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'info',
    CI: 'true',
    ...opts.env,
  };
  if (opts.hooks) env.CHIPBRIEF_TEST_HOOKS = JSON.stringify(opts.hooks);
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { msg: string; resolve: () => void }[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of waiters.splice(0)) {
      if (hasLog(err, w.msg)) w.resolve();
      else waiters.push(w);
    }
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog(msg, ms = 60_000) {
      if (hasLog(err, msg)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no "${msg}" log within ${ms} ms; stderr:\n${err.slice(-3000)}`)),
          ms,
        );
        const w = {
          msg,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        waiters.push(w);
        void exited.then(() => {
          if (!hasLog(err, msg)) {
            clearTimeout(timer);
            reject(new Error(`process exited before "${msg}"; stderr:\n${err.slice(-3000)}`));
          }
        });
      });
    },
  };
}

function hasLog(stderr: string, msg: string): boolean {
  return stderr.includes(`"msg":"${msg}"`);
}

/** Kills what is still running (test cleanup). */
export async function killAll(procs: Proc[]): Promise<void> {
  for (const p of procs)
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await Promise.all(procs.map((p) => p.exited));
}
