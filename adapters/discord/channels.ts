import { type APIChannel, ChannelType, type Client } from 'discord.js';
import type { DiscordApi } from './discord-api.js';

/** Where a message or interaction happened, in the terms the core uses. */
export interface Place {
  /** The channel a thread hangs off; the channel itself otherwise (a DM channel for DMs). */
  channelId: string;
  /** The thread's id when it happened in a thread, else null. */
  threadId: string | null;
  dm: boolean;
}

const THREAD_TYPES = new Set<number>([
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
]);

/**
 * Tells threads from channels: the gateway's message and interaction events name the channel but not
 * its parent. Uses discord.js's cache when it has the channel (guilds and threads it was sent), else
 * one REST read, remembered (a channel never becomes a thread).
 */
export class ChannelResolver {
  private readonly known = new Map<string, Place>();

  constructor(
    private readonly api: DiscordApi,
    private readonly client?: Client,
  ) {}

  async place(
    channelId: string,
    hint: { guildId: string | null; type?: number | null; parentId?: string | null },
  ): Promise<Place> {
    if (!hint.guildId) return { channelId, threadId: null, dm: true };
    if (typeof hint.type === 'number' && !THREAD_TYPES.has(hint.type))
      return { channelId, threadId: null, dm: false };
    if (typeof hint.type === 'number' && hint.parentId)
      return { channelId: hint.parentId, threadId: channelId, dm: false };
    const hit = this.known.get(channelId);
    if (hit) return hit;
    const cached = this.client?.channels.cache.get(channelId);
    let place: Place;
    if (cached) {
      place =
        cached.isThread() && cached.parentId
          ? { channelId: cached.parentId, threadId: channelId, dm: false }
          : { channelId, threadId: null, dm: false };
    } else {
      const ch = (await this.api.getChannel(channelId)) as APIChannel & { parent_id?: string | null };
      place =
        THREAD_TYPES.has(ch.type) && ch.parent_id
          ? { channelId: ch.parent_id, threadId: channelId, dm: false }
          : { channelId, threadId: null, dm: ch.type === ChannelType.DM };
    }
    if (this.known.size > 5000) this.known.clear();
    this.known.set(channelId, place);
    return place;
  }
}
