import type { APIMessage } from 'discord.js';
import type { Digest } from '../../src/digests/digest.js';
import type { Logger } from '../../src/log.js';
import { digestRef, parseOverviewFooter, parsePartMark, partNonce } from './digest-ref.js';
import { CODES, type DiscordApi, discordCode, toPlatformError } from './discord-api.js';
import { type DigestRenderOptions, planDigest } from './render-digest.js';
import type { ThreadRecorder } from './thread-context.js';

interface Found {
  overviewId: string;
  parts: number;
  posted: Set<number>;
}

export interface DigestPosterDeps {
  api: DiscordApi;
  log: Logger;
  /** Records the thread's context (digest id, story ids) when a store is at hand. */
  threads?: ThreadRecorder | null;
  render?: Omit<DigestRenderOptions, 'botUserId'>;
  /** Most channel messages read looking for an earlier post. */
  maxScan?: number;
}

/**
 * Exactly-once digests on Discord (DESIGN promise 4), with src/digests/deliver-digest.ts:
 * - the overview is sent with `nonce` = the digest's reference and `enforce_nonce`, so a resend within
 *   Discord's nonce window (a lost response, a quick retry) returns the first message, never a second;
 * - the reference is also in the overview's footer and in each thread message's small print, which stay:
 *   `findPostedDigest` reads the channel's recent messages for the bot's overview with that reference and
 *   the thread for its parts. A complete post is returned; an overview with missing parts (a crash
 *   mid-way) is remembered and reported as not posted, so the job calls `postDigest`, which resumes under
 *   the existing overview and posts only the missing parts.
 */
export class DigestPoster {
  private readonly partial = new Map<string, Found>();

  constructor(private readonly deps: DigestPosterDeps) {}

  async findPostedDigest(channelId: string, digestId: string, since: Date): Promise<string | null> {
    const key = `${channelId}\u0000${digestId}`;
    const found = await this.lookup(channelId, digestId, since).catch((err) => {
      throw toPlatformError(err, `reading channel ${channelId} for an earlier post of the digest`);
    });
    if (!found) return null;
    for (let i = 1; i <= found.parts; i += 1) {
      if (!found.posted.has(i)) {
        this.deps.log.warn(
          { digestId, missing: i, overviewId: found.overviewId },
          'discord digest: resuming a partial post',
        );
        this.partial.set(key, found);
        return null;
      }
    }
    this.partial.delete(key);
    return found.overviewId;
  }

  async postDigest(digest: Digest): Promise<string> {
    const { api } = this.deps;
    const bot = await api.botUser().catch(() => null);
    const plan = planDigest(digest, { ...this.deps.render, botUserId: bot?.id ?? null });
    const channel = digest.channelId;
    const key = `${channel}\u0000${digest.id}`;
    const resume = this.partial.get(key);
    this.partial.delete(key);
    try {
      const overviewId =
        resume?.overviewId ?? (await api.createMessage(channel, plan.overview, { nonce: plan.ref })).id;
      if (plan.parts.length > 0) {
        const threadId = await api.startThread(channel, overviewId, plan.threadName);
        const posted = resume?.posted ?? new Set<number>();
        for (const [i, part] of plan.parts.entries()) {
          if (posted.has(i + 1)) continue;
          await api.createMessage(threadId, part, { nonce: partNonce(digest.id, i + 1) });
        }
      }
      await this.deps.threads?.remember(channel, overviewId, {
        digestId: digest.id,
        storyIds: digest.stories.map((s) => s.storyId),
      });
      return overviewId;
    } catch (err) {
      throw toPlatformError(err, `posting digest ${digest.id}`);
    }
  }

  private async lookup(channelId: string, digestId: string, since: Date): Promise<Found | null> {
    const ref = digestRef(digestId);
    const bot = await this.deps.api.botUser();
    const max = this.deps.maxScan ?? 1000;
    let before: string | undefined;
    for (let read = 0; read < max; ) {
      const page = await this.deps.api.listMessages(channelId, before);
      if (page.length === 0) return null;
      for (const m of page) {
        if (m.author.id !== bot.id) continue;
        const marker = overviewMarker(m);
        if (marker?.ref !== ref && m.nonce !== ref) continue;
        const parts = marker?.parts ?? 0;
        return {
          overviewId: m.id,
          parts,
          posted: parts > 0 ? await this.listParts(m.id, ref, bot.id) : new Set(),
        };
      }
      read += page.length;
      const oldest = page[page.length - 1]!;
      if (Date.parse(oldest.timestamp) < since.getTime()) return null;
      before = oldest.id;
    }
    return null;
  }

  private async listParts(threadId: string, ref: string, botId: string): Promise<Set<number>> {
    const found = new Set<number>();
    let before: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      let messages: APIMessage[];
      try {
        messages = await this.deps.api.listMessages(threadId, before);
      } catch (err) {
        // No thread yet: the crash came between the overview and the thread.
        if (discordCode(err) === CODES.unknownChannel) return found;
        throw err;
      }
      for (const m of messages) {
        if (m.author.id !== botId) continue;
        const mark = parsePartMark(m.content);
        if (mark?.ref === ref) found.add(mark.part);
      }
      if (messages.length < 100) break;
      before = messages[messages.length - 1]!.id;
    }
    return found;
  }
}

function overviewMarker(m: APIMessage): { date: string; parts: number; ref: string } | null {
  for (const e of m.embeds) {
    const text = e.footer?.text;
    if (text) {
      const parsed = parseOverviewFooter(text);
      if (parsed) return parsed;
    }
  }
  return null;
}
