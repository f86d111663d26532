import { consoleCli } from '../adapters/console/console-cli.js';
import { discordCli } from '../adapters/discord/cli.js';
import { answerInbound } from '../src/answers/answer-inbound.js';
import { exitAfterCommand } from '../src/cli/exit-after-command.js';
import { runCli } from '../src/cli.js';
import { createLogger } from '../src/log.js';
import { doctorCli } from './observability/doctor-cli.js';
import { queueCli } from './queue-cli.js';
import type { QueueHooks } from './queue-hooks.js';

// Composition root of the `chipbrief` command: the core's commands plus those that need the queue
// and the platform adapters. Each platform SDK (Bolt, discord.js, openai) is imported only in a
// process configured for it, so every other command starts without loading them.
const hooks: QueueHooks = {
  // Posting side, used by the digest and answer jobs in `worker` and `serve`.
  platforms: [
    async (config, log, deps) =>
      config.SLACK_BOT_TOKEN
        ? (await import('../adapters/slack/index.js')).slackPlatformFactory(config, log, deps)
        : null,
    async (config, log, { store }) =>
      config.DISCORD_TOKEN && config.DISCORD_APP_ID
        ? (await import('../adapters/discord/platform.js')).discordPlatform(config, log, store)
        : null,
  ],
  // Inbound side, started by `serve`; each returns null when its tokens are not set.
  adapters: [
    async (ctx) =>
      ctx.config.SLACK_BOT_TOKEN ? (await import('../adapters/slack/index.js')).startSlackAdapter(ctx) : null,
    async (ctx) =>
      ctx.config.DISCORD_TOKEN && ctx.config.DISCORD_APP_ID
        ? (await import('../adapters/discord/index.js')).startDiscordAdapter(ctx)
        : null,
  ],
  llm: async (config) =>
    config.llmEnabled ? (await import('../adapters/openai/openai-llm.js')).openAiLlmFromConfig(config) : null,
  answer: answerInbound,
};

const code = await runCli(
  {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
  },
  [
    consoleCli(
      async (config) => (await hooks.llm?.(config, createLogger(config.LOG_LEVEL ?? 'warn'))) ?? null,
    ),
    queueCli(hooks),
    discordCli,
    doctorCli,
  ],
);
exitAfterCommand(code);
