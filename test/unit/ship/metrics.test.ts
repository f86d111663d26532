import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { meteredLlm, meteredSink, timed } from '../../../jobs/observability/metered.js';
import { ChipbriefMetrics } from '../../../jobs/observability/metrics.js';
import { ChipbriefError } from '../../../src/errors.js';
import type { InboundCommand, Llm } from '../../../src/ports.js';

/** The value of one sample line (`name{labels} value`) in the exposition text, or null. */
function sample(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line ? Number(line.split(' ').at(-1)) : null;
}

const request = {
  promptId: 'brief@v1',
  system: 's',
  user: 'u',
  schema: z.object({ ok: z.boolean() }),
  schemaName: 'x',
};

function command(via: Record<string, string>, receivedAt: string): InboundCommand {
  return {
    text: 'who export controls',
    followUp: false,
    ctx: {
      platform: 'discord',
      workspaceId: 'G1',
      channelId: 'C1',
      userId: 'U1',
      threadRef: null,
      isAdmin: false,
    },
    target: { platform: 'discord', channelId: 'C1', threadRef: null, via },
    receivedAt,
    eventId: 'E1',
  };
}

describe('ChipbriefMetrics', () => {
  it('counts articles, briefs by summarizer and fallbacks by error code', async () => {
    const m = new ChipbriefMetrics();
    m.articleProcessed('new');
    m.articleProcessed('new');
    m.articleProcessed('seen');
    m.briefMade('llm', null);
    m.briefMade('extractive', 'LLM_TIMEOUT: the model did not answer within 30000 ms');
    m.briefMade('extractive', 'something unexpected');
    const { body, contentType } = await m.text();
    expect(contentType).toMatch(/^text\/plain/);
    expect(sample(body, 'chipbrief_articles_processed_total', 'status="new"')).toBe(2);
    expect(sample(body, 'chipbrief_articles_processed_total', 'status="seen"')).toBe(1);
    expect(sample(body, 'chipbrief_briefs_total', 'summarizer="llm"')).toBe(1);
    expect(sample(body, 'chipbrief_briefs_total', 'summarizer="extractive"')).toBe(2);
    expect(sample(body, 'chipbrief_llm_fallbacks_total', 'reason="LLM_TIMEOUT"')).toBe(1);
    expect(sample(body, 'chipbrief_llm_fallbacks_total', 'reason="OTHER"')).toBe(1);
  });

  it('reads the gauges from their sources at scrape time and leaves out one that fails', async () => {
    const m = new ChipbriefMetrics();
    let articles = 3;
    m.watch({
      queueCounts: async () => ({ article: { waiting: 2, failed: 1 } }),
      storeStats: async () => ({ articles, stories: 2, quotes: 9, briefs: 2 }),
    });
    let body = (await m.text()).body;
    expect(sample(body, 'chipbrief_jobs', 'queue="article",state="waiting"')).toBe(2);
    expect(sample(body, 'chipbrief_jobs', 'queue="article",state="failed"')).toBe(1);
    expect(sample(body, 'chipbrief_store_rows', 'table="stories"')).toBe(2);
    articles = 5;
    expect(sample((await m.text()).body, 'chipbrief_store_rows', 'table="articles"')).toBe(5);
    m.watch({ queueCounts: () => Promise.reject(new Error('redis not ready')) });
    body = (await m.text()).body;
    expect(sample(body, 'chipbrief_jobs', 'queue="article",state="waiting"')).toBeNull();
    expect(sample(body, 'chipbrief_store_rows', 'table="articles"')).toBe(5);
  });

  it('answers a scrape even when a source hangs', async () => {
    const m = new ChipbriefMetrics();
    m.watch({ storeStats: () => new Promise(() => {}) });
    const start = Date.now();
    const body = (await m.text()).body;
    expect(Date.now() - start).toBeLessThan(3_000);
    expect(sample(body, 'chipbrief_store_rows', 'table="articles"')).toBeNull();
  });
});

