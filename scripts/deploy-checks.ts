import { envSchema } from '../src/config.js';
import { renderEnvExample, withConfigTable } from './config-docs.js';
import {
  type DeployFiles,
  parseCompose,
  parseDockerfile,
  runtimeNodeOptions,
  type Stage,
  words,
} from './deploy-files.js';

/**
 * Static checks of the deployment files against each other and against package.json, the README and
 * the CLI. Each returns the problems found, one line each (empty: fine). No Docker needed.
 */

/** Paths (relative to the build context) the Dockerfile copies from the context. */
function contextCopies(stages: readonly Stage[]): string[] {
  return stages.flatMap((s) =>
    s.instructions
      .filter((i) => (i.op === 'COPY' || i.op === 'ADD') && !/--from=/.test(i.args))
      .flatMap((i) => {
        const w = words(i.args).filter((x) => !x.startsWith('--'));
        return w.slice(0, -1);
      }),
  );
}

const has = (s: Stage | undefined, op: string, re: RegExp) =>
  Boolean(s?.instructions.some((i) => i.op === op && re.test(i.args)));

export function checkDockerfile(files: DeployFiles, commands: readonly string[]): string[] {
  const problems: string[] = [];
  const stages = parseDockerfile(files.dockerfile);
  const build = stages.find((s) => s.name === 'build');
  const runtime = stages.at(-1);
  if (stages.length < 2 || !build || runtime === build) {
    return ['Dockerfile: needs a stage `AS build` and a separate runtime stage after it'];
  }
  // Runtime base: an even-numbered (LTS) Node line on a slim image, at least the engines' major.
  const base = /^node:(\d+)[\w.-]*-slim$/.exec(runtime!.base);
  const minMajor = Number(/(\d+)/.exec(files.packageJson.engines?.node ?? '')?.[1] ?? 0);
  if (!base) problems.push(`Dockerfile: runtime base ${runtime!.base} is not a node:<LTS>-slim image`);
  else if (Number(base[1]) % 2 !== 0) problems.push(`Dockerfile: node:${base[1]} is not an LTS line`);
  else if (Number(base[1]) < minMajor)
    problems.push(`Dockerfile: node:${base[1]} is older than engines.node`);

  // Build: the package.json build script, from a clean install, with what it compiles copied in.
  const buildScript = files.packageJson.scripts?.build ?? '';
  if (!/tsconfig\.build\.json/.test(buildScript))
    problems.push('package.json: scripts.build must compile with tsconfig.build.json');
  const ci = build.instructions.findIndex((i) => i.op === 'RUN' && /\bnpm ci\b/.test(i.args));
  const lock = build.instructions.findIndex((i) => i.op === 'COPY' && /package-lock\.json/.test(i.args));
  if (ci < 0) problems.push('Dockerfile: the build stage must install with `npm ci`');
  else if (lock < 0 || lock > ci)
    problems.push('Dockerfile: copy package.json and package-lock.json before `npm ci`');
  if (!has(build, 'RUN', /\bnpm run build\b/))
    problems.push('Dockerfile: the build stage must run `npm run build` (package.json scripts.build)');
  if (!has(build, 'RUN', /npm (prune|ci)\b.*--omit=dev/))
    problems.push(
      'Dockerfile: drop dev dependencies (`npm prune --omit=dev`) before the runtime copies node_modules',
    );
  const copied = new Set(contextCopies([build]).map((p) => p.replace(/^\.\/|\/$/g, '')));
  for (const dir of [...(files.tsconfigBuild.include ?? []), 'tsconfig.json', 'tsconfig.build.json']) {
    if (!copied.has(dir)) problems.push(`Dockerfile: the build stage compiles ${dir} but does not COPY it`);
  }

  // Runtime: production node_modules and dist from the build, what the program reads at run time.
  for (const p of ['node_modules', 'dist']) {
    if (!has(runtime, 'COPY', new RegExp(`--from=build\\s+\\S*/${p}\\b`)))
      problems.push(`Dockerfile: the runtime stage must COPY --from=build ${p}`);
  }
  const runtimeCopies = new Set(contextCopies([runtime!]).map((p) => p.replace(/^\.\/|\/$/g, '')));
  for (const p of ['package.json', 'bin', 'prompts', 'examples']) {
    if (!runtimeCopies.has(p)) problems.push(`Dockerfile: the runtime stage must COPY ${p}`);
  }
  const user = runtime!.instructions.filter((i) => i.op === 'USER').at(-1)?.args;
  if (!user || /^(root|0)(:|$)/.test(user))
    problems.push('Dockerfile: the runtime stage must run as a non-root USER');

  // Run: tini as PID 1 running the package's bin, a CLI command as the default.
  const entry = words(runtime!.instructions.filter((i) => i.op === 'ENTRYPOINT').at(-1)?.args ?? '');
  const bin = files.packageJson.bin?.chipbrief?.replace(/^\.\//, '') ?? 'bin/chipbrief.js';
  if (!/tini$/.test(entry[0] ?? '')) problems.push('Dockerfile: ENTRYPOINT must start tini as PID 1');
  if (!entry.includes('node') || !entry.some((w) => w.endsWith(bin)))
    problems.push(`Dockerfile: ENTRYPOINT must run \`node ${bin}\` (package.json bin.chipbrief)`);
  if (!/dist\/jobs\/main\.js/.test(files.binScript))
    problems.push('bin/chipbrief.js: must run dist/jobs/main.js when the sources are absent');
  const cmd = words(runtime!.instructions.filter((i) => i.op === 'CMD').at(-1)?.args ?? '')[0];
  if (!cmd || !commands.includes(cmd))
    problems.push(`Dockerfile: CMD ${cmd ?? '(none)'} is not a chipbrief command`);

  // Memory: the worker's budget (bench/memory.bench.ts) holds with a capped heap, not without one.
  const heap = /--max-old-space-size=(\d+)/.exec(runtimeNodeOptions(files.dockerfile) ?? '');
  if (!heap) problems.push('Dockerfile: the runtime ENV must set NODE_OPTIONS=--max-old-space-size=<MB>');
  else if (Number(heap[1]) < 128 || Number(heap[1]) > 280)
    problems.push('Dockerfile: --max-old-space-size must be 128-280 MB (the worker stays under 300 MB)');

  // Health: the same port as METRICS_PORT's default, the path the server answers.
  const metricsPort = String(envSchema.shape.METRICS_PORT.parse(undefined));
  if (!has(runtime, 'HEALTHCHECK', /\/healthz/) || !has(runtime, 'HEALTHCHECK', /METRICS_PORT/))
    problems.push('Dockerfile: HEALTHCHECK must GET /healthz on METRICS_PORT');
  if (!has(runtime, 'EXPOSE', new RegExp(`\\b${metricsPort}\\b`)))
    problems.push(`Dockerfile: EXPOSE ${metricsPort} (METRICS_PORT's default)`);
  return problems;
}

export function checkDockerignore(files: DeployFiles): string[] {
  const problems: string[] = [];
  const patterns = files.dockerignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
  for (const must of ['node_modules', '.env', 'data', 'dist', '.git']) {
    if (!patterns.includes(must)) problems.push(`.dockerignore: must exclude ${must}`);
  }
  for (const path of contextCopies(parseDockerfile(files.dockerfile))) {
    const clean = path.replace(/^\.\/|\/$/g, '');
    if (patterns.some((p) => p === clean || clean.startsWith(`${p}/`)))
      problems.push(`.dockerignore: excludes ${clean}, which the Dockerfile copies`);
  }
  return problems;
}

/** Variables compose interpolates that chipbrief does not read (documented in .env.example). */
const COMPOSE_ONLY = ['POSTGRES_PASSWORD'];

export function checkCompose(files: DeployFiles, commands: readonly string[]): string[] {
  const problems: string[] = [];
  const doc = parseCompose(files.compose);
  const services = doc.services ?? {};
  for (const name of ['redis', 'serve', 'worker', 'postgres']) {
    if (!services[name]) problems.push(`docker-compose.yml: no ${name} service`);
  }
  const redis = services.redis ?? {};
  const redisCmd = ([] as unknown[]).concat(redis.command ?? []).join(' ');
  if (!/--appendonly yes/.test(redisCmd)) problems.push('docker-compose.yml: redis needs --appendonly yes');
  if (!/noeviction/.test(redisCmd))
    problems.push('docker-compose.yml: redis needs --maxmemory-policy noeviction');
  if (!([] as unknown[]).concat(redis.volumes ?? []).some((v) => /:\/data$/.test(String(v))))
    problems.push('docker-compose.yml: redis needs a volume at /data for its append-only file');
  const postgres = services.postgres ?? {};
  if (!([] as unknown[]).concat(postgres.profiles ?? []).includes('postgres'))
    problems.push('docker-compose.yml: postgres must be optional (profile "postgres")');

  for (const role of ['serve', 'worker'] as const) {
    const s = services[role];
    if (!s) continue;
    const command = ([] as unknown[]).concat(s.command ?? []).map(String);
    if (command[0] !== role || !commands.includes(role))
      problems.push(`docker-compose.yml: ${role} must run \`chipbrief ${role}\``);
    const envFiles = ([] as unknown[])
      .concat(s.env_file ?? [])
      .map((e) => (typeof e === 'string' ? e : String((e as { path?: unknown }).path)));
    if (!envFiles.includes('.env')) problems.push(`docker-compose.yml: ${role} must read .env`);
    const env = (s.environment ?? {}) as Record<string, unknown>;
    if (!/redis:\/\/redis:6379/.test(String(env.REDIS_URL)))
      problems.push(`docker-compose.yml: ${role} must default REDIS_URL to the redis service`);
    const volumes = ([] as unknown[]).concat(s.volumes ?? []).map(String);
    const dbDir = String(env.CHIPBRIEF_DB ?? '').replace(/\/[^/]+$/, '');
    if (!dbDir || !volumes.some((v) => v.endsWith(`:${dbDir}`)))
      problems.push(`docker-compose.yml: ${role} must keep CHIPBRIEF_DB on a volume`);
    if (!(s.build || s.image)) problems.push(`docker-compose.yml: ${role} has no image`);
  }
  const worker = services.worker ?? {};
  if (worker.ports || worker.container_name)
    problems.push('docker-compose.yml: worker must publish no port and have no container_name (--scale)');
  if (services.serve?.image !== worker.image)
    problems.push('docker-compose.yml: serve and worker must run the same image');

  const known = new Set([...Object.keys(envSchema.shape), ...COMPOSE_ONLY]);
  for (const m of files.compose.matchAll(/\$\{(\w+)/g)) {
    if (!known.has(m[1]!))
      problems.push(`docker-compose.yml: interpolates \${${m[1]}}, which nothing documents`);
  }
  for (const v of [...COMPOSE_ONLY, 'CHIPBRIEF_DATABASE_URL']) {
    if (!files.envExample.includes(v)) problems.push(`.env.example: must mention ${v}`);
  }
  return problems;
}

export function checkReadme(files: DeployFiles, commands: readonly string[]): string[] {
  const problems: string[] = [];
  const services = Object.keys(parseCompose(files.compose).services ?? {});
  const need = [
    'npm ci',
    'npm run build',
    'docker build -t chipbrief .',
    'docker compose up',
    '--scale worker=',
  ];
  for (const s of need) if (!files.readme.includes(s)) problems.push(`README.md: does not mention \`${s}\``);
  // Every container command the README shows must exist: `docker run … chipbrief <cmd>`,
  // `docker compose run --rm <service> <cmd>`.
  for (const m of files.readme.matchAll(/docker run [^\n`]*?\bchipbrief (\w[\w-]*)/g)) {
    if (!commands.includes(m[1]!))
      problems.push(`README.md: \`docker run … chipbrief ${m[1]}\`: no such command`);
  }
  for (const m of files.readme.matchAll(/docker compose run --rm (\w+) (\w[\w-]*)/g)) {
    if (!services.includes(m[1]!)) problems.push(`README.md: compose service ${m[1]} does not exist`);
    if (!commands.includes(m[2]!)) problems.push(`README.md: \`chipbrief ${m[2]}\`: no such command`);
  }
  try {
    if (withConfigTable(files.readme) !== files.readme)
      problems.push(
        'README.md: configuration table out of date — run `npx tsx scripts/config-table.ts --write`',
      );
  } catch (err) {
    problems.push(`README.md: ${(err as Error).message}`);
  }
  if (renderEnvExample() !== files.envExample)
    problems.push('.env.example: out of date — run `npx tsx scripts/config-table.ts --write`');
  return problems;
}

/** All static checks. */
export function checkDeploy(files: DeployFiles, commands: readonly string[]): string[] {
  return [
    ...checkDockerfile(files, commands),
    ...checkDockerignore(files),
    ...checkCompose(files, commands),
    ...checkReadme(files, commands),
  ];
}
