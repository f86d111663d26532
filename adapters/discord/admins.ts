import type { Config } from '../../src/config.js';

const ADMINISTRATOR = 1n << 3n;
const MANAGE_GUILD = 1n << 5n;

/** True when a member permissions bitfield (Discord sends it as a decimal string) has Manage Server or Administrator. */
export function hasManageServer(permissions: string | bigint | null | undefined): boolean {
  if (permissions === null || permissions === undefined || permissions === '') return false;
  let bits: bigint;
  try {
    bits = typeof permissions === 'bigint' ? permissions : BigInt(permissions);
  } catch {
    return false;
  }
  return (bits & (MANAGE_GUILD | ADMINISTRATOR)) !== 0n;
}

/**
 * Who may run admin subcommands on Discord: members with Manage Server (from the interaction's member
 * permissions, which Discord computes per channel) and users listed in config `admins` for discord.
 * Mentions and DMs carry no permissions, so there only config admins count: anyone else gets the
 * engine's refusal and can use the slash command instead.
 */
export class DiscordAdmins {
  private readonly configured: ReadonlySet<string>;

  constructor(admins: Config['file']['admins']) {
    this.configured = new Set(admins.filter((a) => a.platform === 'discord').map((a) => a.userId));
  }

  isAdmin(userId: string, permissions?: string | bigint | null): boolean {
    return this.configured.has(userId) || hasManageServer(permissions);
  }
}
