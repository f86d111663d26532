import type { CliExtension } from '../../src/cli.js';
import type { Config } from '../../src/config.js';
import { oneLine } from '../../src/errors.js';

/**
 * `chipbrief doctor [--json]`: checks config, Redis, the store, the LLM endpoint, Slack and Discord,
 * and prints each as ok / default / warning / problem with what to fix or set next. Exit code 1 when
 * a configured part is broken (a config that does not parse counts), 0 otherwise.
 */
export const doctorCli: CliExtension = (program, app) => {
  program
    .command('doctor')
    .description('Check config, Redis, store, LLM and Slack/Discord tokens; say what to fix or set next')
    .option('--json', 'print the checks as JSON')
    .action((opts: { json?: boolean }) =>
      app.run(async () => {
        const doctor = await import('../../src/cli/commands/doctor.js');
        let config: Config;
        try {
          config = app.config;
        } catch (err) {
          const checks = [{ part: 'config', status: 'problem' as const, detail: oneLine(err) }];
          app.out(opts.json ? JSON.stringify({ checks }, null, 2) : doctor.renderDoctor(checks));
          app.exitCode = 1;
          return;
        }
        const { doctorProbes } = await import('./doctor-probes.js');
        const checks = await doctor.runDoctor(config, doctorProbes, { cwd: app.cli.cwd });
        app.out(opts.json ? JSON.stringify({ checks }, null, 2) : doctor.renderDoctor(checks));
        app.exitCode = Math.max(app.exitCode, doctor.doctorExitCode(checks));
      }),
    );
};
