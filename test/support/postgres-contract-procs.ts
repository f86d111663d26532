import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./postgres-contract-child.ts', import.meta.url));

/** Where a store lives, as the config gives it: a SQLite file, or a PostgreSQL URL (which wins). */
export interface StoreLocation {
  CHIPBRIEF_DB: string;
  CHIPBRIEF_DATABASE_URL?: string;
}

export interface ChildAction {
  action: 'open' | 'put-article' | 'claim-digest';
  proposal?: string;
}

/**
 * Runs one child process per action against the same store: all open it (migrating it if needed),
 * then act at the same moment. Resolves with each child's JSON result, in the order given.
 */
export async function runTogether(
  location: StoreLocation,
  actions: readonly ChildAction[],
): Promise<unknown[]> {
  const children = actions.map((a) =>
    spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        CB_STORE_LOCATION: JSON.stringify(location),
        CB_ACTION: a.action,
        CB_PROPOSAL: a.proposal ?? '',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map(collect);
  try {
    await Promise.all(outputs.map((o) => o.line('ready')));
    for (const c of children) c.stdin!.write('go\n');
    const codes = await Promise.all(outputs.map((o) => o.exited));
    return codes.map((code, i) => {
      const o = outputs[i]!;
      if (code !== 0)
        throw new Error(`store child ${actions[i]!.action} exited ${code}: ${o.stderr().slice(-2000)}`);
      const last = o.stdout().trim().split('\n').at(-1) ?? '';
      return (JSON.parse(last) as { result: unknown }).result;
    });
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
}

function collect(child: ChildProcess) {
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) (out.includes(w.text) ? w.resolve : () => waiters.push(w))();
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return {
    stdout: () => out,
    stderr: () => err,
    exited,
    line(text: string): Promise<void> {
      if (out.includes(text)) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        waiters.push({ text, resolve });
        void exited.then((code) =>
          out.includes(text)
            ? resolve()
            : reject(new Error(`store child exited ${code} before "${text}": ${err.slice(-2000)}`)),
        );
      });
    },
  };
}
