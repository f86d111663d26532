import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, slackSignature, slashCommandBody } from '../../fakes/slack-signing.js';
import { QUOTES, seedAccelerators, seedLithography, visibleText } from './fixtures.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  const at = new Date(Date.now() - 3 * 3_600_000).toISOString();
  h = await startHarness({
    admins: ['U0CONFIGADMIN'],
    seed: async (store) => {
      await seedLithography(store, at);
      await seedAccelerators(store, at);
    },
  });
  h.fake.users.set('U0ANALYST', { id: 'U0ANALYST' });
  h.fake.users.set('U0WSADMIN', { id: 'U0WSADMIN', is_admin: true });
});

afterAll(async () => {
  await h?.close();
});

function command(text: string, userId = 'U0ANALYST', channelId = 'C0POLICY') {
  return slashCommandBody({ text, userId, channelId, responseUrl: h.fake.responseUrl(channelId) });
}

describe('/chipbrief over signed HTTP', () => {
  it('acks `who export controls` at once and answers through response_url with verbatim quotes and sources', async () => {
    const res = await postSigned(h.eventsUrl, command('who export controls'), { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await h.sink.settle(1);
    const [reply] = h.fake.calls('response_url');
    expect(reply?.status).toBe(200);
    expect(reply!.body.response_type).toBe('in_channel');
    const shown = visibleText(reply!.body);
    // Quotes appear word for word, with their speakers, and the sources they came from are linked.
    expect(shown).toContain(`\u201c${QUOTES.brennan}\u201d`);
    expect(shown).toContain('Laura Brennan');
    expect(shown).toContain(`\u201c${QUOTES.verhoef}\u201d`);
    expect(shown).toContain('<https://policywire.example/2025/accelerator-export-controls|');
    expect(shown).toContain('<https://tradeledger.example/2025/lithography-licences|');
    expect(shown).toMatch(/\[1\]/);
    // The hostile text of the lithography article reached Slack escaped.
    const raw = JSON.stringify(reply!.body);
    expect(raw).not.toMatch(/<[!@#]/);
    expect(typeof reply!.body.text).toBe('string');
  });

  it('rejects a forged signature with 401 and submits nothing', async () => {
    const before = h.sink.submitted.length;
    const body = command('who export controls');
    const forged = slackSignature('not-the-secret', Math.floor(Date.now() / 1000), body);
    const res = await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, signature: forged });
    expect(res.status).toBe(401);
    expect(h.sink.submitted.length).toBe(before);
  });

  it('rejects a correctly signed but stale (> 5 min) request with 401 and submits nothing', async () => {
    const before = h.sink.submitted.length;
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await postSigned(h.eventsUrl, command('who export controls'), {
      secret: SIGNING_SECRET,
      timestamp: stale,
    });
    expect(res.status).toBe(401);
    expect(h.sink.submitted.length).toBe(before);
  });

  it('answers a redelivered command (same trigger_id) once', async () => {
    const before = h.sink.submitted.length;
    const body = command('policy export controls');
    await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET });
    await postSigned(h.eventsUrl, body, { secret: SIGNING_SECRET, headers: { 'x-slack-retry-num': '1' } });
    await h.sink.settle(before + 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.sink.submitted.length).toBe(before + 1);
  });
});

describe('admin commands', () => {
  it("refuses a non-admin's `sources add`, ephemerally, and adds nothing", async () => {
    const before = h.sink.submitted.length;
    await postSigned(h.eventsUrl, command('sources add https://feeds.example/chips.xml', 'U0ANALYST'), {
      secret: SIGNING_SECRET,
    });
    await h.sink.settle(before + 1);
    const reply = h.fake.calls('response_url').at(-1)!;
    expect(reply.body.response_type).toBe('ephemeral');
    expect(visibleText(reply.body)).toMatch(/only admins/i);
    expect(h.sink.submitted.at(-1)!.ctx.isAdmin).toBe(false);
    expect(await h.store.listSources()).toEqual([]);
  });

  it("runs a workspace admin's `sources add` (users.info says admin)", async () => {
    const before = h.sink.submitted.length;
    await postSigned(h.eventsUrl, command('sources add https://feeds.example/fabs.xml', 'U0WSADMIN'), {
      secret: SIGNING_SECRET,
    });
    await h.sink.settle(before + 1);
    expect(h.sink.submitted.at(-1)!.ctx.isAdmin).toBe(true);
    expect((await h.store.listSources()).map((s) => s.url)).toContain('https://feeds.example/fabs.xml');
    expect(h.fake.calls('users.info').some((c) => c.body.user === 'U0WSADMIN')).toBe(true);
  });

  it("runs a config admin's `sources add` without asking Slack", async () => {
    const asked = h.fake.calls('users.info').length;
    const before = h.sink.submitted.length;
    await postSigned(h.eventsUrl, command('sources add https://feeds.example/tariffs.xml', 'U0CONFIGADMIN'), {
      secret: SIGNING_SECRET,
    });
    await h.sink.settle(before + 1);
    expect(h.sink.submitted.at(-1)!.ctx.isAdmin).toBe(true);
    expect((await h.store.listSources()).map((s) => s.url)).toContain('https://feeds.example/tariffs.xml');
    expect(h.fake.calls('users.info').length).toBe(asked);
  });
});
