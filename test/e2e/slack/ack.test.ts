import { afterEach, describe, expect, it } from 'vitest';
import { ChipbriefError } from '../../../src/errors.js';
import type { CommandSink, InboundCommand } from '../../../src/ports.js';
import { postSigned, slashCommandBody } from '../../fakes/slack-signing.js';
import { visibleText } from './fixtures.js';
import { type Harness, SIGNING_SECRET, startHarness } from './harness.js';

let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

function command(harness: Harness, text: string) {
  return slashCommandBody({
    text,
    userId: 'U0ANALYST',
    channelId: 'C0ACK',
    responseUrl: harness.fake.responseUrl('C0ACK'),
  });
}

describe('acknowledging before anything slow', () => {
  it('acks while the sink (the queue) has not answered yet', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: InboundCommand[] = [];
    const blocked: CommandSink = {
      submit: async (cmd) => {
        seen.push(cmd);
        await gate;
      },
    };
    h = await startHarness({ sink: () => blocked });
    h.fake.users.set('U0ANALYST', { id: 'U0ANALYST' });
    const res = await postSigned(h.eventsUrl, command(h, 'sources add https://feeds.example/x.xml'), {
      secret: SIGNING_SECRET,
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    await h.fake.waitFor(() => seen.length === 1);
    release();
    expect(seen[0]!.ctx.isAdmin).toBe(false);
  });

  it('tells the user, only them, when the queue cannot take the command', async () => {
    const down: CommandSink = {
      submit: async () => {
        throw new ChipbriefError('QUEUE_UNAVAILABLE', 'cannot reach Redis');
      },
    };
    h = await startHarness({ sink: () => down });
    const res = await postSigned(h.eventsUrl, command(h, 'who tariffs'), { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    const reply = await h.fake.waitFor(() => h!.fake.calls('response_url')[0]);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(visibleText(reply.body)).toMatch(/try again/i);
  });
});
