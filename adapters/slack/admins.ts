import type { Logger } from '../../src/log.js';
import type { SlackApi } from './slack-api.js';

const ADMIN_COMMANDS = /^\s*(sources|subscribe|unsubscribe)\b/i;

/** True when the command text is one only admins may run (sources, subscribe, unsubscribe). */
export function isAdminCommand(text: string): boolean {
  return ADMIN_COMMANDS.test(text);
}

/**
 * Who may run admin commands: users listed in config `admins` for Slack, and workspace admins and
 * owners according to `users.info` (cached briefly: an admin demoted in Slack loses the right within
 * the TTL). Any failure to ask Slack counts as "not admin" — the safe side.
 */
export class SlackAdmins {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly configured: ReadonlySet<string>,
    private readonly api: SlackApi,
    private readonly log: Logger,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Config admins only: no Slack call (for commands that do not need the answer). */
  isConfigured(userId: string): boolean {
    return this.configured.has(userId);
  }

  async isAdmin(userId: string): Promise<boolean> {
    if (this.configured.has(userId)) return true;
    const hit = this.cache.get(userId);
    const now = this.now();
    if (hit && hit.until > now) return hit.admin;
    let admin = false;
    try {
      const res = await this.api.read('users.info', { user: userId });
      const u = (res.user ?? {}) as Record<string, unknown>;
      admin =
        u.deleted !== true && (u.is_admin === true || u.is_owner === true || u.is_primary_owner === true);
    } catch (err) {
      this.log.warn({ err, userId }, 'slack: users.info failed; treating the user as not an admin');
      return false;
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(userId, { admin, until: now + this.ttlMs });
    return admin;
  }
}
