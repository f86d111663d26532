import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { messageBody } from '../../adapters/discord/discord-api.js';
import { renderAnswer as discordAnswer } from '../../adapters/discord/render-answer.js';
import { planDigest as discordDigest } from '../../adapters/discord/render-digest.js';
import { OpenAiLlm } from '../../adapters/openai/openai-llm.js';
import { renderAnswer as slackAnswer } from '../../adapters/slack/render-answer.js';
import { planDigest as slackDigest } from '../../adapters/slack/render-digest.js';
import type { Answer } from '../../src/answers/answer.js';
import { answerInbound } from '../../src/answers/answer-inbound.js';
import { createHttpFetcher, type HttpFetcher } from '../../src/articles/fetcher.js';
import { htmlToDraft } from '../../src/articles/html-to-article.js';
import type { BriefView } from '../../src/briefs/brief.js';
import { type Digest, digestId, type Platform } from '../../src/digests/digest.js';
import { digestOverview } from '../../src/digests/overview.js';
import { ChipbriefError, oneLine } from '../../src/errors.js';
import { ingestDraft } from '../../src/ingest/ingest-draft.js';
import type { InboundCommand } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { type FakeOpenAi, startFakeOpenAi } from '../fakes/openai-server.js';
import { articlePage, FILLER } from './cases.js';
import { discordProblems, slackProblems } from './checks.js';
import { HostileServer } from './server.js';

export const NOW = new Date('2026-11-17T12:00:00.000Z');
export const clock = { now: () => NOW };
export const DATE = '2026-11-17';

/** Everything a hostile case runs against, with a good article stored first. */
export interface Harness {
  dir: string;
  server: HostileServer;
  /** Private networks NOT allowed; only the hostile server's exact host:port is exempt. */
  fetcher: HttpFetcher;
  store: Store;
  openai: FakeOpenAi;
  llm: OpenAiLlm;
  goodId: string;
  goodQuotes: number;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-hostile-'));
  const server = await HostileServer.start();
  const fetcher = createHttpFetcher({
    allowPrivateNetworks: false,
    allowHosts: [server.hostPort],
    maxBytes: 5 * 1024 * 1024,
    timeoutMs: 10_000,
  });
  const store = openSqliteStore(join(dir, 'hostile.db'));
  const openai = await startFakeOpenAi('obey-injection');
  const llm = new OpenAiLlm({
    apiKey: 'sk-hostile',
    baseURL: openai.baseURL,
    model: 'fake',
    timeoutMs: 5000,
    maxRetries: 0,
  });
  const good = htmlToDraft(
    articlePage('Dutch rules on servicing chip tools take effect', [
      FILLER[0]!,
      '\u201cWe have prepared our customers for this for months,\u201d said Sanne de Vries, a spokeswoman for the equipment maker.',
      FILLER[1]!,
    ]),
    'https://good.example/servicing-rules',
  );
  const res = await ingestDraft(good, { store, clock });
  return {
    dir,
    server,
    fetcher,
    store,
    openai,
    llm,
    goodId: res.articleId,
    goodQuotes: res.quotes,
    close: async () => {
      await fetcher.close();
      await store.close();
      await openai.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The outcome of a step: a value, or the ChipbriefError it ended in. Anything else is a crash. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ChipbriefError };

export async function outcome<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof ChipbriefError) return { ok: false, error: err };
    throw new Error(`crashed with a non-ChipbriefError: ${err instanceof Error ? err.stack : String(err)}`);
  }
}

/** A clear error: a stable code from the expected set and a one-line message. */
export function expectClearError(o: Outcome<unknown>, codes: readonly string[], what: string): void {
  if (o.ok) throw new Error(`${what}: expected ${codes.join('|')}, got a result`);
  expect(codes, `${what}: ${oneLine(o.error)}`).toContain(o.error.code);
  expect(o.error.message).not.toMatch(/\n/);
  expect(oneLine(o.error).length).toBeLessThan(600);
}

/** The stored good article is still there, whole. */
export async function expectGoodArticle(h: Harness): Promise<void> {
  const a = await h.store.getArticle(h.goodId);
  expect(a, 'the good article is gone').not.toBeNull();
  expect((await h.store.getQuotes(h.goodId)).length).toBe(h.goodQuotes);
}

function digestOf(platform: Platform, channelId: string, views: BriefView[]): Digest {
  return {
    id: digestId(platform, channelId, DATE),
    platform,
    channelId,
    date: DATE,
    overview: digestOverview(views),
    stories: views,
  };
}

/** Renders views as a digest on both platforms and checks every message body that would be sent. */
export function checkDigestRendering(views: BriefView[]): number {
  const slack = slackDigest(digestOf('slack', 'C0HOSTILE', views));
  const slackBodies = [slack.parent, ...slack.parts].map((m) => ({ channel: 'C0HOSTILE', ...m }));
  const discord = discordDigest(digestOf('discord', '930000000000000001', views));
  const discordBodies = [discord.overview, ...discord.parts].map((m) => messageBody(m));
  for (const b of slackBodies) expect(slackProblems(b as Record<string, unknown>)).toEqual([]);
  for (const b of discordBodies) expect(discordProblems(b)).toEqual([]);
  return slackBodies.length + discordBodies.length;
}

/** Renders an answer on both platforms and checks every message body that would be sent. */
export function checkAnswerRendering(answer: Answer): void {
  for (const m of slackAnswer(answer))
    expect(slackProblems(m as unknown as Record<string, unknown>)).toEqual([]);
  for (const m of discordAnswer(answer)) expect(discordProblems(messageBody(m))).toEqual([]);
}

export function command(text: string, platform: Platform = 'slack'): InboundCommand {
  return {
    text,
    followUp: false,
    ctx: {
      platform,
      workspaceId: 'T0HOSTILE',
      channelId: 'C0HOSTILE',
      userId: 'U0READER',
      threadRef: null,
      isAdmin: false,
    },
    target: { platform, channelId: 'C0HOSTILE', threadRef: null, via: {} },
    receivedAt: NOW.toISOString(),
    eventId: `ev-${text.slice(0, 40)}`,
  };
}

export async function ask(h: Harness, text: string): Promise<Answer> {
  return answerInbound(command(text), { store: h.store, llm: null, clock });
}
