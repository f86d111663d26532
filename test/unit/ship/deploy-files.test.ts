import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkCompose,
  checkDeploy,
  checkDockerfile,
  checkDockerignore,
  checkReadme,
} from '../../../scripts/deploy-checks.js';
import {
  cliCommands,
  type DeployFiles,
  loadDeployFiles,
  parseDockerfile,
  runtimeNodeOptions,
} from '../../../scripts/deploy-files.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
let files: DeployFiles;
let commands: string[];

beforeAll(() => {
  files = loadDeployFiles(root);
  commands = cliCommands(root);
});

const withDockerfile = (edit: (s: string) => string) => ({ ...files, dockerfile: edit(files.dockerfile) });

describe('deployment files', () => {
  it('the CLI lists the commands the image and compose run', () => {
    expect(commands).toEqual(
      expect.arrayContaining(['serve', 'worker', 'doctor', 'queues', 'enqueue', 'discord']),
    );
  });

  it('pass every static check', () => {
    expect(checkDeploy(files, commands)).toEqual([]);
  });

  it("the Dockerfile builds with package.json's build and runs package.json's bin", () => {
    const stages = parseDockerfile(files.dockerfile);
    const build = stages.find((s) => s.name === 'build')!;
    const runtime = stages.at(-1)!;
    expect(build.instructions.some((i) => i.op === 'RUN' && i.args.includes('npm run build'))).toBe(true);
    expect(files.packageJson.scripts?.build).toBe('tsc -p tsconfig.build.json');
    const entry = JSON.parse(runtime.instructions.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
    expect(entry.at(-1)).toBe(`/app/${files.packageJson.bin?.chipbrief}`);
    expect(runtime.base).toMatch(/^node:24-bookworm-slim$/);
    // The README shows the same commands.
    for (const s of [
      'npm ci',
      'npm run build',
      'docker build -t chipbrief .',
      'docker compose up -d --scale worker=4',
    ]) {
      expect(files.readme).toContain(s);
    }
  });
});

describe('the checks catch', () => {
  it('a runtime without a heap cap, or one too large for the worker memory budget', () => {
    expect(runtimeNodeOptions(files.dockerfile)).toMatch(/--max-old-space-size=\d+/);
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace(/ +NODE_OPTIONS=\S+ \\\n/, '')),
        commands,
      ),
    ).toEqual(['Dockerfile: the runtime ENV must set NODE_OPTIONS=--max-old-space-size=<MB>']);
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace(/max-old-space-size=\d+/, 'max-old-space-size=4096')),
        commands,
      ),
    ).toEqual(['Dockerfile: --max-old-space-size must be 128-280 MB (the worker stays under 300 MB)']);
  });

  it('a Dockerfile that runs as root, skips the build script or runs an unknown command', () => {
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace('USER node', 'USER root')),
        commands,
      ),
    ).toEqual(['Dockerfile: the runtime stage must run as a non-root USER']);
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace('RUN npm run build', 'RUN npx tsc')),
        commands,
      ),
    ).toContain('Dockerfile: the build stage must run `npm run build` (package.json scripts.build)');
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace('CMD ["serve"]', 'CMD ["server"]')),
        commands,
      ),
    ).toEqual(['Dockerfile: CMD server is not a chipbrief command']);
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace('COPY prompts ./prompts', '')),
        commands,
      ),
    ).toEqual(['Dockerfile: the runtime stage must COPY prompts']);
    expect(
      checkDockerfile(
        withDockerfile((s) => s.replace('ARG NODE_VERSION=24', 'ARG NODE_VERSION=23')),
        commands,
      ),
    ).toEqual(['Dockerfile: node:23 is not an LTS line']);
  });

  it('a Dockerfile without its healthcheck or tini, or one stage only', () => {
    const noHealth = withDockerfile((s) => s.replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ''));
    expect(checkDockerfile(noHealth, commands)).toEqual([
      'Dockerfile: HEALTHCHECK must GET /healthz on METRICS_PORT',
    ]);
    const noTini = withDockerfile((s) => s.replace('"/usr/bin/tini", "--", ', ''));
    expect(checkDockerfile(noTini, commands)).toEqual(['Dockerfile: ENTRYPOINT must start tini as PID 1']);
    expect(
      checkDockerfile({ ...files, dockerfile: 'FROM node:24-slim\nCMD ["serve"]\n' }, commands),
    ).toHaveLength(1);
  });

  it('a .dockerignore that lets secrets in or keeps out what the image needs', () => {
    const ignore = files.dockerignore.replace(/^\.env$/m, '') + '\nprompts\n';
    expect(checkDockerignore({ ...files, dockerignore: ignore })).toEqual([
      '.dockerignore: must exclude .env',
      '.dockerignore: excludes prompts, which the Dockerfile copies',
    ]);
  });

  it('a compose file whose workers cannot scale, whose Redis forgets, or that runs no such command', () => {
    const compose = files.compose
      .replace('command: ["worker"]', 'command: ["worker"]\n    ports: ["9464:9464"]')
      .replace('"--appendonly", "yes", ', '')
      .replace('command: ["serve", "--no-worker"]', 'command: ["server"]');
    expect(checkCompose({ ...files, compose }, commands)).toEqual([
      'docker-compose.yml: redis needs --appendonly yes',
      'docker-compose.yml: serve must run `chipbrief serve`',
      'docker-compose.yml: worker must publish no port and have no container_name (--scale)',
    ]);
    // Compose interpolation, not a JS template: built with `$` + `{` to say so.
    const dollar = '$';
    const stray = files.compose.replace(`${dollar}{POSTGRES_PASSWORD:-chipbrief}`, `${dollar}{PG_PASS}`);
    expect(checkCompose({ ...files, compose: stray }, commands)).toEqual([
      `docker-compose.yml: interpolates ${dollar}{PG_PASS}, which nothing documents`,
    ]);
  });

  it('a README that shows a command or service that does not exist', () => {
    const readme = `${files.readme}\n    docker compose run --rm workers doctor\n    docker run --rm chipbrief docter\n`;
    expect(checkReadme({ ...files, readme }, commands)).toEqual([
      'README.md: `docker run … chipbrief docter`: no such command',
      'README.md: compose service workers does not exist',
    ]);
  });
});

describe('scripts/check-deploy.sh', () => {
  it('runs the static checks, and `docker compose config` only where compose exists', () => {
    const r = spawnSync('bash', ['scripts/check-deploy.sh'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).not.toMatch(/check-deploy: (?!note)/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/check-deploy: static checks passed/);
    const compose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;
    expect(r.stdout).toMatch(
      compose ? /docker compose config passed/ : /note: skipped `docker compose config`/,
    );
  });
});
