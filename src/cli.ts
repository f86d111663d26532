import { Command, CommanderError } from 'commander';
import { AppContext, type CliEnv } from './cli/app-context.js';
import { registerCoreCommands } from './cli/core-commands.js';

/** Adds commands that need outside systems (queue, platforms); registered by the composition root. */
export type CliExtension = (program: Command, app: AppContext) => void;

/**
 * The `chipbrief` command. Returns the exit code: 0 ok, 1 failure, 2 bad input or usage.
 * Never throws and never prints a stack trace.
 */
export async function runCli(cli: CliEnv, extensions: readonly CliExtension[] = []): Promise<number> {
  const app = new AppContext(cli);
  const program = new Command('chipbrief')
    .description(
      'Semiconductor-policy briefs with verbatim, attributed quotes — for Slack, Discord and the terminal.',
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => cli.stdout.write(s),
      writeErr: (s) => cli.stderr.write(s),
    })
    .exitOverride();
  registerCoreCommands(program, app);
  for (const ext of extensions) ext(program, app);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());
  try {
    await program.parseAsync(cli.argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.help' ||
        err.code === 'commander.version'
      )
        return 0;
      if (err.code === 'commander.executeSubCommandAsync') return 0;
      return 2;
    }
    app.fail(err);
  }
  return app.exitCode;
}
