import {
  type APIApplication,
  type APIApplicationCommand,
  type APIUser,
  DiscordAPIError,
  Routes,
} from 'discord.js';
import type { Config } from '../../src/config.js';
import { COMMAND_NAME } from './commands.js';
import { createRest } from './platform.js';

export interface DiscordCheck {
  name: string;
  ok: boolean;
  /** What was found, or what to fix. */
  detail: string;
}

/**
 * Checks for `chipbrief doctor`: the token is accepted, DISCORD_APP_ID is this bot's application, and
 * `/chipbrief` is registered globally. Nothing is changed. Returns [] when Discord is not configured.
 */
export async function checkDiscord(
  config: Pick<Config, 'DISCORD_TOKEN' | 'DISCORD_APP_ID' | 'DISCORD_API_URL'>,
): Promise<DiscordCheck[]> {
  if (!config.DISCORD_TOKEN) return [];
  const rest = createRest(config);
  const checks: DiscordCheck[] = [];
  let user: APIUser;
  try {
    user = (await rest.get(Routes.user('@me'))) as APIUser;
  } catch (err) {
    const rejected = err instanceof DiscordAPIError && err.status === 401;
    checks.push({
      name: 'discord token',
      ok: false,
      detail: rejected
        ? 'DISCORD_TOKEN was rejected — copy it again from the developer portal (Bot → Reset Token)'
        : `could not reach Discord: ${(err as Error).message}`,
    });
    return checks;
  }
  checks.push({ name: 'discord token', ok: true, detail: `bot ${user.username} (${user.id})` });
  const app = (await rest.get(Routes.currentApplication()).catch(() => null)) as APIApplication | null;
  if (app && config.DISCORD_APP_ID && app.id !== config.DISCORD_APP_ID) {
    checks.push({
      name: 'discord application',
      ok: false,
      detail: `DISCORD_APP_ID is ${config.DISCORD_APP_ID} but the token belongs to application ${app.id} — set DISCORD_APP_ID=${app.id}`,
    });
    return checks;
  }
  checks.push({
    name: 'discord application',
    ok: Boolean(config.DISCORD_APP_ID),
    detail: config.DISCORD_APP_ID ?? 'DISCORD_APP_ID is not set',
  });
  if (!config.DISCORD_APP_ID) return checks;
  const commands = (await rest.get(Routes.applicationCommands(config.DISCORD_APP_ID)).catch(() => null)) as
    | APIApplicationCommand[]
    | null;
  const registered = commands?.some((c) => c.name === COMMAND_NAME) ?? false;
  checks.push({
    name: 'discord /chipbrief',
    ok: registered,
    detail: registered
      ? 'registered globally'
      : 'not registered globally — run `chipbrief discord register` (or `--guild ID` for one server)',
  });
  return checks;
}
