import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAdminCommand, SlackAdmins } from '../../../../adapters/slack/admins.js';
import { ChannelPacer } from '../../../../adapters/slack/pacer.js';
import { SlackApi } from '../../../../adapters/slack/slack-api.js';
import { createLogger } from '../../../../src/log.js';
import { FakeSlack } from '../../../fakes/slack-server.js';

let fake: FakeSlack;
const log = createLogger('silent');

beforeAll(async () => {
  fake = await FakeSlack.start();
  fake.users.set('U0OWNER', { id: 'U0OWNER', is_owner: true });
  fake.users.set('U0MEMBER', { id: 'U0MEMBER' });
  fake.users.set('U0GONE', { id: 'U0GONE', is_admin: true, deleted: true });
});
afterAll(async () => {
  await fake.close();
});

function admins(now: () => number = Date.now, token = fake.botToken) {
  const api = new SlackApi({
    token,
    apiUrl: fake.apiUrl,
    log,
    pacer: new ChannelPacer(0),
    sleep: async () => {},
  });
  return new SlackAdmins(new Set(['U0LISTED']), api, log, 60_000, now);
}

describe('SlackAdmins', () => {
  it('knows config admins without asking Slack', async () => {
    const before = fake.calls('users.info').length;
    expect(await admins().isAdmin('U0LISTED')).toBe(true);
    expect(fake.calls('users.info').length).toBe(before);
  });

  it('asks users.info for owners, admins and members, and caches the verdict for its TTL', async () => {
    let now = 0;
    const a = admins(() => now);
    const before = fake.calls('users.info').length;
    expect(await a.isAdmin('U0OWNER')).toBe(true);
    expect(await a.isAdmin('U0OWNER')).toBe(true);
    expect(await a.isAdmin('U0MEMBER')).toBe(false);
    expect(fake.calls('users.info').length - before).toBe(2);
    now = 61_000;
    expect(await a.isAdmin('U0OWNER')).toBe(true);
    expect(fake.calls('users.info').length - before).toBe(3);
  });

  it('says no for deactivated admins, unknown users and when Slack cannot be asked', async () => {
    expect(await admins().isAdmin('U0GONE')).toBe(false);
    expect(await admins().isAdmin('U0NOBODY')).toBe(false);
    expect(await admins(Date.now, 'xoxb-revoked').isAdmin('U0OWNER')).toBe(false);
  });

  it('recognises the admin commands', () => {
    expect(isAdminCommand('sources add https://feeds.example/x')).toBe(true);
    expect(isAdminCommand('  Subscribe 08:00')).toBe(true);
    expect(isAdminCommand('unsubscribe')).toBe(true);
    expect(isAdminCommand('who export controls')).toBe(false);
    expect(isAdminCommand('ask which sources reported it')).toBe(false);
  });
});
