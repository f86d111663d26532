import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapturedRequest } from '../../fakes/discord-rest.js';
import { MANAGE_GUILD_PERMS, MEMBER_PERMS } from '../../fakes/discord-server.js';
import { ADMIN_USER, type Harness, startHarness } from './harness.js';
import { ARTICLES } from './seed.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ configAdmins: [ADMIN_USER], replyVia: 'serve' });
});
afterAll(async () => {
  await h?.close();
});

type Embed = { title?: string; description?: string; fields?: { name: string; value: string }[] };

function embedsOf(r: CapturedRequest): Embed[] {
  return (r.body?.embeds as Embed[] | undefined) ?? [];
}

function textOf(embeds: Embed[]): string {
  return embeds
    .flatMap((e) => [
      e.title ?? '',
      e.description ?? '',
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ])
    .join('\n');
}

/** Discord's renderer drops a backslash before punctuation: the text a reader sees. */
function rendered(md: string): string {
  return md.replace(/\\([^\w\s])/g, '$1').replace(/\u2060/g, '');
}

/** The interaction's original (deferred, then edited) message as the fake holds it. */
function originalOf(token: string) {
  const id = h.fake.rest.interactions.get(token)?.originalId;
  return h.fake.state.messages.find((m) => m.id === id);
}

function webhookCalls(token: string): CapturedRequest[] {
  return h.fake.requests.filter((r) => r.path.includes(`/${token}`) && r.path.startsWith('/webhooks/'));
}