describe('meteredLlm', () => {
  it('counts requests by outcome and tokens, including tokens of failed calls', async () => {
    const m = new ChipbriefMetrics();
    let fail = false;
    const inner: Llm = {
      model: 'test-model',
      async complete<T>() {
        if (fail) {
          throw Object.assign(new ChipbriefError('LLM_INVALID_OUTPUT', 'not JSON'), {
            usage: { tokensIn: 40, tokensOut: 7 },
          });
        }
        return { value: { ok: true } as T, tokensIn: 100, tokensOut: 20, model: 'test-model' };
      },
    };
    const llm = meteredLlm(inner, m);
    expect(llm.model).toBe('test-model');
    await llm.complete(request);
    fail = true;
    await expect(llm.complete(request)).rejects.toThrow('not JSON');
    const body = (await m.text()).body;
    expect(sample(body, 'chipbrief_llm_requests_total', 'outcome="ok"')).toBe(1);
    expect(sample(body, 'chipbrief_llm_requests_total', 'outcome="LLM_INVALID_OUTPUT"')).toBe(1);
    expect(sample(body, 'chipbrief_llm_tokens_total', 'direction="in"')).toBe(140);
    expect(sample(body, 'chipbrief_llm_tokens_total', 'direction="out"')).toBe(27);
  });
});

describe('meteredSink', () => {
  it('counts submitted commands and derives ack latency from the platform timestamp', async () => {
    const m = new ChipbriefMetrics();
    const submitted: InboundCommand[] = [];
    const sink = meteredSink({ submit: async (c) => void submitted.push(c) }, m);
    await sink.submit(command({ createdAt: '2026-11-20T08:00:00.000Z' }, '2026-11-20T08:00:00.400Z'));
    await sink.submit(command({}, '2026-11-20T08:00:01.000Z'));
    expect(submitted).toHaveLength(2);
    const body = (await m.text()).body;
    expect(sample(body, 'chipbrief_commands_total', 'platform="discord",kind="command"')).toBe(2);
    // Only the command that carried a platform timestamp has an ack latency: 0.4 s.
    expect(sample(body, 'chipbrief_command_ack_seconds_count', 'platform="discord"')).toBe(1);
    expect(sample(body, 'chipbrief_command_ack_seconds_sum', 'platform="discord"')).toBeCloseTo(0.4, 5);
    expect(sample(body, 'chipbrief_command_ack_seconds_bucket', 'le="0.25",platform="discord"')).toBe(0);
    expect(sample(body, 'chipbrief_command_ack_seconds_bucket', 'le="0.5",platform="discord"')).toBe(1);
  });

  it('counts nothing when the queue refuses the command', async () => {
    const m = new ChipbriefMetrics();
    const sink = meteredSink({ submit: () => Promise.reject(new Error('redis down')) }, m);
    await expect(sink.submit(command({}, '2026-11-20T08:00:01.000Z'))).rejects.toThrow('redis down');
    expect(
      sample((await m.text()).body, 'chipbrief_commands_total', 'platform="discord",kind="command"'),
    ).toBeNull();
  });
});

describe('timed', () => {
  it('reports duration and outcome and passes results and errors through', async () => {
    const seen: [number, boolean][] = [];
    const report = (s: number, ok: boolean) => void seen.push([s, ok]);
    expect(await timed(async () => 'ref-1', report)).toBe('ref-1');
    await expect(timed(() => Promise.reject(new Error('429')), report)).rejects.toThrow('429');
    expect(seen.map(([, ok]) => ok)).toEqual([true, false]);
    expect(seen.every(([s]) => s >= 0 && s < 1)).toBe(true);
  });
});

describe('README Operations', () => {
  it('lists exactly the chipbrief_* metrics the registry exports', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const ops = readme.slice(readme.indexOf('## Operations'), readme.indexOf('## Troubleshooting'));
    const documented = [...ops.matchAll(/^\s*\| `(chipbrief_\w+)/gm)].map((m) => m[1]).sort();
    const exported = (await new ChipbriefMetrics().registry.getMetricsAsJSON()).map((m) => m.name).sort();
    expect(documented).toEqual(exported);
  });
});
