import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../../../adapters/slack/pacer.js';

/** A clock that only moves when the pacer sleeps. */
function virtualTime() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('ChannelPacer', () => {
  it('spaces posts to one channel by the interval and leaves other channels alone', async () => {
    const t = virtualTime();
    const pacer = new ChannelPacer(1000, t.sleep, t.now);
    await pacer.take('C1');
    await pacer.take('C2');
    expect(t.sleeps).toEqual([]);
    await pacer.take('C1');
    expect(t.sleeps).toEqual([1000]);
    await pacer.take('C1');
    expect(t.sleeps).toEqual([1000, 1000]);
  });

  it('queues concurrent posts in order, one interval apart', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new ChannelPacer(
      500,
      async (ms) => {
        waits.push(ms);
      },
      () => now,
    );
    await Promise.all([pacer.take('C1'), pacer.take('C1'), pacer.take('C1')]);
    expect(waits).toEqual([500, 1000]);
    now = 5000;
    await pacer.take('C1');
    expect(waits).toEqual([500, 1000]);
  });

  it('holds a channel back for a Retry-After', async () => {
    const t = virtualTime();
    const pacer = new ChannelPacer(10, t.sleep, t.now);
    pacer.pushBack('C1', 30_000);
    await pacer.take('C1');
    expect(t.sleeps).toEqual([30_000]);
  });
});
