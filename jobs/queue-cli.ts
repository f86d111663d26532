import { Option } from 'commander';
import type { CliExtension } from '../src/cli.js';
import type { QueueHooks } from './queue-hooks.js';

/**
 * The commands that need Redis: `worker`, `serve`, `enqueue`, `queues`. Each loads its module (and
 * BullMQ) only when it runs, so the core commands start without them.
 */
export function queueCli(hooks: QueueHooks = {}): CliExtension {
  return (program, app) => {
    program
      .command('worker')
      .description('Work the queues (fetch, extract, cluster, brief, post digests) until SIGTERM')
      .addOption(new Option('--queues <names>', 'comma-separated subset: poll,article,brief,digest,answer'))
      .action((opts: { queues?: string }) =>
        app.run(async () => (await import('./commands/worker-command.js')).workerCommand(app, hooks, opts)),
      );

    program
      .command('serve')
      .description('Run the scheduler (digests, feed polls) and platform adapters, with workers')
      .option('--no-worker', 'do not work the queues in this process (run `chipbrief worker` elsewhere)')
      .action((opts: { worker: boolean }) =>
        app.run(async () => (await import('./commands/serve-command.js')).serveCommand(app, hooks, opts)),
      );

    program
      .command('enqueue')
      .description('Add article jobs for files or URLs, or a poll job for a feed, to the queue')
      .argument('[inputs...]', 'files (.txt, .html) or http(s) URLs')
      .option('--feed <url>', 'an RSS/Atom feed: its items become article jobs')
      .action((inputs: string[], opts: { feed?: string }) =>
        app.run(async () =>
          (await import('./commands/enqueue-command.js')).enqueueCommand(app, inputs, opts),
        ),
      );

    program
      .command('queues')
      .description('Job counts per queue and state')
      .option('--json', 'print JSON')
      .option('--failed', 'also list failed jobs with their reasons')
      .action((opts: { json?: boolean; failed?: boolean }) =>
        app.run(async () => (await import('./commands/queues-command.js')).queuesCommand(app, opts)),
      );
  };
}
