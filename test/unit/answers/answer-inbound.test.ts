import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/answers/answer.js';
import { answerInbound } from '../../../src/answers/answer-inbound.js';
import { rememberAnswer, rememberThread } from '../../../src/answers/thread-context.js';
import type { InboundCommand } from '../../../src/ports.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { type CorpusStore, openCorpusStore, servicesFor } from '../../fixtures/answers/open-corpus.js';
import { expectWellFormed } from './answer-helpers.js';

let c: CorpusStore;
beforeEach(async () => {
  c = await openCorpusStore();
});
afterEach(async () => {
  await c.store.close();
});

const storyOf = (file: string): string => c.byFile.get(file)!.storyId!;

function inbound(text: string, threadRef: string | null, followUp = threadRef !== null): InboundCommand {
  const ctx: CommandContext = {
    platform: 'discord',
    workspaceId: 'G1',
    channelId: 'C9',
    userId: 'U7',
    threadRef,
    isAdmin: false,
  };
  return {
    text,
    followUp,
    ctx,
    target: { platform: 'discord', channelId: 'C9', threadRef, via: {} },
    receivedAt: '2026-11-22T09:00:00.000Z',
    eventId: `ev-${text}`,
  };
}

describe('answerInbound: threads', () => {
  it('resolves "he" to the person asked about in the first turn, across a store restart', async () => {
    const first = await answerInbound(inbound('ask what did Rohan Desai say?', null), servicesFor(c.store));
    expect(first.quotes.length).toBeGreaterThan(0);
    expect(first.quotes.every((q) => q.speaker.name === 'Rohan Desai')).toBe(true);
    // The adapter posted the answer; its message starts the thread.
    await rememberAnswer(
      c.store,
      { platform: 'discord', channelId: 'C9', threadRef: 'M1' },
      first,
      '2026-11-22T09:00:01Z',
    );

    await c.store.close();
    const reopened = openSqliteStore(c.path);
    c.store = reopened;

    const second = await answerInbound(
      inbound('and what did he say about tariffs?', 'M1'),
      servicesFor(reopened),
    );
    await expectWellFormed(reopened, second);
    expect(second.kind).toBe('answer');
    expect(second.understood?.question).toBe('what did Rohan Desai say about tariffs?');
    expect(second.quotes.length).toBeGreaterThan(0);
    expect(second.quotes.every((q) => q.speaker.name === 'Rohan Desai')).toBe(true);
    expect(second.quotes.map((q) => q.text)).toContain(
      'It turns a tariff into a bargaining chip for every company with a U.S. fab plan.',
    );
    const thread = await reopened.getThread('discord', 'C9', 'M1');
    expect(thread!.turns.map((t) => t.question)).toEqual([
      'what did Rohan Desai say?',
      'what did Rohan Desai say about tariffs?',
    ]);
  });

  it('resolves "she" and keeps the person through an ellipsis', async () => {
    await answerInbound(inbound('what did Talia Brennan say?', 'T1'), servicesFor(c.store));
    const she = await answerInbound(
      inbound('and what did she say about supply chains?', 'T1'),
      servicesFor(c.store),
    );
    expect(she.quotes.map((q) => q.text)).toContain(
      'Chips are the headline, but a cluster is a supply chain, and the draft only licenses one part of it,',
    );
    expect(she.quotes.every((q) => q.speaker.name === 'Talia Brennan')).toBe(true);
    const more = await answerInbound(inbound('and servicing?', 'T1'), servicesFor(c.store));
    expect(more.understood?.question).toBe('what did Talia Brennan say about servicing?');
    expect(more.quotes.map((q) => q.text)).toContain('Servicing is where the leverage is now,');
  });

  it('answers a follow-up in a digest thread with the digest stories first', async () => {
    const delay = storyOf('16-micron-new-york-fab-delay.html');
    await rememberThread(c.store, {
      platform: 'discord',
      channelId: 'C9',
      threadRef: 'D1',
      digestId: 'digest:discord:C9:2026-11-21',
      storyIds: [delay],
    });
    const more = await answerInbound(inbound('tell me more', 'D1'), servicesFor(c.store));
    expect(more.citations.map((x) => x.storyId)).toEqual([delay]);
    const chips = await answerInbound(
      inbound('what about the CHIPS Act payments?', 'D1'),
      servicesFor(c.store),
    );
    await expectWellFormed(c.store, chips);
    expect(chips.citations[0]!.storyId).toBe(delay);
    expect(chips.citations.map((x) => x.storyId)).toContain(storyOf('14-micron-chips-act-boise-payment.txt'));
  });

  it('says when a pronoun points to nobody, and still answers the rest', async () => {
    const a = await answerInbound(inbound('what did he say about tariffs?', 'T2'), servicesFor(c.store));
    expect(a.parts[0]).toContain('could not tell who \u201che\u201d is');
    expect(a.quotes.length).toBeGreaterThan(0);
    const who = await answerInbound(inbound('what did she say?', 'T2b'), servicesFor(c.store));
    expect(who).toMatchObject({ kind: 'empty', title: 'Who do you mean?', citations: [] });
  });

  it('keeps both turns when two follow-ups in one thread are answered at once', async () => {
    await Promise.all([
      answerInbound(inbound('what did Dana Whitfield say?', 'T3'), servicesFor(c.store)),
      answerInbound(inbound('who lithography', 'T3'), servicesFor(c.store)),
    ]);
    const t = await c.store.getThread('discord', 'C9', 'T3');
    expect(t!.turns).toHaveLength(2);
  });

  it('treats a follow-up that looks like a typo as a question, and a plain command word as a command', async () => {
    const q = await answerInbound(inbound('Xinkailai?', 'T4'), servicesFor(c.store));
    expect(q.kind).toBe('answer');
    expect(q.title).toContain('SiCarrier');
    const typo = await answerInbound(inbound('frim Huawei news', 'T4'), servicesFor(c.store));
    expect(typo.kind).toBe('answer');
    expect(typo.citations.map((x) => x.storyId)).toContain(storyOf('26-huawei-ascend-smic-yields.txt'));
    const help = await answerInbound(inbound('help', 'T4'), servicesFor(c.store));
    expect(help.kind).toBe('help');
  });
});
