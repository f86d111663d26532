import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../../../adapters/slack/pacer.js';
import { SlackApi, SlackCallError } from '../../../../adapters/slack/slack-api.js';
import { createLogger } from '../../../../src/log.js';
import { FakeSlack } from '../../../fakes/slack-server.js';

let fake: FakeSlack;
const log = createLogger('silent');

beforeAll(async () => {
  fake = await FakeSlack.start();
});
afterAll(async () => {
  await fake.close();
});

function api(sleeps: number[], token = fake.botToken): SlackApi {
  const sleep = async (ms: number) => {
    sleeps.push(ms);
  };
  return new SlackApi({
    token,
    apiUrl: fake.apiUrl,
    log,
    pacer: new ChannelPacer(0, sleep),
    sleep,
    rateLimitWaits: 3,
  });
}

describe('SlackApi against a fake Slack', () => {
  it('waits out a 429 for its Retry-After and then posts exactly once', async () => {
    const sleeps: number[] = [];
    fake.rateLimit('chat.postMessage', 1, '2');
    const before = fake.channelMessages('C0RATE').length;
    const res = await api(sleeps).post('chat.postMessage', { channel: 'C0RATE', text: 'tariff update' });
    expect(res.ok).toBe(true);
    expect(sleeps).toContain(2000);
    expect(fake.channelMessages('C0RATE').length - before).toBe(1);
    expect(
      fake
        .calls('chat.postMessage')
        .filter((c) => c.body.channel === 'C0RATE')
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  it('waits a second on a 429 without Retry-After', async () => {
    const sleeps: number[] = [];
    fake.rateLimit('chat.postMessage', 1, null);
    await api(sleeps).post('chat.postMessage', { channel: 'C0RATE2', text: 'subsidy update' });
    expect(sleeps).toContain(1000);
    expect(fake.channelMessages('C0RATE2')).toHaveLength(1);
  });

  it('gives up with PLATFORM_RATE_LIMITED after too many 429s, having posted nothing', async () => {
    fake.rateLimit('chat.postMessage', 10, '1');
    const err = await api([])
      .post('chat.postMessage', { channel: 'C0RATE3', text: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackCallError);
    expect((err as SlackCallError).code).toBe('PLATFORM_RATE_LIMITED');
    expect(fake.channelMessages('C0RATE3')).toHaveLength(0);
    expect(fake.calls('chat.postMessage').filter((c) => c.body.channel === 'C0RATE3')).toHaveLength(4);
    fake.clearFailures();
  });

  it('does not blindly retry a post whose answer was lost: reports it ambiguous', async () => {
    fake.dropAfterPerforming('chat.postMessage');
    const err = await api([])
      .post('chat.postMessage', { channel: 'C0DROP', text: 'export control update' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackCallError);
    expect((err as SlackCallError).ambiguous).toBe(true);
    expect(fake.calls('chat.postMessage').filter((c) => c.body.channel === 'C0DROP')).toHaveLength(1);
    expect(fake.channelMessages('C0DROP')).toHaveLength(1);
  });

  it('retries a read whose answer was lost', async () => {
    const sleeps: number[] = [];
    fake.dropAfterPerforming('auth.test');
    const res = await api(sleeps).read('auth.test');
    expect(res.user_id).toBe(fake.botUserId);
    expect(sleeps.length).toBe(1);
  });

  it('maps a rejected token to a permanent PLATFORM_FAILED', async () => {
    const err = await api([], 'xoxb-wrong')
      .read('auth.test')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackCallError);
    expect((err as SlackCallError).slackError).toBe('invalid_auth');
    expect((err as SlackCallError).permanent).toBe(true);
  });
});
