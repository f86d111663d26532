import type { Command } from 'commander';
import type { AppContext } from '../../src/cli/app-context.js';
import { ChipbriefError, ConfigError } from '../../src/errors.js';

/**
 * `chipbrief discord register [--guild ID] [--json]`: registers the `/chipbrief` command (for the
 * composition root, a CliExtension). `--guild` registers in one server, where it shows at once (handy
 * while testing); without it the command is global. `--json` prints the command JSON and sends nothing.
 */
export function discordCli(program: Command, app: AppContext): void {
  const discord = program
    .command('discord')
    .description('Discord app: register the /chipbrief slash command');
  discord
    .command('register')
    .description('Register /chipbrief with Discord (globally, or in one server with --guild)')
    .option('--guild <id>', 'register in this server only (shows at once)')
    .option('--json', 'print the command JSON and do not send it')
    .action((opts: { guild?: string; json?: boolean }) =>
      app.run(async () => {
        // discord.js loads in about a second: only when the command runs, not for every chipbrief command.
        const { chipbriefCommand } = await import('./commands.js');
        if (opts.json) {
          app.out(JSON.stringify(chipbriefCommand(), null, 2));
          return;
        }
        const { DISCORD_TOKEN, DISCORD_APP_ID } = app.config;
        if (!DISCORD_TOKEN)
          throw new ConfigError('DISCORD_TOKEN: required to register commands — set the bot token');
        if (!DISCORD_APP_ID)
          throw new ConfigError(
            'DISCORD_APP_ID: required to register commands — copy the Application ID from the developer portal',
          );
        if (opts.guild !== undefined && !/^\d{5,25}$/.test(opts.guild)) {
          throw new ChipbriefError(
            'COMMAND_INVALID',
            `--guild: "${opts.guild}" is not a server id (a number; enable Developer Mode and Copy Server ID)`,
          );
        }
        const [{ DiscordApi }, { createRest }, { registerCommands }] = await Promise.all([
          import('./discord-api.js'),
          import('./platform.js'),
          import('./register.js'),
        ]);
        const api = new DiscordApi(createRest(app.config), DISCORD_APP_ID);
        const saved = await registerCommands(api, opts.guild);
        const where = opts.guild ? `in server ${opts.guild}` : 'globally';
        app.out(`Registered ${saved.map((c) => `/${c.name}`).join(', ') || '/chipbrief'} ${where}.`);
      }),
    );
}
