import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDigest } from '../../../src/digests/deliver-digest.js';
import { digestId } from '../../../src/digests/digest.js';
import { type Harness, startHarness } from './harness.js';
import { viewOf } from './seed.js';

let h: Harness;

beforeAll(async () => {
  // Replies from a REST-only worker: thread context is not written at post time and must be recovered.
  h = await startHarness({ replyVia: 'worker' });
});
afterAll(async () => {
  await h?.close();
});

const FAB_WEEKLY = 'https://fabweekly.example/news/toolmakers-brace-for-servicing-rule';

function postsTo(channelId: string) {
  return h.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
}

describe('follow-ups: mentions in threads and DMs', () => {
  it("answers a mention in a digest's thread, in that thread, from the digest's stories", async () => {
    const story = h.seeded.storyIds[1]!;
    const date = '2026-11-17';
    const digest = {
      id: digestId('discord', h.channelId, date),
      platform: 'discord' as const,
      channelId: h.channelId,
      date,
      overview: 'Toolmakers weigh the servicing rule.',
      stories: [await viewOf(h.store, story)],
    };
    const delivery = await deliverDigest(digest, { store: h.store, platform: h.worker, clock: h.clock });
    const threadId = delivery.messageRef;
    expect(await h.store.getThread('discord', h.channelId, threadId)).toBeNull();

    const asked = h.fake.userMessage({
      channelId: threadId,
      content: 'what is this about?',
      mentionBot: true,
    });
    const cmd = await h.fake.until(() => h.submitted.find((c) => c.eventId === asked.id));
    await h.settled();
    expect(cmd.followUp).toBe(true);
    expect(cmd.text).toBe('what is this about?');
    expect(cmd.ctx).toMatchObject({ channelId: h.channelId, threadRef: threadId, platform: 'discord' });

    const record = await h.store.getThread('discord', h.channelId, threadId);
    expect(record?.digestId).toBe(digest.id);
    expect(record?.storyIds).toContain(story);

    const replies = postsTo(threadId).filter((r) => r.body?.message_reference);
    expect(replies).toHaveLength(1);
    const body = replies[0]!.body!;
    expect(body.message_reference).toMatchObject({ message_id: asked.id });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    const text = JSON.stringify(body.embeds);
    // "this" is the thread: the answer starts from the digest's story and cites it first.
    const answer = h.answers.at(-1)!;
    expect(answer.kind).toBe('answer');
    expect(answer.storyIds[0]).toBe(story);
    expect(answer.citations.find((c) => c.n === 1)?.url).toBe(FAB_WEEKLY);
    expect(text).toContain(FAB_WEEKLY);

    // `/chipbrief ask` in the same thread is placed in the thread too (no REST lookup needed).
    const slash = h.fake.slash({
      sub: 'ask',
      options: { question: 'what is this about?' },
      channelId: threadId,
    });
    const viaSlash = await h.fake.until(() => h.submitted.find((c) => c.eventId === slash.id));
    expect(viaSlash.ctx).toMatchObject({ channelId: h.channelId, threadRef: threadId });
    await h.settled();
    expect(h.answers.at(-1)!.storyIds[0]).toBe(story);
  });

  it('answers a DM in the DM, as one running conversation', async () => {
    const asked = h.fake.userMessage({
      channelId: h.dmId,
      content: 'who said what about export controls',
      dm: true,
    });
    const cmd = await h.fake.until(() => h.submitted.find((c) => c.eventId === asked.id));
    await h.settled();
    expect(cmd.ctx).toMatchObject({ channelId: h.dmId, threadRef: h.dmId, workspaceId: '' });
    const replies = postsTo(h.dmId);
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.body!.embeds)).toMatch(/Lindqvist|Natarajan|Okafor/);
    const record = await h.store.getThread('discord', h.dmId, h.dmId);
    expect(record?.turns.length).toBe(1);
  });

  it("recovers an answer's context when a thread is opened on it later", async () => {
    const { id, token } = h.fake.slash({
      sub: 'ask',
      options: { question: 'what changed for lithography servicing?' },
      channelId: h.channelId,
    });
    await h.fake.until(() => h.submitted.find((c) => c.eventId === id));
    await h.settled();
    const originalId = h.fake.rest.interactions.get(token)!.originalId!;
    expect(originalId).toBeTruthy();
    const answer = h.answers.at(-1)!;
    expect(answer.storyIds.length).toBeGreaterThan(0);
    // A user opens a thread on the answer (Discord: the thread's id is the message's id).
    h.fake.state.addChannel({
      id: originalId,
      type: 11,
      parent_id: h.channelId,
      guild_id: '910000000000000001',
    });
    const asked = h.fake.userMessage({
      channelId: originalId,
      content: 'and who is quoted?',
      mentionBot: true,
    });
    await h.fake.until(() => h.submitted.find((c) => c.eventId === asked.id));
    await h.settled();
    const record = await h.store.getThread('discord', h.channelId, originalId);
    expect(record?.storyIds).toContain(answer.storyIds[0]);
    expect(postsTo(originalId)).toHaveLength(1);
  });

  it('ignores channel messages that do not mention the bot, and its own messages', async () => {
    const before = h.submitted.length;
    const m = h.fake.userMessage({ channelId: h.channelId, content: 'lunch anyone?' });
    const own = h.fake.state.createMessage({
      channelId: h.channelId,
      author: h.fake.state.bot,
      body: { content: 'x' },
    }).message;
    h.fake.gateway.dispatch('MESSAGE_CREATE', {
      ...h.fake.state.toJson(own),
      guild_id: '910000000000000001',
    });
    const probe = h.fake.userMessage({ channelId: h.channelId, content: 'help', mentionBot: true });
    await h.fake.until(() => h.submitted.find((c) => c.eventId === probe.id));
    await h.settled();
    expect(h.submitted.slice(before).map((c) => c.eventId)).toEqual([probe.id]);
    expect(h.submitted.some((c) => c.eventId === m.id)).toBe(false);
  });
});
