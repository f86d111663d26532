import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordApi } from '../../../adapters/discord/discord-api.js';
import { createRest, DiscordPlatform } from '../../../adapters/discord/platform.js';
import { renderAnswer } from '../../../adapters/discord/render-answer.js';
import { VIA } from '../../../adapters/discord/replier.js';
import type { Answer } from '../../../src/answers/answer.js';
import { createLogger } from '../../../src/log.js';
import type { ReplyTarget } from '../../../src/ports.js';
import { validateMessage } from '../../fakes/discord-rest.js';
import { type FakeDiscord, seedChannels, startFakeDiscord } from '../../fakes/discord-server.js';
import { longAnswer } from '../../support/long-answer.js';
import { MemoryDelivery } from '../../support/memory-delivery.js';

let fake: FakeDiscord;
let channelId: string;
const log = createLogger('silent');

beforeAll(async () => {
  fake = await startFakeDiscord();
  ({ channelId } = seedChannels(fake));
});
afterAll(async () => {
  await fake?.close();
});

/** A worker's platform, with its clock set `ageMs` after the interaction was created. */
function platformAt(ageMs: number): DiscordPlatform {
  const api = new DiscordApi(
    createRest({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }),
    fake.appId,
  );
  return new DiscordPlatform({ api, log, now: () => new Date(Date.parse(CREATED) + ageMs) });
}

const CREATED = '2026-11-17T08:00:00.000Z';

