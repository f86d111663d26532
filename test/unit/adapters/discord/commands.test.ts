import { describe, expect, it } from 'vitest';
import { DiscordAdmins, hasManageServer } from '../../../../adapters/discord/admins.js';
import { entityChoices, sourceChoices, timeZoneChoices } from '../../../../adapters/discord/autocomplete.js';
import { invocationText, isAdminInvocation } from '../../../../adapters/discord/commands.js';
import { digestRef, partNonce, replyNonce } from '../../../../adapters/discord/digest-ref.js';
import { restBase } from '../../../../adapters/discord/platform.js';
import { parseCommand } from '../../../../src/answers/parse-command.js';
import type { Source } from '../../../../src/store/port.js';

describe('slash command -> engine text', () => {
  const cases: [Parameters<typeof invocationText>[0], string][] = [
    [{ group: null, sub: 'help', options: {} }, 'help'],
    [{ group: null, sub: 'digest', options: {} }, 'digest'],
    [{ group: null, sub: 'firm', options: { name: 'SMIC' } }, 'firm SMIC'],
    [{ group: null, sub: 'policy', options: { name: 'Entity  List' } }, 'policy Entity List'],
    [{ group: null, sub: 'who', options: { topic: 'export controls' } }, 'who export controls'],
    [
      { group: null, sub: 'ask', options: { question: "what's new\non Huawei?" } },
      "ask what's new on Huawei?",
    ],
    [{ group: 'sources', sub: 'list', options: {} }, 'sources list'],
    [
      { group: 'sources', sub: 'add', options: { url: 'https://feeds.example/x.xml' } },
      'sources add https://feeds.example/x.xml',
    ],
    [{ group: 'sources', sub: 'remove', options: { id: 'src_1' } }, 'sources remove src_1'],
    [
      {
        group: null,
        sub: 'subscribe',
        options: { time: '08:30', tz: 'Europe/Berlin', filters: 'firm:Nvidia' },
      },
      'subscribe 08:30 Europe/Berlin firm:Nvidia',
    ],
    [{ group: null, sub: 'subscribe', options: {} }, 'subscribe'],
    [{ group: null, sub: 'unsubscribe', options: {} }, 'unsubscribe'],
  ];

  it.each(cases)('%j -> %s', (inv, text) => {
    expect(invocationText(inv)).toBe(text);
  });

  it('parses to the intended command in the shared grammar', () => {
    expect(parseCommand(invocationText(cases[7]![0]))).toEqual({
      name: 'sources',
      action: 'add',
      url: 'https://feeds.example/x.xml',
    });
    expect(parseCommand(invocationText(cases[9]![0]))).toEqual({
      name: 'subscribe',
      time: '08:30',
      tz: 'Europe/Berlin',
      filters: ['firm:Nvidia'],
    });
    expect(parseCommand(invocationText({ group: null, sub: 'ask', options: { question: 'help' } }))).toEqual({
      name: 'ask',
      arg: 'help',
    });
  });

  it('knows the admin subcommands', () => {
    expect(isAdminInvocation({ group: 'sources', sub: 'list', options: {} })).toBe(true);
    expect(isAdminInvocation({ group: null, sub: 'subscribe', options: {} })).toBe(true);
    expect(isAdminInvocation({ group: null, sub: 'who', options: {} })).toBe(false);
  });
});

describe('admins', () => {
  it('Manage Server or Administrator in the member permissions, or a config admin', () => {
    expect(hasManageServer(String(1n << 5n))).toBe(true);
    expect(hasManageServer(String(1n << 3n))).toBe(true);
    expect(hasManageServer(String((1n << 10n) | (1n << 11n)))).toBe(false);
    expect(hasManageServer(null)).toBe(false);
    expect(hasManageServer('not a number')).toBe(false);
    const admins = new DiscordAdmins([
      { platform: 'discord', userId: '42' },
      { platform: 'slack', userId: '43' },
    ]);
    expect(admins.isAdmin('42')).toBe(true);
    expect(admins.isAdmin('43')).toBe(false);
    expect(admins.isAdmin('44', String(1n << 5n))).toBe(true);
  });
});

describe('digest references and nonces', () => {
  it('fit Discord nonces (<= 25 chars), are deterministic and distinct', () => {
    const a = digestRef('digest:discord:930000000000000001:2026-11-17');
    const b = digestRef('digest:discord:930000000000000001:2026-11-18');
    expect(a.length).toBeLessThanOrEqual(25);
    expect(a).toBe(digestRef('digest:discord:930000000000000001:2026-11-17'));
    expect(a).not.toBe(b);
    const nonces = [a, partNonce('d', 1), partNonce('d', 2), replyNonce('e', 0), replyNonce('e', 1)];
    expect(new Set(nonces).size).toBe(5);
    for (const n of nonces) expect(n.length).toBeLessThanOrEqual(25);
  });
});

describe('DISCORD_API_URL', () => {
  it('is the base without the version discord.js adds', () => {
    expect(restBase('http://127.0.0.1:9/api')).toBe('http://127.0.0.1:9/api');
    expect(restBase('http://127.0.0.1:9/api/v10/')).toBe('http://127.0.0.1:9/api');
    expect(restBase(undefined)).toBeUndefined();
  });
});

describe('autocomplete', () => {
  it('suggests firms by prefix or alias, within 25 choices of <= 100 chars', async () => {
    const choices = await entityChoices('firm', 'nvi', null);
    expect(choices[0]!.value).toBe('Nvidia');
    const all = await entityChoices('firm', '', null);
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('puts entities the store has articles about first', async () => {
    const typed = '';
    const plain = await entityChoices('policy', typed, null);
    const last = plain.at(-1)!.value;
    const store = { articlesMentioning: async (_k: string, c: string) => (c === last ? [{} as never] : []) };
    const ranked = await entityChoices('policy', typed, store);
    expect(ranked[0]!.value).toBe(last);
  });

  it('suggests source ids and time zones', async () => {
    const src = { id: 'src_ab12', url: 'https://feeds.example/chips.xml', name: 'Chips feed' } as Source;
    expect(await sourceChoices('chips', { listSources: async () => [src] })).toEqual([
      { name: 'Chips feed \u00b7 src_ab12', value: 'src_ab12' },
    ]);
    expect(timeZoneChoices('berlin').map((c) => c.value)).toContain('Europe/Berlin');
    expect(timeZoneChoices('').length).toBe(25);
  });
});
