import type { APIMessage } from 'discord.js';
import type { AnswerFocus } from '../../src/answers/answer.js';
import { rememberThread } from '../../src/answers/thread-context.js';
import { articleId } from '../../src/articles/identity.js';
import { digestId as makeDigestId } from '../../src/digests/digest.js';
import type { Logger } from '../../src/log.js';
import type { Store } from '../../src/store/port.js';
import { digestRef, parseOverviewFooter } from './digest-ref.js';
import type { DiscordApi } from './discord-api.js';

export interface ThreadContextInput {
  digestId: string | null;
  storyIds: readonly string[];
  /** The answer's question as understood: the thread's first turn, so "he" and "and tariffs?" work. */
  turn?: { question: string; focus: AnswerFocus; at: string } | null;
}

/**
 * What a Discord conversation is about, kept in the store's `threads` so the answers engine answers
 * follow-ups with its stories. Keys: `channelId` is the channel a thread hangs off (the DM channel for
 * DMs) and `threadRef` the thread's id — on Discord, the id of the message the thread was started from.
 * So a digest's record is keyed by its overview message, an answer's by the answer message: a thread
 * someone opens on it later has that id.
 *
 * Written at post time when the process has the store (`serve`); otherwise — or when the record was
 * lost — recovered from the thread's starter message, which says what it is: a digest overview carries
 * its date and reference in its footer (the story ids come from the store's digest record), an answer
 * links its sources (the story ids come from the articles those links identify).
 *
 * Failures here never fail a post or a command: a thread without context still gets an answer.
 */
export class ThreadRecorder {
  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  /** Adds this context to the record of (channelId, threadRef), creating it when missing; keeps turns. */
  async remember(channelId: string, threadRef: string, input: ThreadContextInput): Promise<void> {
    try {
      await rememberThread(this.store, {
        platform: 'discord',
        channelId,
        threadRef,
        digestId: input.digestId,
        storyIds: input.storyIds,
        turn: input.turn ?? null,
      });
    } catch (err) {
      this.log.warn({ err, channelId, threadRef }, 'discord: could not record thread context');
    }
  }

  /**
   * Makes sure a thread the bot was mentioned in has a record when its starter is a chipbrief message.
   * `threadId` is the thread channel (= starter message id), `parentId` the channel it hangs off.
   */
  async recover(api: DiscordApi, parentId: string, threadId: string): Promise<void> {
    try {
      if (await this.store.getThread('discord', parentId, threadId)) return;
      const [starter, bot] = await Promise.all([api.getMessage(parentId, threadId), api.botUser()]);
      if (starter.author.id !== bot.id) return;
      const digest = await this.digestOf(parentId, starter);
      if (digest) {
        await this.remember(parentId, threadId, digest);
        return;
      }
      const storyIds = await this.storiesLinkedFrom(starter);
      if (storyIds.length > 0) await this.remember(parentId, threadId, { digestId: null, storyIds });
    } catch (err) {
      this.log.warn({ err, parentId, threadId }, 'discord: could not read the thread starter for context');
    }
  }

  private async digestOf(parentId: string, m: APIMessage): Promise<ThreadContextInput | null> {
    for (const e of m.embeds) {
      const footer = e.footer?.text ? parseOverviewFooter(e.footer.text) : null;
      if (!footer) continue;
      const id = makeDigestId('discord', parentId, footer.date);
      if (digestRef(id) !== footer.ref) return null;
      const record = await this.store.getDigest(id);
      return { digestId: id, storyIds: record?.storyIds ?? [] };
    }
    return null;
  }

  /** Story ids of the articles an answer message links to (its sources' URLs identify the articles). */
  private async storiesLinkedFrom(m: APIMessage): Promise<string[]> {
    const urls = new Set<string>();
    for (const e of m.embeds) {
      if (e.url) urls.add(e.url);
      for (const text of [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]) {
        for (const link of text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)) urls.add(link[1]!);
      }
    }
    if (urls.size === 0) return [];
    const ids = [...urls].slice(0, 50).map((u) => articleId(decodeLink(u), ''));
    const articles = await this.store.getArticles(ids);
    const stories: string[] = [];
    for (const a of articles) if (a.storyId && !stories.includes(a.storyId)) stories.push(a.storyId);
    return stories;
  }
}

/** Undoes the adapter's own link encoding (`(`, `)` and spaces percent-encoded in `safeUrl`). */
function decodeLink(url: string): string {
  return url.replace(/%28/g, '(').replace(/%29/g, ')').replace(/%20/g, ' ');
}
