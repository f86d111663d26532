import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCli } from '../../../adapters/discord/cli.js';
import { checkDiscord } from '../../../adapters/discord/index.js';
import { runCli } from '../../../src/cli.js';
import { FAKE_GUILD_ID, type FakeDiscord, startFakeDiscord } from '../../fakes/discord-server.js';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterAll(async () => {
  await fake?.close();
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await runCli(
    {
      argv,
      env: { CHIPBRIEF_LLM: 'off', ...env },
      cwd: mkdtempSync(join(tmpdir(), 'cb-reg-')),
      stdout,
      stderr,
    },
    [discordCli],
  );
  return { code, out, err };
}

const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl });

describe('chipbrief discord register', () => {
  it('PUTs the /chipbrief command to one guild with --guild', async () => {
    const r = await cli(['discord', 'register', '--guild', FAKE_GUILD_ID], env());
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Registered /chipbrief in server ${FAKE_GUILD_ID}.\n`);
    const puts = fake.find(
      'PUT',
      new RegExp(`^/applications/${fake.appId}/guilds/${FAKE_GUILD_ID}/commands$`),
    );
    expect(puts).toHaveLength(1);
    expect(puts[0]!.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(puts[0]!.body).toMatchSnapshot();
  });

  it('registers globally without --guild, with the same command', async () => {
    const r = await cli(['discord', 'register'], env());
    expect(r.code).toBe(0);
    expect(r.out).toContain('globally');
    const global = fake.find('PUT', new RegExp(`^/applications/${fake.appId}/commands$`));
    const guild = fake.find('PUT', /\/guilds\//);
    expect(global).toHaveLength(1);
    expect(global[0]!.body).toEqual(guild[0]!.body);
  });

  it('the command: admin subcommands checked at run time, autocomplete on names, DMs allowed', () => {
    const body = (fake.find('PUT', /\/commands$/)[0]!.body as unknown as Record<string, unknown>[])[0]!;
    expect(body.default_member_permissions ?? null).toBeNull();
    expect(body.contexts).toEqual([0, 1]);
    const options = body.options as {
      name: string;
      type: number;
      options?: { name: string; autocomplete?: boolean }[];
    }[];
    expect(options.map((o) => o.name)).toEqual([
      'help',
      'digest',
      'firm',
      'policy',
      'who',
      'ask',
      'sources',
      'subscribe',
      'unsubscribe',
    ]);
    expect(options.find((o) => o.name === 'sources')!.type).toBe(2);
    expect(options.find((o) => o.name === 'firm')!.options![0]!.autocomplete).toBe(true);
    expect(options.find((o) => o.name === 'policy')!.options![0]!.autocomplete).toBe(true);
  });

  it('--json prints the command and sends nothing; a missing token is one line and exit 2', async () => {
    const before = fake.requests.length;
    const printed = await cli(['discord', 'register', '--json']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out).name).toBe('chipbrief');
    const missing = await cli(['discord', 'register']);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('DISCORD_TOKEN');
    const badGuild = await cli(['discord', 'register', '--guild', 'my-server'], env());
    expect(badGuild.code).toBe(2);
    expect(badGuild.err).toContain('--guild');
    expect(fake.requests.length).toBe(before);
  });

  it('a rejected token is one clear line, exit 1', async () => {
    const r = await cli(['discord', 'register'], { ...env(), DISCORD_TOKEN: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^chipbrief: PLATFORM_FAILED: discord registering commands: 401: Unauthorized/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('doctor checks: token, application id, global registration', async () => {
    const ok = await checkDiscord(env());
    expect(ok.map((c) => [c.name, c.ok])).toEqual([
      ['discord token', true],
      ['discord application', true],
      ['discord /chipbrief', true],
    ]);
    const wrongApp = await checkDiscord({ ...env(), DISCORD_APP_ID: '123456789012345678' });
    expect(wrongApp.at(-1)).toMatchObject({
      ok: false,
      detail: expect.stringContaining(`DISCORD_APP_ID=${fake.appId}`),
    });
    const bad = await checkDiscord({ ...env(), DISCORD_TOKEN: 'nope' });
    expect(bad).toEqual([{ name: 'discord token', ok: false, detail: expect.stringContaining('rejected') }]);
    expect(
      await checkDiscord({ DISCORD_TOKEN: undefined, DISCORD_APP_ID: undefined, DISCORD_API_URL: undefined }),
    ).toEqual([]);
  });
});