describe('/chipbrief over the real discord.js client', () => {
  it('connects with minimal intents and no privileged one', () => {
    const identify = h.fake.gateway.identifies[0]!;
    const intents = Number(identify.intents);
    expect(intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    expect(intents & (1 << 15)).toBe(0);
    expect(h.discord.health().connected).toBe(true);
  });

  it('defers `who export controls` within 3 s, then edits in verbatim quotes and citations', async () => {
    const { id, token, sentAt } = h.fake.slash({
      sub: 'who',
      options: { topic: 'export controls' },
      channelId: h.channelId,
    });
    const defer = await h.fake.until(() => h.fake.find('POST', new RegExp(`^/interactions/${id}/`))[0]);
    expect(defer.at - sentAt).toBeLessThan(3000);
    expect(defer.body).toMatchObject({ type: 5 });
    expect(((defer.body!.data as { flags?: number }).flags ?? 0) & 64).toBe(0);
    await h.fake.until(() => h.submitted.find((c) => c.eventId === id));
    await h.settled();

    const calls = webhookCalls(token);
    const edit = calls.find((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'));
    expect(edit).toBeDefined();
    const all = calls.filter((r) => r.method !== 'DELETE').flatMap(embedsOf);
    const text = rendered(textOf(all));
    // Verbatim quotes from the seeded articles, with their speakers.
    const quotes = h.answers.at(-1)!.quotes;
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(text).toContain(q.text);
      const article = ARTICLES.find((a) => a.url === q.articleUrl)!;
      expect(article.text).toContain(q.text);
    }
    expect(text).toMatch(/Lindqvist|Natarajan|Okafor/);
    // Citations link the articles.
    expect(all.some((e) => e.title === 'Sources')).toBe(true);
    expect(textOf(all)).toContain('(https://tradeledger.example/2026/11/lithography-parts-export-controls)');
    for (const r of calls.filter((c) => c.method !== 'DELETE')) {
      expect(r.body!.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    // The answer message starts a thread's context.
    const msgId = originalOf(token)?.id;
    expect(msgId).toBeDefined();
    const thread = await h.store.getThread('discord', h.channelId, msgId!);
    expect(thread?.storyIds.length).toBeGreaterThan(0);
  });

  it('refuses `sources add` to a non-admin, visible only to them, and adds nothing', async () => {
    const before = (await h.store.listSources()).length;
    const { id, token } = h.fake.slash({
      group: 'sources',
      sub: 'add',
      options: { url: 'https://feeds.example/chips.xml' },
      channelId: h.channelId,
      permissions: MEMBER_PERMS,
    });
    const defer = await h.fake.until(() => h.fake.find('POST', new RegExp(`^/interactions/${id}/`))[0]);
    expect((defer.body!.data as { flags: number }).flags & 64).toBe(64);
    await h.fake.until(() => h.submitted.find((c) => c.eventId === id));
    await h.settled();
    const cmd = h.submitted.find((c) => c.eventId === id)!;
    expect(cmd.text).toBe('sources add https://feeds.example/chips.xml');
    expect(cmd.ctx.isAdmin).toBe(false);
    expect(h.answers.at(-1)!.kind).toBe('refused');
    const edit = webhookCalls(token).find((r) => r.method === 'PATCH')!;
    expect(rendered(textOf(embedsOf(edit)))).toMatch(/only admins/i);
    expect(originalOf(token)?.ephemeral).toBe(true);
    expect((await h.store.listSources()).length).toBe(before);
  });

  it('lets a Manage Server member and a config admin add a source', async () => {
    const a = h.fake.slash({
      group: 'sources',
      sub: 'add',
      options: { url: 'https://feeds.example/fabs.xml' },
      channelId: h.channelId,
      permissions: MANAGE_GUILD_PERMS,
    });
    const b = h.fake.slash({
      group: 'sources',
      sub: 'add',
      options: { url: 'https://feeds.example/tools.xml' },
      channelId: h.channelId,
      user: h.fake.state.user(ADMIN_USER, 'configadmin'),
      permissions: MEMBER_PERMS,
    });
    await h.fake.until(
      () => h.submitted.find((c) => c.eventId === b.id) && h.submitted.find((c) => c.eventId === a.id),
    );
    await h.settled();
    const urls = (await h.store.listSources()).map((s) => s.url);
    expect(urls).toContain('https://feeds.example/fabs.xml');
    expect(urls).toContain('https://feeds.example/tools.xml');
  });

  it('answers help ephemerally', async () => {
    const { id, token } = h.fake.slash({ sub: 'help', channelId: h.channelId });
    await h.fake.until(() => h.submitted.find((c) => c.eventId === id));
    await h.settled();
    const edit = webhookCalls(token).find((r) => r.method === 'PATCH')!;
    expect(originalOf(token)?.ephemeral).toBe(true);
    expect(textOf(embedsOf(edit))).toContain('`/chipbrief');
  });

  it('autocompletes firm names from the gazetteer', async () => {
    const { id } = h.fake.slash({
      sub: 'firm',
      options: { name: 'nvi' },
      focused: 'name',
      channelId: h.channelId,
    });
    const cb = await h.fake.until(() => h.fake.find('POST', new RegExp(`^/interactions/${id}/`))[0]);
    expect(cb.body).toMatchObject({ type: 8 });
    const choices = (cb.body!.data as { choices: { name: string; value: string }[] }).choices;
    expect(choices.map((c) => c.value)).toContain('Nvidia');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it("`digest` shows the channel's latest digest with its stories in full", async () => {
    const story = h.seeded.storyIds[0]!;
    const [article] = await h.store.storyMembers(story);
    const quotes = await h.store.getQuotes(article!.id);
    await h.store.putBrief({
      id: `brief-${story}`,
      storyId: story,
      contentHash: article!.contentHash,
      promptVersion: 'extractive@1',
      model: 'extractive',
      summarizer: 'extractive',
      headline: 'Export controls now reach lithography servicing',
      bullets: ['Spare parts and servicing for DUV tools sold to Chinese fabs need a licence.'],
      quoteIds: quotes.slice(0, 2).map((q) => q.id),
      tokensIn: 0,
      tokensOut: 0,
      fallbackReason: null,
      createdAt: new Date().toISOString(),
    });
    const id = 'digest:discord:930000000000000001:2026-11-16';
    await h.store.claimDigest({
      id,
      platform: 'discord',
      channelId: h.channelId,
      date: '2026-11-16',
      storyIds: [story],
    });
    await h.store.markDigestPosted(id, '960000000000000077', new Date().toISOString());
    const { id: iid, token } = h.fake.slash({ sub: 'digest', channelId: h.channelId });
    await h.fake.until(() => h.submitted.find((c) => c.eventId === iid));
    await h.settled();
    expect(h.answers.at(-1)!.kind).toBe('digest');
    const embeds = webhookCalls(token).flatMap(embedsOf);
    const text = rendered(textOf(embeds));
    expect(text).toContain('1. Export controls now reach lithography servicing');
    expect(text).toContain(quotes[0]!.text);
  });

  it('stops cleanly: gateway closed, health down, after heartbeats were acknowledged', async () => {
    // The first heartbeat comes a random fraction of the interval after HELLO: a fast run of this file
    // can get here before it, so wait for it rather than race it.
    await h.fake.until(() => h.fake.gateway.received.some((f) => f.op === 1));
    expect(h.fake.gateway.received.some((f) => f.op === 1)).toBe(true);
    await h.discord.stop();
    await h.fake.until(() => h.fake.gateway.connections === 0);
    expect(h.discord.health()).toMatchObject({ ok: false, connected: false });
    await h.discord.stop();
  });
});
