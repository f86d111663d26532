import { chipbriefCommand } from './commands.js';
import { type DiscordApi, toPlatformError } from './discord-api.js';

/** Replaces the application's commands with `/chipbrief`, in one guild (instant) or globally. */
export async function registerCommands(
  api: DiscordApi,
  guildId?: string,
): Promise<{ id: string; name: string }[]> {
  try {
    const saved = await api.putCommands([chipbriefCommand()], guildId);
    return saved as { id: string; name: string }[];
  } catch (err) {
    throw toPlatformError(err, guildId ? `registering commands in guild ${guildId}` : 'registering commands');
  }
}
