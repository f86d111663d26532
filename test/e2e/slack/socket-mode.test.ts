import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandPayload } from '../../fakes/slack-signing.js';
import { QUOTES, seedAccelerators, seedLithography, visibleText } from './fixtures.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  const at = new Date(Date.now() - 3 * 3_600_000).toISOString();
  h = await startHarness({
    socket: true,
    seed: async (store) => {
      await seedLithography(store, at);
      await seedAccelerators(store, at);
    },
  });
});

afterAll(async () => {
  await h?.close();
});

describe('Socket Mode', () => {
  it('connects through apps.connections.open on SLACK_API_URL with the app token', () => {
    const open = h.fake.calls('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe(`Bearer ${h.fake.appToken}`);
    expect(h.fake.socketCount).toBe(1);
    expect(h.handle.mode).toBe('socket');
    expect(h.handle.port).toBeNull();
    expect(h.handle.health()).toMatchObject({ ok: true, connected: true, mode: 'socket' });
  });

  it('acks `/chipbrief who export controls` on the socket at once and answers through response_url', async () => {
    const payload = slashCommandPayload({
      text: 'who export controls',
      userId: 'U0ANALYST',
      channelId: 'C0SOCKET',
      responseUrl: h.fake.responseUrl('C0SOCKET'),
    });
    const ack = await h.fake.sendEnvelope('slash_commands', payload);
    expect(ack.ms).toBeLessThan(3000);
    await h.sink.settle(1);
    const reply = h.fake.calls('response_url').at(-1)!;
    expect(reply.body.response_type).toBe('in_channel');
    const shown = visibleText(reply.body);
    expect(shown).toContain(`\u201c${QUOTES.brennan}\u201d`);
    expect(shown).toContain('<https://policywire.example/2025/accelerator-export-controls|');
    expect(h.sink.submitted[0]!.eventId).toBe(`cmd.${payload.trigger_id}`);
  });

  it('acks an app_mention envelope and answers in its thread', async () => {
    const before = h.sink.submitted.length;
    const root = h.fake.addUserMessage({ channel: 'C0SOCKET', user: 'U0ANALYST', text: 'thoughts?' });
    const ts = h.fake.addUserMessage({
      channel: 'C0SOCKET',
      user: 'U0ANALYST',
      text: 'q',
      thread_ts: root.ts,
    }).ts;
    const ack = await h.fake.sendEnvelope('events_api', {
      type: 'event_callback',
      team_id: 'T0CHIPS',
      event_id: 'Ev0SOCKET01',
      event: {
        type: 'app_mention',
        user: 'U0ANALYST',
        text: `<@${h.fake.botUserId}> who said what about servicing licences?`,
        ts,
        thread_ts: root.ts,
        channel: 'C0SOCKET',
      },
    });
    expect(ack.ms).toBeLessThan(3000);
    await h.sink.settle(before + 1);
    const reply = h.fake.calls('chat.postMessage').at(-1)!;
    expect(reply.body.thread_ts).toBe(root.ts);
    expect(visibleText(reply.body)).toContain(QUOTES.verhoef);
  });

  it('closes the socket on stop', async () => {
    await h.handle.stop();
    await h.fake.waitFor(() => h.fake.socketCount === 0);
    expect(h.handle.health().ok).toBe(false);
  });
});
