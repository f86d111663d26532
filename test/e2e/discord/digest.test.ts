import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { digestRef } from '../../../adapters/discord/digest-ref.js';
import { DiscordApi } from '../../../adapters/discord/discord-api.js';
import { discordPlatform } from '../../../adapters/discord/index.js';
import { createRest, DiscordPlatform } from '../../../adapters/discord/platform.js';
import { loadConfig } from '../../../src/config.js';
import { deliverDigest } from '../../../src/digests/deliver-digest.js';
import { type Digest, digestId } from '../../../src/digests/digest.js';
import { createLogger } from '../../../src/log.js';
import { type PlatformPort, systemClock } from '../../../src/ports.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { FAKE_GUILD_ID, type FakeDiscord, startFakeDiscord } from '../../fakes/discord-server.js';
import { type Seeded, seedStore, viewOf } from './seed.js';

let fake: FakeDiscord;
let store: Store;
let seeded: Seeded;
let channelSeq = 0;
const log = createLogger('silent');
const clock = systemClock;

/** A new process's posting side: discord.js REST, no memory of earlier attempts. */
function freshPlatform(): PlatformPort {
  const config = loadConfig(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      CHIPBRIEF_LLM: 'off',
    },
    mkdtempSync(join(tmpdir(), 'cb-dd-')),
  );
  return discordPlatform(config, log)!;
}

/** Like a fresh platform, with at most two embeds per message (several thread parts). */
function smallParts(): DiscordPlatform {
  const api = new DiscordApi(
    createRest({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }),
    fake.appId,
  );
  return new DiscordPlatform({ api, log, render: { pack: { maxEmbeds: 2, maxChars: 6000 } } });
}

function newChannel(): string {
  channelSeq += 1;
  const id = `94000000000000${String(channelSeq).padStart(4, '0')}`;
  fake.state.addChannel({ id, type: 0, guild_id: FAKE_GUILD_ID, name: `digest-${channelSeq}` });
  return id;
}

async function digestFor(channelId: string, date = '2026-11-17'): Promise<Digest> {
  const [s1, s2, s3] = seeded.storyIds;
  return {
    id: digestId('discord', channelId, date),
    platform: 'discord',
    channelId,
    date,
    overview: 'Export controls reach lithography servicing; memory tariffs under review.',
    stories: [
      await viewOf(
        store,
        s1!,
        '@everyone Commerce widens export controls to **lithography** parts <@&123456789012345678>',
      ),
      await viewOf(store, s2!),
      await viewOf(store, s3!, '[click here](https://phish.example/login) for tariff news @here'),
    ],
  };
}

const overviews = (channelId: string) => fake.state.history(channelId).filter((m) => m.author.bot);
const messagePosts = () =>
  fake.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));

beforeAll(async () => {
  fake = await startFakeDiscord();
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cb-dd-')), 'test.db'));
  seeded = await seedStore(store, clock);
});
afterAll(async () => {
  await fake?.close();
  await store?.close();
});
beforeEach(() => {
  fake.state.nonceWindowMs = 5 * 60_000;
});