/** An interaction deferred in the fake, and the reply target the adapter would have submitted. */
async function deferred(ephemeral: boolean): Promise<{ token: string; target: ReplyTarget }> {
  const id = `95${Math.floor(Math.random() * 1e15)}`;
  const token = `tok-${id}`;
  fake.rest.addInteraction(id, token, channelId);
  const res = await fetch(`${fake.apiUrl}/v10/interactions/${id}/${token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 5, data: { flags: ephemeral ? 64 : 0 } }),
  });
  expect(res.status).toBe(204);
  return {
    token,
    target: {
      platform: 'discord',
      channelId,
      threadRef: null,
      via: {
        [VIA.kind]: 'command',
        [VIA.eventId]: id,
        [VIA.appId]: fake.appId,
        [VIA.token]: token,
        [VIA.createdAt]: CREATED,
        [VIA.deferred]: ephemeral ? 'ephemeral' : 'public',
      },
    },
  };
}

function answer(over: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    title: 'Export controls',
    parts: ['Servicing now needs a licence [1].'],
    quotes: [],
    citations: [],
    suggestions: [],
    visibility: 'channel',
    storyIds: ['s1'],
    ...over,
  };
}

const calls = (token: string) =>
  fake.requests.filter((r) => r.path.startsWith(`/webhooks/${fake.appId}/${token}`));

describe('replies through the interaction webhook', () => {
  it('edits the deferred reply, then follows up, for an answer longer than one message', async () => {
    const { token, target } = await deferred(false);
    const long = longAnswer();
    const ref = await platformAt(60_000).reply(target, long);
    const sent = calls(token);
    expect(sent[0]!.method).toBe('PATCH');
    expect(sent.slice(1).every((r) => r.method === 'POST')).toBe(true);
    expect(sent.length).toBeGreaterThan(2);
    for (const r of sent) {
      expect(r.status).toBe(200);
      expect(validateMessage(r.body!)).toBeNull();
      expect(r.body!.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    const all = JSON.stringify(sent.map((r) => r.body));
    // Every verbatim quote got through, whole.
    for (const q of long.quotes) expect(all).toContain(q.text);
    expect(ref).toBe(fake.rest.interactions.get(token)!.originalId);
  });

  it('turns a public "thinking…" into an ephemeral answer: delete, then an ephemeral follow-up', async () => {
    const { token, target } = await deferred(false);
    const ref = await platformAt(1000).reply(
      target,
      answer({ kind: 'refused', visibility: 'ephemeral', storyIds: [] }),
    );
    expect(ref).toBe('');
    const sent = calls(token);
    expect(sent.map((r) => r.method)).toEqual(['DELETE', 'POST']);
    expect(sent[1]!.body!.flags).toBe(64);
    expect(fake.state.messages.at(-1)).toMatchObject({ ephemeral: true, webhook_id: fake.appId });
  });

  it('past the token life, posts a public answer in the channel and drops an ephemeral one', async () => {
    const a = await deferred(false);
    const before = fake.find('POST', new RegExp(`^/channels/${channelId}/messages$`)).length;
    const ref = await platformAt(20 * 60_000).reply(a.target, answer());
    expect(calls(a.token)).toHaveLength(0);
    const posts = fake.find('POST', new RegExp(`^/channels/${channelId}/messages$`));
    expect(posts.length).toBe(before + 1);
    expect(ref).toBe(fake.state.history(channelId).at(-1)!.id);
    expect(posts.at(-1)!.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });

    const b = await deferred(true);
    expect(
      await platformAt(20 * 60_000).reply(b.target, answer({ kind: 'help', visibility: 'ephemeral' })),
    ).toBe('');
    expect(fake.find('POST', new RegExp(`^/channels/${channelId}/messages$`)).length).toBe(before + 1);
  });

  it('falls back to the channel when Discord says the token is no longer valid', async () => {
    const { token, target } = await deferred(false);
    fake.rest.expireToken(token);
    const before = fake.state.history(channelId).length;
    const ref = await platformAt(1000).reply(target, answer());
    expect(calls(token).map((r) => r.status)).toEqual([401]);
    expect(fake.state.history(channelId).length).toBe(before + 1);
    expect(ref).toBe(fake.state.history(channelId).at(-1)!.id);
  });

  it('a retried answer job does not post its channel reply twice (nonce from the event id)', async () => {
    const target: ReplyTarget = {
      platform: 'discord',
      channelId,
      threadRef: null,
      via: {
        [VIA.kind]: 'mention',
        [VIA.eventId]: '960000000000000001',
        [VIA.replyTo]: '960000000000000001',
      },
    };
    const before = fake.state.history(channelId).length;
    const first = await platformAt(0).reply(target, answer());
    const second = await platformAt(0).reply(target, answer());
    expect(second).toBe(first);
    expect(fake.state.history(channelId).length).toBe(before + 1);
  });
});

describe('answer jobs retried: each part of a reply once', () => {
  const PARTS = renderAnswer(longAnswer()).length;
  const channelPosts = () => fake.find('POST', new RegExp(`^/channels/${channelId}/messages$`));
  const replyTo = (id: string): ReplyTarget => ({
    platform: 'discord',
    channelId,
    threadRef: null,
    via: { [VIA.kind]: 'mention', [VIA.eventId]: id, [VIA.replyTo]: id },
  });
  const shown = (first: string) => {
    const history = fake.state.history(channelId);
    return history.slice(history.findIndex((m) => m.id === first));
  };

  it('a mention reply whose part 2 keeps failing: the retry posts only parts 2..n, even past the nonce window', async () => {
    expect(PARTS).toBeGreaterThanOrEqual(3);
    const delivery = new MemoryDelivery('answer:discord:960000000000000101');
    fake.fault({
      method: 'POST',
      path: new RegExp(`^/channels/${channelId}/messages$`),
      skip: 1,
      times: 12,
      kind: 'status',
      status: 503,
    });
    await expect(platformAt(0).reply(replyTo('960000000000000101'), longAnswer(), delivery)).rejects.toThrow(
      /503|Service/i,
    );
    for (const f of fake.rest.faults) f.times = 0;
    expect([...delivery.sent]).toEqual([0]);
    fake.state.nonceWindowMs = 0;
    try {
      const ref = await platformAt(0).reply(
        replyTo('960000000000000101'),
        longAnswer(),
        delivery.nextAttempt(),
      );
      const after = shown(ref);
      expect(after).toHaveLength(PARTS);
      expect(new Set(after.map((m) => JSON.stringify(m.embeds))).size).toBe(PARTS);
      expect(after[0]!.message_reference).toMatchObject({ message_id: '960000000000000101' });
    } finally {
      fake.state.nonceWindowMs = 5 * 60_000;
    }
  });

  it('killed after part 1 was accepted, before it was recorded: the retry finds it by its reply reference', async () => {
    const delivery = new MemoryDelivery('answer:discord:960000000000000102').crashBeforeRecording(0);
    await expect(platformAt(0).reply(replyTo('960000000000000102'), longAnswer(), delivery)).rejects.toThrow(
      /SIGKILL/,
    );
    fake.state.nonceWindowMs = 0;
    try {
      const ref = await platformAt(0).reply(
        replyTo('960000000000000102'),
        longAnswer(),
        delivery.nextAttempt(),
      );
      expect(shown(ref)).toHaveLength(PARTS);
    } finally {
      fake.state.nonceWindowMs = 5 * 60_000;
    }
  });

  it('killed after a later part was accepted, before it was recorded: its nonce makes Discord return it', async () => {
    const before = fake.state.history(channelId).length;
    const delivery = new MemoryDelivery('answer:discord:960000000000000103').crashBeforeRecording(1);
    await expect(platformAt(0).reply(replyTo('960000000000000103'), longAnswer(), delivery)).rejects.toThrow(
      /SIGKILL/,
    );
    const posts = channelPosts().length;
    await platformAt(0).reply(replyTo('960000000000000103'), longAnswer(), delivery.nextAttempt());
    expect(fake.state.history(channelId).length).toBe(before + PARTS);
    // Part 2 was sent again with its nonce (and returned, not posted); part 1 was not sent again.
    expect(channelPosts().length - posts).toBe(PARTS - 1);
  });

  it('a slash command whose second follow-up fails: the retry edits the reply again and sends only the missing follow-ups', async () => {
    const { token, target } = await deferred(false);
    const delivery = new MemoryDelivery(`answer:discord:${target.via[VIA.eventId]}`);
    const followUps = new RegExp(`^/webhooks/${fake.appId}/${token}$`);
    fake.fault({ method: 'POST', path: followUps, skip: 1, times: 12, kind: 'status', status: 502 });
    await expect(platformAt(1000).reply(target, longAnswer(), delivery)).rejects.toThrow();
    for (const f of fake.rest.faults) f.times = 0;
    const ref = await platformAt(1000).reply(target, longAnswer(), delivery.nextAttempt());
    expect(ref).toBe(fake.rest.interactions.get(token)!.originalId);
    const ok = fake.find('POST', followUps).filter((r) => r.status === 200);
    expect(ok).toHaveLength(PARTS - 1);
    expect(new Set(ok.map((r) => JSON.stringify(r.body!.embeds))).size).toBe(PARTS - 1);
    expect(
      fake.find('PATCH', new RegExp(`^/webhooks/${fake.appId}/${token}/messages/@original$`)),
    ).toHaveLength(2);
  });
});
