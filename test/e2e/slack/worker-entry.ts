/**
 * `chipbrief` for this folder's child processes: the real CLI and queue commands with the Slack
 * posting side (slackPlatformFactory, SLACK_BOT_TOKEN / SLACK_API_URL from the environment). With
 * CHIPBRIEF_TEST_HOOKS {"crashAfterPost": true} the process SIGKILLs itself right after Slack accepted
 * a digest — before the store records it: the crash promise 4 must survive. With {"longAnswer": true}
 * every command is answered with test/support/long-answer.ts, and {"crashAfterAnswerPart": n} SIGKILLs
 * the process once Slack accepted part n (0-based) of a reply, before the job records it as sent.
 */
import { slackPlatformFactory } from '../../../adapters/slack/index.js';
import { queueCli } from '../../../jobs/queue-cli.js';
import type { QueueHooks, WorkerTuning } from '../../../jobs/queue-hooks.js';
import { runCli } from '../../../src/cli.js';
import { longAnswer } from '../../support/long-answer.js';

const spec = JSON.parse(process.env.CHIPBRIEF_TEST_HOOKS ?? '{}') as {
  tuning?: Partial<WorkerTuning>;
  crashAfterPost?: boolean;
  longAnswer?: boolean;
  crashAfterAnswerPart?: number;
};

const hooks: QueueHooks = {
  tuning: spec.tuning,
  adapters: [],
  ...(spec.longAnswer ? { answer: async () => longAnswer() } : {}),
  platforms: [
    (config, log, deps) => {
      const platform = slackPlatformFactory(config, log, deps);
      if (!platform) return platform;
      if (spec.crashAfterPost) {
        const post = platform.postDigest.bind(platform);
        platform.postDigest = async (digest) => {
          const ref = await post(digest);
          process.kill(process.pid, 'SIGKILL');
          return ref;
        };
      }
      const crashAt = spec.crashAfterAnswerPart;
      if (crashAt !== undefined) {
        const reply = platform.reply.bind(platform);
        platform.reply = (target, answer, d) =>
          reply(
            target,
            answer,
            d && {
              replyId: d.replyId,
              retry: d.retry,
              wasSent: (i) => d.wasSent(i),
              markSent: async (i) => {
                if (i === crashAt) process.kill(process.pid, 'SIGKILL');
                await d.markSent(i);
              },
            },
          );
      }
      return platform;
    },
  ],
};

const code = await runCli(
  { argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr },
  [queueCli(hooks)],
);
process.exitCode = code;
