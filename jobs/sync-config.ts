import { CONFIG_FILE_OWNER, type Config } from '../src/config.js';
import type { Store } from '../src/store/port.js';

/**
 * Copies the config file's sources and subscriptions into the store at `serve` start, so the scheduler
 * (and every replica) reads one list. Subscriptions and sources are upserted: the file wins for its
 * channels and URLs (a changed priority or poll interval applies at the next start). Channels subscribed at runtime are left alone; what the
 * file declares is refused to runtime admin commands (see answer-admin.ts), as it would come back.
 */
export async function syncConfigToStore(
  config: Pick<Config, 'file' | 'TZ_DEFAULT'>,
  store: Store,
): Promise<{ sources: number; subscriptions: number }> {
  for (const s of config.file.sources) {
    await store.putSource({
      kind: s.kind ?? 'rss',
      url: s.url,
      name: s.name ?? null,
      enabled: true,
      addedBy: CONFIG_FILE_OWNER,
      priority: s.priority,
      pollMinutes: s.pollMinutes,
    });
  }
  for (const s of config.file.subscriptions) {
    await store.upsertSubscription({
      platform: s.platform,
      workspaceId: s.workspaceId,
      channelId: s.channelId,
      time: s.time,
      tz: s.tz ?? config.TZ_DEFAULT,
      filters: s.filters,
      createdBy: CONFIG_FILE_OWNER,
    });
  }
  return { sources: config.file.sources.length, subscriptions: config.file.subscriptions.length };
}
