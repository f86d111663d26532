import { describe, expect, it } from 'vitest';
import { commandSubmitter } from '../../../src/chat/submit-command.js';
import type { Logger } from '../../../src/log.js';
import type { InboundCommand } from '../../../src/ports.js';
import { ctx } from '../answers/answer-helpers.js';

function recordingLog() {
  const lines: { level: string; msg: string }[] = [];
  const log = {
    error: (_o: unknown, msg: string) => lines.push({ level: 'error', msg }),
    warn: (_o: unknown, msg: string) => lines.push({ level: 'warn', msg }),
  } as unknown as Logger;
  return { log, lines };
}

const cmd: InboundCommand = {
  text: 'firm TSMC',
  followUp: false,
  ctx,
  target: { platform: 'slack', channelId: 'C1', threadRef: null, via: {} },
  receivedAt: '2026-03-02T09:00:00.000Z',
  eventId: 'cmd.1',
};

describe('commandSubmitter', () => {
  it('hands the command to the sink and counts the event; onFail is not called', async () => {
    const got: InboundCommand[] = [];
    let events = 0;
    let told = 0;
    const { log, lines } = recordingLog();
    const submit = commandSubmitter({
      sink: { submit: async (c) => void got.push(c) },
      log,
      platform: 'slack',
      onEvent: () => events++,
    });
    await submit(cmd, async () => told++);
    expect(got).toEqual([cmd]);
    expect(events).toBe(1);
    expect(told).toBe(0);
    expect(lines).toEqual([]);
  });

  it('logs a failed submit and tells the user; a failure to tell is logged, not thrown', async () => {
    const { log, lines } = recordingLog();
    const submit = commandSubmitter({
      sink: {
        submit: async () => {
          throw new Error('queue unavailable');
        },
      },
      log,
      platform: 'discord',
    });
    let told = 0;
    await submit(cmd, async () => told++);
    expect(told).toBe(1);
    await expect(
      submit(cmd, async () => {
        throw new Error('channel gone');
      }),
    ).resolves.toBeUndefined();
    expect(lines).toEqual([
      { level: 'error', msg: 'discord: could not submit the command' },
      { level: 'error', msg: 'discord: could not submit the command' },
      { level: 'warn', msg: 'discord: could not tell the user about the failure' },
    ]);
  });
});