describe('daily digest on Discord', () => {
  it('posts an overview and a thread with one embed per story, once, through a 429', async () => {
    const channelId = newChannel();
    const digest = await digestFor(channelId);
    fake.fault({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/messages$`),
      times: 1,
      kind: 'rate-limit',
      retryAfter: 1,
    });
    const t0 = Date.now();
    const delivery = await deliverDigest(digest, { store, platform: freshPlatform(), clock });
    expect(delivery.status).toBe('posted');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);

    const posts = fake.requests.filter(
      (r) => r.path === `/channels/${channelId}/messages` && r.method === 'POST',
    );
    expect(posts.map((p) => p.status)).toEqual([429, 200]);
    expect(posts[1]!.body).toMatchObject({ nonce: digestRef(digest.id), enforce_nonce: true });
    expect(overviews(channelId)).toHaveLength(1);
    const overview = overviews(channelId)[0]!;
    expect(delivery.messageRef).toBe(overview.id);

    const thread = fake.state.channels.get(overview.id);
    expect(thread?.type).toBe(11);
    const parts = fake.state.history(overview.id);
    const storyEmbeds = parts.flatMap((m) => m.embeds).filter((e) => typeof e.title === 'string');
    expect(storyEmbeds).toHaveLength(3);
    const record = await store.getDigest(digest.id);
    expect(record?.messageRef).toBe(overview.id);
  });

  it('never lets article text ping or restyle: allowed_mentions empty, markdown and links escaped', async () => {
    const channelId = newChannel();
    const digest = await digestFor(channelId);
    await deliverDigest(digest, { store, platform: freshPlatform(), clock });
    const sent = fake.requests.filter(
      (r) =>
        r.method === 'POST' &&
        (r.path.startsWith(`/channels/${channelId}`) ||
          r.path.startsWith(`/channels/${overviews(channelId)[0]!.id}`)),
    );
    const messages = sent.filter((r) => r.path.endsWith('/messages'));
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const r of messages) expect((r.body!.allowed_mentions as { parse: unknown[] }).parse).toEqual([]);
    const json = JSON.stringify(messages.map((r) => r.body));
    // The @everyone title reached Discord only in a form that cannot mention, inside a no-mention message.
    expect(json).toContain('@\u2060everyone');
    expect(json).toContain('@\u2060here');
    expect(json).not.toMatch(/@everyone|@here/);
    expect(json).not.toMatch(/(?<!\\\\)<@&/);
    expect(json).not.toContain('[click here](https://phish.example/login)');
    expect(json).toContain('\\\\*\\\\*lithography\\\\*\\\\*');
  });

  it('a 429 first, then the worker killed after posting and before recording: the next delivery posts nothing', async () => {
    const channelId = newChannel();
    const digest = await digestFor(channelId);
    fake.fault({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/messages$`),
      times: 1,
      kind: 'rate-limit',
      retryAfter: 1,
    });
    const real = freshPlatform();
    const killed: PlatformPort = {
      platform: 'discord',
      findPostedDigest: (c, d, s) => real.findPostedDigest(c, d, s),
      postDigest: async (d) => {
        await real.postDigest(d);
        throw new Error('SIGKILL: worker died before recording the post');
      },
      reply: (t, a) => real.reply(t, a),
    };
    await expect(deliverDigest(digest, { store, platform: killed, clock })).rejects.toThrow(/SIGKILL/);
    const record = await store.getDigest(digest.id);
    expect(record?.attemptedAt).not.toBeNull();
    expect(record?.postedAt).toBeNull();
    const before = messagePosts().length;
    // Long after: Discord no longer dedupes the nonce; the durable marker must do it.
    fake.state.nonceWindowMs = 0;
    const again = await deliverDigest(digest, { store, platform: freshPlatform(), clock });
    expect(again.status).toBe('recovered');
    expect(messagePosts().length).toBe(before);
    expect(overviews(channelId)).toHaveLength(1);
    expect(again.messageRef).toBe(overviews(channelId)[0]!.id);
    const third = await deliverDigest(digest, { store, platform: freshPlatform(), clock });
    expect(third.status).toBe('already-posted');
  });

  it('a crash mid-thread resumes: the retry posts only the missing parts under the same overview', async () => {
    const channelId = newChannel();
    const digest = await digestFor(channelId);
    // Small messages (two embeds each), so the thread has several parts; the second one fails.
    fake.fault({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      skip: 2,
      times: 1,
      kind: 'status',
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    await expect(deliverDigest(digest, { store, platform: smallParts(), clock })).rejects.toThrow(
      /Missing Permissions/,
    );
    const overview = overviews(channelId)[0]!;
    expect(fake.state.history(overview.id)).toHaveLength(1);
    fake.state.nonceWindowMs = 0;
    const again = await deliverDigest(digest, { store, platform: smallParts(), clock });
    expect(again.status).toBe('posted');
    expect(again.messageRef).toBe(overview.id);
    expect(overviews(channelId)).toHaveLength(1);
    const parts = fake.state.history(overview.id).map((m) => /part (\d+)\//.exec(m.content)?.[1]);
    // Part 1 once (posted before the crash), the rest once each (posted by the retry).
    expect(parts.sort()).toEqual(['1', '2', '3']);
  });

  it('a lost response is resent with the same nonce and Discord keeps one message', async () => {
    const channelId = newChannel();
    const digest = await digestFor(channelId);
    fake.fault({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/messages$`),
      times: 1,
      kind: 'drop-after-handling',
    });
    const delivery = await deliverDigest(digest, { store, platform: freshPlatform(), clock });
    expect(delivery.status).toBe('posted');
    const posts = fake.requests.filter(
      (r) => r.path === `/channels/${channelId}/messages` && r.method === 'POST',
    );
    expect(posts).toHaveLength(2);
    expect(posts[0]!.body!.nonce).toBe(posts[1]!.body!.nonce);
    expect(overviews(channelId)).toHaveLength(1);
  });
});
