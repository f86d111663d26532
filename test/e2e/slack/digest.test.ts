import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackPlatform, type SlackTuning } from '../../../adapters/slack/index.js';
import { DIGEST_EVENT } from '../../../adapters/slack/render-digest.js';
import { briefsWith, buildDigest } from '../../../src/digests/build-digest.js';
import { deliverDigest } from '../../../src/digests/deliver-digest.js';
import type { Digest } from '../../../src/digests/digest.js';
import { createLogger } from '../../../src/log.js';
import { type PlatformPort, systemClock } from '../../../src/ports.js';
import type { Subscription } from '../../../src/store/port.js';
import { QUOTES, rawText, seedAccelerators, seedLithography, visibleText } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  const at = new Date(Date.now() - 3 * 3_600_000).toISOString();
  h = await startHarness({
    seed: async (store) => {
      await seedLithography(store, at);
      await seedAccelerators(store, at);
    },
  });
});

afterAll(async () => {
  await h?.close();
});

function subscription(channelId: string): Subscription {
  return {
    platform: 'slack',
    workspaceId: 'T0CHIPS',
    channelId,
    time: '08:00',
    tz: 'UTC',
    filters: { firms: [], policies: [], keywords: [] },
    createdBy: null,
  };
}

async function digestFor(channelId: string): Promise<Digest> {
  const sub = subscription(channelId);
  await h.store.upsertSubscription(sub);
  const brief = briefsWith(h.store, { llm: null, clock: systemClock, dailyTokenBudget: 0 });
  return buildDigest(h.store, sub, today, { brief, at: new Date() });
}

/** A new worker process's Slack connection: no memory of earlier attempts. */
function freshPlatform(sleeps: number[], tuning: SlackTuning = {}): SlackPlatform {
  return new SlackPlatform({
    token: h.fake.botToken,
    apiUrl: h.fake.apiUrl,
    store: h.store,
    log: createLogger('silent'),
    tuning: {
      postIntervalMs: 5,
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setTimeout(r, Math.min(ms, 20)));
      },
      ...tuning,
    },
  });
}

/** A platform whose worker dies right after Slack accepted the digest, before it is recorded. */
function killedAfterPosting(inner: PlatformPort): PlatformPort {
  return {
    platform: inner.platform,
    findPostedDigest: (c, d, s) => inner.findPostedDigest(c, d, s),
    reply: (t, a) => inner.reply(t, a),
    postDigest: async (d) => {
      await inner.postDigest(d);
      throw new Error('worker killed (SIGKILL) after posting');
    },
  };
}

function posts(channel: string) {
  return h.fake.calls('chat.postMessage').filter((c) => c.body.channel === channel);
}

