import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SlackHandle, startSlack } from '../../../adapters/slack/index.js';
import type { Answer } from '../../../src/answers/answer.js';
import { answerInbound } from '../../../src/answers/answer-inbound.js';
import type { FileConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { type CommandSink, type InboundCommand, systemClock } from '../../../src/ports.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { FakeSlack } from '../../fakes/slack-server.js';

export const SIGNING_SECRET = 'e2e-signing-secret-8f3a';

/**
 * The in-process CommandSink of these tests: records what the adapter submitted and answers it the way
 * the queue's `answer` job does (answerInbound, then the platform's reply), without Redis.
 */
export class DirectSink implements CommandSink {
  readonly submitted: InboundCommand[] = [];
  readonly answers: Answer[] = [];
  readonly errors: unknown[] = [];
  private readonly pending: Promise<void>[] = [];
  handle: SlackHandle | null = null;

  constructor(private readonly store: Store) {}

  async submit(command: InboundCommand): Promise<void> {
    this.submitted.push(command);
    this.pending.push(
      (async () => {
        const log = createLogger('silent');
        const answer = await answerInbound(command, {
          store: this.store,
          llm: null,
          clock: systemClock,
          log,
        });
        this.answers.push(answer);
        await this.handle!.platform.reply(command.target, answer);
      })().catch((err) => {
        this.errors.push(err);
      }),
    );
  }

  /**
   * Waits until `count` commands were submitted in all (the adapter submits after its ack, so a test
   * that got its HTTP response may be early), then until every one is answered; throws the first failure.
   */
  async settle(count = this.submitted.length, ms = 5000): Promise<void> {
    const until = Date.now() + ms;
    while (this.submitted.length < count) {
      if (Date.now() > until)
        throw new Error(`DirectSink: ${this.submitted.length} of ${count} commands submitted`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(this.pending);
    if (this.errors.length > 0) throw this.errors[0];
  }
}

export interface Harness {
  fake: FakeSlack;
  store: Store;
  sink: DirectSink;
  handle: SlackHandle;
  /** The HTTP receiver's URL (HTTP mode). */
  eventsUrl: string;
  /** Every wait the adapter asked for (pacing, Retry-After), in ms. */
  sleeps: number[];
  close(): Promise<void>;
}

export async function startHarness(
  options: {
    socket?: boolean;
    admins?: string[];
    seed?: (store: Store) => Promise<void>;
    sink?: (store: Store) => CommandSink;
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'chipbrief-slack-'));
  const store = await openSqliteStore(join(dir, 'chipbrief.db'));
  await options.seed?.(store);
  const fake = await FakeSlack.start();
  const direct = new DirectSink(store);
  const sleeps: number[] = [];
  const file: FileConfig = {
    sources: [],
    subscriptions: [],
    admins: (options.admins ?? []).map((userId) => ({ platform: 'slack' as const, userId })),
  };
  const handle = await startSlack({
    config: {
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: options.socket ? fake.appToken : undefined,
      SLACK_API_URL: fake.apiUrl,
      PORT: 0,
      file,
    },
    services: { store, clock: systemClock },
    sink: options.sink?.(store) ?? direct,
    log: createLogger('silent'),
    tuning: {
      postIntervalMs: 5,
      // Waits are recorded at full length and slept for at most 20 ms: tests stay fast.
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setTimeout(r, Math.min(ms, 20)));
      },
    },
  });
  direct.handle = handle;
  return {
    fake,
    store,
    sink: direct,
    handle,
    eventsUrl: `http://127.0.0.1:${handle.port}/slack/events`,
    sleeps,
    close: async () => {
      await handle.stop();
      await fake.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
