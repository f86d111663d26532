import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The files a deployment is made of, as text, plus what the checks read from them. */
export interface DeployFiles {
  dockerfile: string;
  compose: string;
  dockerignore: string;
  envExample: string;
  readme: string;
  packageJson: {
    scripts?: Record<string, string>;
    bin?: Record<string, string>;
    engines?: { node?: string };
  };
  tsconfigBuild: { include?: string[] };
  binScript: string;
}

export function loadDeployFiles(root: string): DeployFiles {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const readOr = (p: string) => {
    try {
      return read(p);
    } catch {
      return '';
    }
  };
  return {
    dockerfile: read('Dockerfile'),
    compose: read('docker-compose.yml'),
    dockerignore: readOr('.dockerignore'),
    envExample: readOr('.env.example'),
    readme: read('README.md'),
    packageJson: JSON.parse(read('package.json')),
    tsconfigBuild: JSON.parse(read('tsconfig.build.json')),
    binScript: read('bin/chipbrief.js'),
  };
}

/** The top-level commands `chipbrief --help` lists, from the real program (bin/chipbrief.js). */
export function cliCommands(root: string): string[] {
  const help = execFileSync(process.execPath, [join(root, 'bin/chipbrief.js'), '--help'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
  });
  const section = help.split(/^Commands:\s*$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
}

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY ... */
  op: string;
  args: string;
  /** Index of the build stage (FROM starts a new one). */
  stage: number;
}

export interface Stage {
  name: string | null;
  base: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions (continuation lines joined, comments dropped, ARGs expanded in FROM). */
export function parseDockerfile(text: string): Stage[] {
  const joined = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const raw of joined.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const op = m[1]!.toUpperCase();
    const rest = m[2]!.replace(/\s+/g, ' ').trim();
    if (op === 'ARG' && stages.length === 0) {
      const [k, v] = rest.split('=', 2);
      if (k && v !== undefined) args.set(k.trim(), v.trim());
    }
    if (op === 'FROM') {
      const expanded = rest.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => args.get(a ?? b) ?? '');
      const fm = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(expanded);
      stages.push({ name: fm?.[2] ?? null, base: fm?.[1] ?? '', instructions: [] });
    }
    const stage = stages.length - 1;
    if (stage >= 0) stages[stage]!.instructions.push({ op, args: rest, stage });
  }
  return stages;
}

/** The words of an exec-form (JSON array) or shell-form instruction argument. */
export function words(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      return (JSON.parse(args) as unknown[]).map(String);
    } catch {
      // Not valid JSON: Docker would treat it as shell form.
    }
  }
  return args.split(' ');
}

/** docker-compose.yml as data, with `<<` merge keys applied. */
export function parseCompose(text: string): {
  services?: Record<string, Record<string, unknown>>;
  volumes?: Record<string, unknown>;
} {
  return parseYaml(text, { merge: true }) ?? {};
}

/**
 * NODE_OPTIONS as the runtime stage's ENV sets it (null when it does not): the heap cap the shipped
 * processes run with, which the memory benchmark uses so its figure is the shipped worker's.
 */
export function runtimeNodeOptions(dockerfile: string): string | null {
  const runtime = parseDockerfile(dockerfile).at(-1);
  let value: string | null = null;
  for (const i of runtime?.instructions ?? []) {
    if (i.op !== 'ENV') continue;
    const m = /(?:^|\s)NODE_OPTIONS=(?:"([^"]*)"|(\S+))/.exec(i.args);
    if (m) value = m[1] ?? m[2] ?? null;
  }
  return value;
}
