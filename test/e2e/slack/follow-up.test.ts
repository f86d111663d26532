import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefsWith, buildDigest } from '../../../src/digests/build-digest.js';
import { deliverDigest } from '../../../src/digests/deliver-digest.js';
import { systemClock } from '../../../src/ports.js';
import { eventCallback, postSigned, slashCommandBody } from '../../fakes/slack-signing.js';
import { QUOTES, seedAccelerators, seedLithography, visibleText } from './fixtures.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

const LITHO_URL = 'https://tradeledger.example/2025/lithography-licences';
const ACCEL_URL = 'https://policywire.example/2025/accelerator-export-controls';

let h: Harness;
let parentTs: string;
const channel = 'C0FOLLOW';

beforeAll(async () => {
  h = await startHarness();
  // Yesterday's digest had the lithography story only; the accelerator story came in after it.
  await seedLithography(h.store, new Date(Date.now() - 5 * 3_600_000).toISOString());
  const sub = {
    platform: 'slack' as const,
    workspaceId: 'T0CHIPS',
    channelId: channel,
    time: '08:00',
    tz: 'UTC',
    filters: { firms: [], policies: [], keywords: [] },
    createdBy: null,
  };
  await h.store.upsertSubscription(sub);
  const brief = briefsWith(h.store, { llm: null, clock: systemClock, dailyTokenBudget: 0 });
  const digest = await buildDigest(h.store, sub, new Date().toISOString().slice(0, 10), {
    brief,
    at: new Date(),
  });
  expect(digest.stories).toHaveLength(1);
  parentTs = (
    await deliverDigest(digest, { store: h.store, platform: h.handle.platform, clock: systemClock })
  ).messageRef;
  await seedAccelerators(h.store, new Date(Date.now() - 3_600_000).toISOString());
});

afterAll(async () => {
  await h?.close();
});

