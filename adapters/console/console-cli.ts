import type { Command } from 'commander';
import type { AppContext } from '../../src/cli/app-context.js';
import { askCommand } from '../../src/cli/commands/ask.js';
import { demoCommand } from '../../src/cli/commands/demo.js';
import { digestCommand } from '../../src/cli/commands/digest.js';
import type { Config } from '../../src/config.js';
import type { Llm } from '../../src/ports.js';
import { renderAnswerConsole } from './render-answer.js';
import { renderDigestConsole } from './render-digest.js';

type LlmFactory = (config: Config) => Promise<Llm | null>;

/** The terminal commands that render a digest or an answer: digest, ask and demo. */
export function consoleCli(llmFactory: LlmFactory) {
  return (program: Command, app: AppContext): void => {
    const view = () => ({
      width: Math.min(app.cli.stdout.columns ?? 100, 110),
      color: Boolean(app.cli.stdout.isTTY),
    });
    const printDigest = async (opts: { date?: string; json?: boolean; print?: boolean }) =>
      digestCommand(app, opts, (d) => renderDigestConsole(d, view()), { llm: await llmFactory(app.config) });

    program
      .command('digest')
      .description("The day's digest from the store: one entry per story, verbatim quotes, sources")
      .option('--date <date>', 'local date YYYY-MM-DD (TZ_DEFAULT); default today')
      .option('--print', 'print it for the terminal (the default)')
      .option('--json', 'print JSON: per story headline, bullets, quotes, canonical source and members')
      .action((opts: { date?: string; json?: boolean; print?: boolean }) => app.run(() => printDigest(opts)));

    program
      .command('ask')
      .description(
        'Answer a question (or a command such as "who export controls") from the store, with sources',
      )
      .argument('<question...>', 'the question, quoted or not')
      .option('--json', 'print {answer, quotes, citations}')
      .action((words: string[], opts: { json?: boolean }) =>
        app.run(async () =>
          askCommand(app, words.join(' '), opts, (a) => renderAnswerConsole(a, view()), {
            llm: await llmFactory(app.config),
          }),
        ),
      );

    program
      .command('demo')
      .description(
        'Ingest the sample corpus (examples/) and print the digest: the offline pipeline end to end',
      )
      .action(() => app.run(() => demoCommand(app, () => printDigest({}))));
  };
}
