/**
 * The `chipbrief` command for integration tests' child processes: the real CLI and queue commands,
 * plus what a test needs to plug in, read from CHIPBRIEF_TEST_HOOKS (JSON):
 *   { tuning?: Partial<WorkerTuning>, capture?: { file, platform?, crashAfterPost?, postDelayMs? } }
 * `capture` installs the capturing fake platform, writing what it posts to `file`.
 */
import { queueCli } from '../../jobs/queue-cli.js';
import type { QueueHooks, WorkerTuning } from '../../jobs/queue-hooks.js';
import { exitAfterCommand } from '../../src/cli/exit-after-command.js';
import { runCli } from '../../src/cli.js';
import { type CapturingOptions, CapturingPlatform } from '../fakes/capturing-platform.js';

interface TestHooks {
  tuning?: Partial<WorkerTuning>;
  capture?: CapturingOptions & { file: string };
}

const spec = JSON.parse(process.env.CHIPBRIEF_TEST_HOOKS ?? '{}') as TestHooks;
const hooks: QueueHooks = { tuning: spec.tuning, adapters: [] };
if (spec.capture) {
  const capture = spec.capture;
  hooks.platforms = [() => new CapturingPlatform(capture)];
}

const code = await runCli(
  { argv: process.argv.slice(2), cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr },
  [queueCli(hooks)],
);
// As jobs/main.ts ends a command: the process exits even if a library holds the event loop open.
exitAfterCommand(code);