function mention(text: string, threadTs: string | undefined, ch = channel) {
  const ts = h.fake.addUserMessage({
    channel: ch,
    user: 'U0ANALYST',
    text,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  }).ts;
  return eventCallback({
    type: 'app_mention',
    user: 'U0ANALYST',
    text,
    ts,
    channel: ch,
    event_ts: ts,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}

async function send(event: object) {
  return postSigned(h.eventsUrl, JSON.stringify(event), {
    secret: SIGNING_SECRET,
    contentType: 'application/json',
  });
}

describe('threaded follow-ups', () => {
  it("answers a mention in a digest's thread, in that thread, from the thread's stories", async () => {
    const before = h.sink.submitted.length;
    const res = await send(mention(`<@${h.fake.botUserId}> tell me more`, parentTs));
    expect(res.status).toBe(200);
    await h.sink.settle(before + 1);
    const cmd = h.sink.submitted.at(-1)!;
    expect(cmd.followUp).toBe(true);
    expect(cmd.text).toBe('tell me more');
    expect(cmd.ctx.threadRef).toBe(parentTs);

    const reply = h.fake.calls('chat.postMessage').at(-1)!;
    expect(reply.body.channel).toBe(channel);
    expect(reply.body.thread_ts).toBe(parentTs);
    const shown = visibleText(reply.body);
    // The digest's story, not the newer one that was never in this thread.
    expect(shown).toContain(LITHO_URL);
    expect(shown).not.toContain(ACCEL_URL);
    expect(shown).toContain(QUOTES.verhoef);
  });

  it("recovers the context of a thread started on a response_url answer from the message's own blocks", async () => {
    // A slash command answered through response_url: Slack gives no ts back.
    const before = h.sink.submitted.length;
    await postSigned(
      h.eventsUrl,
      slashCommandBody({
        text: 'who lithography',
        userId: 'U0ANALYST',
        channelId: channel,
        responseUrl: h.fake.responseUrl(channel),
      }),
      { secret: SIGNING_SECRET },
    );
    await h.sink.settle(before + 1);
    const answerMessage = h.fake.messages.filter((m) => m.via === 'response_url').at(-1)!;
    expect(answerMessage.responseType).toBe('in_channel');
    expect(await h.store.getThread('slack', channel, answerMessage.ts)).toBeNull();

    await send(mention(`<@${h.fake.botUserId}> tell me more`, answerMessage.ts));
    await h.sink.settle(before + 2);
    const thread = await h.store.getThread('slack', channel, answerMessage.ts);
    expect(thread?.storyIds.length).toBeGreaterThan(0);
    const reply = h.fake.calls('chat.postMessage').at(-1)!;
    expect(reply.body.thread_ts).toBe(answerMessage.ts);
    expect(visibleText(reply.body)).toContain(LITHO_URL);
    expect(visibleText(reply.body)).not.toContain(ACCEL_URL);
  });

  it('without a thread the same follow-up finds nothing (control), told only to the asker', async () => {
    const before = h.sink.submitted.length;
    await send(mention(`<@${h.fake.botUserId}> tell me more`, undefined));
    await h.sink.settle(before + 1);
    expect(h.sink.answers.at(-1)!.kind).toBe('empty');
    const reply = h.fake.calls('chat.postEphemeral').at(-1)!;
    expect(reply.body.user).toBe('U0ANALYST');
    expect(visibleText(reply.body)).not.toContain(LITHO_URL);
  });

  it('answers a mention outside a thread in a new thread under the mention', async () => {
    const before = h.sink.submitted.length;
    const event = mention(`<@${h.fake.botUserId}> who said what about cloud resellers?`, undefined);
    await send(event);
    await h.sink.settle(before + 1);
    const reply = h.fake.calls('chat.postMessage').at(-1)!;
    expect(reply.body.thread_ts).toBe((event.event as { ts: string }).ts);
  });

  it('answers a direct message in the DM and ignores its own messages', async () => {
    const before = h.sink.submitted.length;
    const dm = 'D0ANALYST';
    const ts = h.fake.addUserMessage({ channel: dm, user: 'U0ANALYST', text: 'who export controls' }).ts;
    await send(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        user: 'U0ANALYST',
        text: 'who export controls',
        ts,
        channel: dm,
        event_ts: ts,
      }),
    );
    await h.sink.settle(before + 1);
    const reply = h.fake.calls('chat.postMessage').at(-1)!;
    expect(reply.body.channel).toBe(dm);
    expect(visibleText(reply.body)).toContain(QUOTES.verhoef);
    // The bot's own message echoed back as an event, and an edit, are not questions.
    const own = h.fake.channelMessages(dm).at(-1)!;
    await send(
      eventCallback({
        type: 'message',
        channel_type: 'im',
        user: h.fake.botUserId,
        bot_id: h.fake.botId,
        text: 'x',
        ts: own.ts,
        channel: dm,
      }),
    );
    await send(
      eventCallback({
        type: 'message',
        subtype: 'message_changed',
        channel_type: 'im',
        channel: dm,
        ts: own.ts,
      }),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(h.sink.submitted.length).toBe(before + 1);
  });

  it('shows the channel’s latest digest, stories and quotes included, for `/chipbrief digest`', async () => {
    const before = h.sink.submitted.length;
    await postSigned(
      h.eventsUrl,
      slashCommandBody({
        text: 'digest',
        userId: 'U0ANALYST',
        channelId: channel,
        responseUrl: h.fake.responseUrl(channel),
      }),
      { secret: SIGNING_SECRET },
    );
    await h.sink.settle(before + 1);
    expect(h.sink.answers.at(-1)!.kind).toBe('digest');
    const reply = h.fake.calls('response_url').at(-1)!;
    expect(reply.body.response_type).toBe('in_channel');
    const shown = visibleText(reply.body);
    expect(shown).toContain(`\u201c${QUOTES.verhoef}\u201d`);
    expect(shown).toContain(LITHO_URL);
    expect(shown).not.toContain(ACCEL_URL);
  });

  it('answers a redelivered event (same event_id, Slack retry) once', async () => {
    const before = h.sink.submitted.length;
    const event = mention(`<@${h.fake.botUserId}> and the spare parts?`, parentTs);
    await send(event);
    await postSigned(h.eventsUrl, JSON.stringify(event), {
      secret: SIGNING_SECRET,
      contentType: 'application/json',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await h.sink.settle(before + 1);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.sink.submitted.length).toBe(before + 1);
  });
});