describe('daily digest, exactly once', () => {
  it('posts once through a 429 and a worker killed after posting; the <!channel> in an article arrives escaped', async () => {
    const channel = 'C0DIGEST1';
    const digest = await digestFor(channel);
    const sleeps: number[] = [];
    h.fake.rateLimit('chat.postMessage', 1, '1');

    const first = deliverDigest(digest, {
      store: h.store,
      platform: killedAfterPosting(freshPlatform(sleeps)),
      clock: systemClock,
    });
    await expect(first).rejects.toThrow(/killed/);
    const record = await h.store.getDigest(digest.id);
    expect(record?.attemptedAt).not.toBeNull();
    expect(record?.postedAt).toBeNull();
    // The 429 was honoured: the adapter waited its Retry-After and Slack then took the post.
    expect(posts(channel).map((c) => c.status)).toEqual([429, 200]);
    expect(sleeps).toContain(1000);

    // The job runs again in another worker: it finds the message by its metadata and posts nothing.
    const again = await deliverDigest(await digestFor(channel), {
      store: h.store,
      platform: freshPlatform([]),
      clock: systemClock,
    });
    expect(again.status).toBe('recovered');
    expect(posts(channel).filter((c) => c.status === 200)).toHaveLength(1);
    const visible = h.fake.channelMessages(channel).filter((m) => !m.thread_ts);
    expect(visible).toHaveLength(1);
    expect(visible[0]!.ts).toBe(again.messageRef);
    expect(visible[0]!.metadata).toMatchObject({
      event_type: DIGEST_EVENT,
      event_payload: { digest_id: digest.id },
    });
    expect(h.fake.calls('conversations.history').at(-1)!.body.include_all_metadata).toBe('true');

    // Article text is data: the notice's <!channel> is escaped, and still shown word for word.
    const body = posts(channel).at(-1)!.body;
    expect(rawText(body)).not.toContain('<!channel>');
    expect(rawText(body)).toContain('&lt;!channel&gt;');
    expect(visibleText(body)).toContain(`\u201c${QUOTES.notice}\u201d`);
    // Nothing pings: no broadcast, channel or user mention (the only mention is of the bot itself).
    expect(JSON.stringify(body)).not.toMatch(/<[!#]|<@(?!UBOT0001>)/);

    // A third run sees the record and does nothing.
    const third = await deliverDigest(digest, {
      store: h.store,
      platform: freshPlatform([]),
      clock: systemClock,
    });
    expect(third.status).toBe('already-posted');
    expect(posts(channel).filter((c) => c.status === 200)).toHaveLength(1);
  });

  it('finishes a thread cut off mid-way without posting anything twice', async () => {
    const channel = 'C0DIGEST2';
    const digest = await digestFor(channel);
    const threaded: SlackTuning = { inlineMaxStories: 0, rateLimitWaits: 1 };
    // Parent and first story go out; the second story's post keeps getting 429 until the job gives up.
    const sleeps: number[] = [];
    const worker = freshPlatform(sleeps, threaded);
    const realPost = worker.api.post.bind(worker.api);
    let n = 0;
    worker.api.post = async (method, args) => {
      n += 1;
      if (n === 3) h.fake.rateLimit('chat.postMessage', 2, '1');
      return realPost(method, args);
    };
    await expect(
      deliverDigest(digest, { store: h.store, platform: worker, clock: systemClock }),
    ).rejects.toThrow(/rate limited/);
    expect(h.fake.channelMessages(channel)).toHaveLength(2);

    const retry = await deliverDigest(await digestFor(channel), {
      store: h.store,
      platform: freshPlatform([], threaded),
      clock: systemClock,
    });
    expect(retry.status).toBe('posted');
    const messages = h.fake.channelMessages(channel);
    expect(messages).toHaveLength(3);
    const [parent, ...replies] = messages;
    expect(retry.messageRef).toBe(parent!.ts);
    expect(replies.every((m) => m.thread_ts === parent!.ts)).toBe(true);
    expect(replies.map((m) => m.metadata?.event_payload.part)).toEqual([1, 2]);
    // Complete now: a later attempt finds it whole.
    expect(
      await freshPlatform([], threaded).findPostedDigest(
        channel,
        digest.id,
        new Date(Date.now() - 3_600_000),
      ),
    ).toBe(parent!.ts);
  });

  it('checks Slack instead of reposting when a post was performed but its answer was lost', async () => {
    const channel = 'C0DIGEST3';
    const digest = await digestFor(channel);
    h.fake.dropAfterPerforming('chat.postMessage');
    const res = await deliverDigest(digest, {
      store: h.store,
      platform: freshPlatform([]),
      clock: systemClock,
    });
    expect(res.status).toBe('posted');
    expect(posts(channel)).toHaveLength(1);
    expect(h.fake.channelMessages(channel)).toHaveLength(1);
    expect(res.messageRef).toBe(h.fake.channelMessages(channel)[0]!.ts);
  });

  it('fails for good, saying what to do, in a channel the bot was not invited to', async () => {
    const channel = 'C0NOTJOINED';
    h.fake.notInChannel.add(channel);
    const digest = await digestFor(channel);
    const err = await deliverDigest(digest, {
      store: h.store,
      platform: freshPlatform([]),
      clock: systemClock,
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PLATFORM_FAILED', permanent: true });
    expect((err as Error).message).toMatch(/invite the bot/);
    expect(h.fake.channelMessages(channel)).toHaveLength(0);
  });

  it('records the thread context of a posted digest', async () => {
    const channel = 'C0DIGEST4';
    const digest = await digestFor(channel);
    const res = await deliverDigest(digest, {
      store: h.store,
      platform: freshPlatform([]),
      clock: systemClock,
    });
    const thread = await h.store.getThread('slack', channel, res.messageRef);
    expect(thread?.digestId).toBe(digest.id);
    expect(thread?.storyIds).toEqual(digest.stories.map((s) => s.storyId));
  });
});
