import type { BriefView } from '../briefs/brief.js';

export type Platform = 'slack' | 'discord' | 'console';

/** A day's briefs for one channel. `id` is also the queue job id and the platform dedupe key. */
export interface Digest {
  id: string;
  platform: Platform;
  channelId: string;
  /** Local date of the subscription, YYYY-MM-DD. */
  date: string;
  /** One line about the day. */
  overview: string;
  stories: BriefView[];
}

/** The deterministic digest id: the same on every replica, retry and restart. */
export function digestId(platform: Platform, channelId: string, date: string): string {
  return `digest:${platform}:${channelId}:${date}`;
}
