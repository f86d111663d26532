import type { Digest } from '../../src/digests/digest.js';
import type { Logger } from '../../src/log.js';
import type { SlackMessage } from './blocks.js';
import { DIGEST_EVENT, DIGEST_PART_EVENT, type DigestRenderOptions, planDigest } from './render-digest.js';
import { type SlackApi, SlackCallError, type SlackResult } from './slack-api.js';
import { messagesOf, metaPayload, nextCursor } from './slack-history.js';
import type { ThreadMemory } from './thread-memory.js';

interface Found {
  ts: string;
  parts: number;
  posted: Set<number>;
}

export interface DigestPosterDeps {
  api: SlackApi;
  threads: ThreadMemory;
  log: Logger;
  /** The bot's ids (from auth.test), to ignore look-alike metadata from other apps. */
  bot: () => { botId: string | null; botUserId: string | null };
  render?: Omit<DigestRenderOptions, 'botUserId'>;
  now?: () => Date;
}

const PAGE = 200;
const MAX_PAGES = 25;

/**
 * Exactly-once digests on Slack (DESIGN promise 4), with src/digests/deliver-digest.ts:
 * - the parent carries `chipbrief_digest` metadata {digest_id, parts}, each thread reply
 *   `chipbrief_digest_part` {digest_id, part};
 * - `findPostedDigest` returns the parent only when it and all its replies are on Slack. A parent with
 *   missing replies (a crash mid-way) is remembered and reported as not posted, so the job calls
 *   `postDigest`, which resumes: it posts only the missing replies under the existing parent;
 * - a post whose outcome is unknown (connection lost after sending) is checked on Slack before it is
 *   tried again; 429s are waited out by SlackApi (Slack did not post).
 */
export class DigestPoster {
  private readonly partial = new Map<string, Found>();
  private readonly now: () => Date;

  constructor(private readonly deps: DigestPosterDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async findPostedDigest(channelId: string, digestId: string, since: Date): Promise<string | null> {
    const found = await this.lookup(channelId, digestId, since);
    const key = `${channelId}\u0000${digestId}`;
    if (!found) return null;
    for (let i = 1; i <= found.parts; i += 1) {
      if (!found.posted.has(i)) {
        this.deps.log.warn(
          { digestId, missing: i, parentTs: found.ts },
          'slack digest: resuming a partial post',
        );
        this.partial.set(key, found);
        return null;
      }
    }
    this.partial.delete(key);
    return found.ts;
  }

  async postDigest(digest: Digest): Promise<string> {
    const { botUserId } = this.deps.bot();
    const plan = planDigest(digest, { ...this.deps.render, botUserId });
    const channel = digest.channelId;
    const key = `${channel}\u0000${digest.id}`;
    const resume = this.partial.get(key);
    this.partial.delete(key);
    const since = new Date(this.now().getTime() - 60 * 60_000);

    const parentTs =
      resume?.ts ??
      (await this.postChecked(channel, plan.parent, null, async () => {
        return (await this.lookup(channel, digest.id, since))?.ts ?? null;
      }));
    const posted = resume?.posted ?? new Set<number>();
    for (const [i, part] of plan.parts.entries()) {
      const n = i + 1;
      if (posted.has(n)) continue;
      await this.postChecked(channel, part, parentTs, async () =>
        (await this.listParts(channel, parentTs, digest.id)).has(n) ? parentTs : null,
      );
    }
    await this.deps.threads.remember(channel, parentTs, {
      digestId: digest.id,
      storyIds: digest.stories.map((s) => s.storyId),
    });
    return parentTs;
  }

  /** Posts; when the outcome is unknown, asks `check` whether it landed before posting once more. */
  private async postChecked(
    channel: string,
    message: SlackMessage,
    threadTs: string | null,
    check: () => Promise<string | null>,
  ): Promise<string> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const res = await this.deps.api.post('chat.postMessage', {
          channel,
          text: message.text,
          blocks: message.blocks,
          ...(message.metadata ? { metadata: message.metadata } : {}),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
          parse: 'none',
        });
        return String(res.ts);
      } catch (err) {
        if (
          err instanceof SlackCallError &&
          (err.slackError === 'not_in_channel' || err.slackError === 'channel_not_found')
        ) {
          throw new SlackCallError(
            `slack chat.postMessage in ${channel}: ${err.slackError} — invite the bot to the channel (/invite @chipbrief) so it can post the digest`,
            err.slackError,
            false,
            { cause: err },
          );
        }
        if (!(err instanceof SlackCallError) || !err.ambiguous || attempt >= 1) throw err;
        const landed = await check();
        if (landed) return landed;
      }
    }
  }

  private async lookup(channel: string, digestId: string, since: Date): Promise<Found | null> {
    const { botId } = this.deps.bot();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const res = await this.read('conversations.history', {
        channel,
        oldest: (since.getTime() / 1000).toFixed(6),
        include_all_metadata: true,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const m of messagesOf(res)) {
        const payload = metaPayload(m, DIGEST_EVENT);
        if (!payload || payload.digest_id !== digestId) continue;
        if (botId && m.bot_id && m.bot_id !== botId) continue;
        const ts = String(m.ts);
        const parts = typeof payload.parts === 'number' ? payload.parts : 0;
        const posted = parts > 0 ? await this.listParts(channel, ts, digestId) : new Set<number>();
        return { ts, parts, posted };
      }
      cursor = nextCursor(res);
      if (!cursor) return null;
    }
    return null;
  }

  private async listParts(channel: string, ts: string, digestId: string): Promise<Set<number>> {
    const found = new Set<number>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const res = await this.read('conversations.replies', {
        channel,
        ts,
        include_all_metadata: true,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const m of messagesOf(res)) {
        const payload = metaPayload(m, DIGEST_PART_EVENT);
        if (payload?.digest_id === digestId && typeof payload.part === 'number') found.add(payload.part);
      }
      cursor = nextCursor(res);
      if (!cursor) break;
    }
    return found;
  }

  private async read(method: string, args: Record<string, unknown>): Promise<SlackResult> {
    try {
      return await this.deps.api.read(method, args);
    } catch (err) {
      if (err instanceof SlackCallError && err.permanent) {
        throw new SlackCallError(
          `slack ${method} in ${String(args.channel)}: ${err.slackError} — the bot cannot check this channel for an earlier post of the digest; invite it to the channel (channels:history / groups:history scopes)`,
          err.slackError,
          false,
          { cause: err },
        );
      }
      throw err;
    }
  }
}
