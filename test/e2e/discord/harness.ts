import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DiscordHandle, startDiscord } from '../../../adapters/discord/index.js';
import { type DiscordPlatform, discordPlatform } from '../../../adapters/discord/platform.js';
import type { Answer } from '../../../src/answers/answer.js';
import { answerInbound } from '../../../src/answers/answer-inbound.js';
import { type Config, loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import { type Clock, type CommandSink, type InboundCommand, systemClock } from '../../../src/ports.js';
import type { Store } from '../../../src/store/port.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { type FakeDiscord, seedChannels, startFakeDiscord } from '../../fakes/discord-server.js';
import { type Seeded, seedStore } from './seed.js';

export interface Harness {
  fake: FakeDiscord;
  config: Config;
  store: Store;
  clock: Clock;
  seeded: Seeded;
  channelId: string;
  dmId: string;
  /** The serve side: discord.js client, inbound handlers, store-backed platform. */
  discord: DiscordHandle;
  /** A worker's posting side: REST only, no store (as in a separate `chipbrief worker`). */
  worker: DiscordPlatform;
  submitted: InboundCommand[];
  answers: Answer[];
  /** Waits until every submitted command has been answered and replied to. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export const ADMIN_USER = '700000000000000099';

/**
 * A fake Discord, a seeded store, the adapter as `serve` starts it, and an in-process sink that does
 * what the queue's `answer` job does (answerInbound, then the platform's reply) in a REST-only
 * platform, like a separate worker process would.
 */
export async function startHarness(
  opts: {
    configAdmins?: string[];
    /** Who sends replies: a REST-only worker without the store (default), or serve's store-backed platform. */
    replyVia?: 'worker' | 'serve';
  } = {},
): Promise<Harness> {
  const fake = await startFakeDiscord({ heartbeatMs: 300 });
  const { channelId, dmId } = seedChannels(fake);
  const dir = mkdtempSync(join(tmpdir(), 'cb-discord-'));
  if (opts.configAdmins) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(dir, 'chipbrief.config.json'),
      JSON.stringify({ admins: opts.configAdmins.map((userId) => ({ platform: 'discord', userId })) }),
    );
  }
  const config = loadConfig(
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      CHIPBRIEF_DB: join(dir, 'test.db'),
      CHIPBRIEF_LLM: 'off',
    },
    dir,
  );
  const store = openSqliteStore(config.CHIPBRIEF_DB);
  const clock = systemClock;
  const seeded = await seedStore(store, clock);
  const log = createLogger(process.env.CB_TEST_LOG ?? 'silent');
  const worker = discordPlatform(config, log)!;
  const submitted: InboundCommand[] = [];
  const answers: Answer[] = [];
  const pending: Promise<unknown>[] = [];
  const services = { store, clock, llm: null, config, log };
  let discord: DiscordHandle;
  const sink: CommandSink = {
    async submit(cmd) {
      submitted.push(cmd);
      // The job runs after the adapter's ack, as with the queue.
      pending.push(
        (async () => {
          const answer = await answerInbound(cmd, services);
          answers.push(answer);
          const via = opts.replyVia === 'serve' ? discord.platform : worker;
          await via.reply(cmd.target, answer);
        })(),
      );
    },
  };
  discord = await startDiscord({ config, services: { store, clock }, sink, log });
  return {
    fake,
    config,
    store,
    clock,
    seeded,
    channelId,
    dmId,
    discord,
    worker,
    submitted,
    answers,
    settled: async () => {
      while (pending.length > 0) await Promise.all(pending.splice(0));
    },
    close: async () => {
      await discord.stop();
      await fake.close();
      await store.close();
    },
  };
}
