import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncConfigToStore } from '../../../jobs/sync-config.js';
import type { CommandContext } from '../../../src/answers/answer.js';
import { answerCommand } from '../../../src/answers/answer-command.js';
import { parseCommand } from '../../../src/answers/parse-command.js';
import { fileSchema } from '../../../src/config.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { NOW } from '../../fixtures/answers/corpus.js';

let store: Store;
const admin: CommandContext = {
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C5',
  userId: 'UADMIN',
  threadRef: null,
  isAdmin: true,
};
const member: CommandContext = { ...admin, userId: 'UMEMBER', isAdmin: false };
const run = (text: string, ctx: CommandContext) =>
  answerCommand(parseCommand(text), ctx, { store, llm: null, clock: { now: () => NOW } });

beforeEach(() => {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cb-admin-')), 'a.db'));
});
afterEach(async () => {
  await store.close();
});

describe('admin commands', () => {
  it('refuses every admin command to a non-admin, privately, and changes nothing', async () => {
    await store.addSource({
      kind: 'rss',
      url: 'https://feeds.example/chips.xml',
      name: 'Chips',
      enabled: true,
      addedBy: null,
      priority: 0,
      pollMinutes: 30,
    });
    const [src] = await store.listSources();
    for (const text of [
      'sources',
      'sources add https://evil.example/feed',
      `sources remove ${src!.id}`,
      'subscribe 07:00 UTC',
      'unsubscribe',
    ]) {
      const a = await run(text, member);
      expect(a.kind, text).toBe('refused');
      expect(a.visibility).toBe('ephemeral');
      expect(a.parts[0]).toContain('only admins');
    }
    expect((await store.listSources()).map((s) => s.url)).toEqual(['https://feeds.example/chips.xml']);
    expect(await store.getSubscription('slack', 'C5')).toBeNull();
  });

  it('lists, adds and removes sources for an admin', async () => {
    expect((await run('sources', admin)).kind).toBe('empty');
    const added = await run('sources add https://feeds.example/policy/rss', admin);
    expect(added.kind).toBe('done');
    const [src] = await store.listSources();
    expect(src).toMatchObject({
      url: 'https://feeds.example/policy/rss',
      kind: 'rss',
      addedBy: 'slack:UADMIN',
      enabled: true,
    });
    expect((await run('sources list', admin)).parts[0]).toContain(src!.id);
    expect((await run('sources add ftp://files.example/x', admin)).kind).toBe('help');
    expect((await run('sources add not a url', admin)).kind).toBe('help');
    expect((await run('sources remove src_nope', admin)).kind).toBe('empty');
    expect((await run(`sources remove ${src!.id}`, admin)).kind).toBe('done');
    expect(await store.listSources()).toEqual([]);
  });

  it('subscribes with a validated time, IANA time zone and filters, and unsubscribes', async () => {
    const a = await run('subscribe 7:30 Europe/Berlin firm:Xinkailai "Entity List" gallium', admin);
    expect(a.kind).toBe('done');
    expect(await store.getSubscription('slack', 'C5')).toMatchObject({
      time: '07:30',
      tz: 'Europe/Berlin',
      workspaceId: 'T1',
      createdBy: 'slack:UADMIN',
      filters: { firms: ['SiCarrier'], policies: ['Entity List'], keywords: ['gallium'] },
    });
    // Changing the time keeps the zone and filters.
    await run('subscribe 09:00', admin);
    expect(await store.getSubscription('slack', 'C5')).toMatchObject({
      time: '09:00',
      tz: 'Europe/Berlin',
      filters: { firms: ['SiCarrier'] },
    });

    expect((await run('subscribe 25:00 UTC', admin)).kind).toBe('help');
    const badTz = await run('subscribe 08:00 Mars/Olympus_Mons', admin);
    expect(badTz.kind).toBe('help');
    expect(badTz.parts[0]).toContain('Mars/Olympus_Mons');
    expect((await store.getSubscription('slack', 'C5'))!.time).toBe('09:00');

    expect((await run('unsubscribe', admin)).kind).toBe('done');
    expect(await store.getSubscription('slack', 'C5')).toBeNull();
    expect((await run('unsubscribe', admin)).kind).toBe('empty');
  });

  it('defaults a new subscription to 08:00 in the configured zone', async () => {
    await run('subscribe', admin);
    expect(await store.getSubscription('slack', 'C5')).toMatchObject({ time: '08:00', tz: 'UTC' });
  });

  it('refuses to change what the config file declares (applied again at every start) and says where', async () => {
    const file = fileSchema.parse({
      sources: [{ url: 'https://feeds.example/policy.xml', name: 'Policy wire' }],
      subscriptions: [{ platform: 'slack', workspaceId: 'T1', channelId: 'C5', time: '07:00' }],
    });
    await syncConfigToStore({ file, TZ_DEFAULT: 'UTC' }, store);
    const [src] = await store.listSources();
    for (const text of ['unsubscribe', 'subscribe 09:00 Europe/Berlin', `sources remove ${src!.id}`]) {
      const a = await run(text, admin);
      expect(a.kind, text).toBe('refused');
      expect(a.visibility).toBe('ephemeral');
      expect(a.parts.join(' ')).toContain('chipbrief.config.json');
    }
    expect(await store.getSubscription('slack', 'C5')).toMatchObject({ time: '07:00', createdBy: 'config' });
    expect(await store.listSources()).toHaveLength(1);
    // What the file says is what applies at the next start: a changed poll interval too.
    const edited = fileSchema.parse({
      sources: [
        { url: 'https://feeds.example/policy.xml', name: 'Policy wire', pollMinutes: 10, priority: 3 },
      ],
      subscriptions: [{ platform: 'slack', workspaceId: 'T1', channelId: 'C5', time: '06:30' }],
    });
    await syncConfigToStore({ file: edited, TZ_DEFAULT: 'UTC' }, store);
    expect(await store.listSources()).toMatchObject([{ id: src!.id, pollMinutes: 10, priority: 3 }]);
    expect((await store.getSubscription('slack', 'C5'))!.time).toBe('06:30');
    // A channel the file does not declare stays the admins' to change.
    const other = { ...admin, channelId: 'C6' };
    expect((await run('subscribe 10:00', other)).kind).toBe('done');
    expect((await run('unsubscribe', other)).kind).toBe('done');
  });
});
