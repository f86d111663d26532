/**
 * `chipbrief` for this folder's child processes: the real CLI and queue commands with the Slack
 * posting side (slackPlatformFactory, SLACK_BOT_TOKEN / SLACK_API_URL from the environment). With
 * CHIPBRIEF_TEST_HOOKS {"crashAfterPost": true} the process SIGKILLs itself right after Slack accepted
 * a digest — before the store records it: the crash promise 4 must survive.
 */
import { slackPlatformFactory } from '../../../adapters/slack/index.js';
import { queueCli } from '../../../jobs/queue-cli.js';
import type { QueueHooks, WorkerTuning } from '../../../jobs/queue-hooks.js';
import { runCli } from '../../../src/cli.js';

const spec = JSON.parse(process.env.CHIPBRIEF_TEST_HOOKS ?? '{}') as {
  tuning?: Partial<WorkerTuning>;
  crashAfterPost?: boolean;
};

const hooks: QueueHooks = {
  tuning: spec.tuning,
  adapters: [],
  platforms: [
    (config, log, deps) => {
      const platform = slackPlatformFactory(config, log, deps);
      if (!platform || !spec.crashAfterPost) return platform;
      const post = platform.postDigest.bind(platform);
      platform.postDigest = async (digest) => {
        const ref = await post(digest);
        process.kill(process.pid, 'SIGKILL');
        return ref;
      };
      return platform;
    },
  ],
};

const code = await runCli(
  { argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr },
  [queueCli(hooks)],
);
process.exitCode = code;
