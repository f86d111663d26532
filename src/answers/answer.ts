import type { RenderedQuote, SourceLink } from '../briefs/brief.js';
import type { Platform } from '../digests/digest.js';

export type CommandName =
  | 'help'
  | 'digest'
  | 'firm'
  | 'policy'
  | 'who'
  | 'ask'
  | 'sources'
  | 'subscribe'
  | 'unsubscribe';

/** A parsed `/chipbrief ...` command: one grammar for every platform. */
export type Command =
  | { name: 'help'; reason?: string }
  | { name: 'digest' }
  | { name: 'firm' | 'policy' | 'who' | 'ask'; arg: string }
  | { name: 'sources'; action: 'list' }
  | { name: 'sources'; action: 'add'; url: string }
  | { name: 'sources'; action: 'remove'; id: string }
  | { name: 'subscribe'; time: string | null; tz: string | null; filters: string[] }
  | { name: 'unsubscribe' };

/** Who asks, where: adapters fill it from the platform event. */
export interface CommandContext {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  userId: string;
  /** Thread the question was asked in (Slack thread_ts, Discord thread channel id), if any. */
  threadRef: string | null;
  /** Decided by the adapter (config admins, workspace admin, Manage Server). */
  isAdmin: boolean;
}

export interface Citation extends SourceLink {
  n: number;
  storyId: string;
  /** Other copies of the same story (reprints, spun copies): shown as "also reported by", never as extra sources. */
  alsoReportedBy?: SourceLink[];
}

/** What a thread remembers of one answer, so follow-ups can say "he" or "and tariffs?". */
export interface AnswerFocus {
  people: string[];
  firms: string[];
  policies: string[];
  topic: string | null;
}

/** A platform-neutral answer. `parts` are short paragraphs that cite sources as [n]. */
export interface Answer {
  kind: 'answer' | 'help' | 'empty' | 'refused' | 'done' | 'digest';
  title: string;
  parts: string[];
  quotes: RenderedQuote[];
  citations: Citation[];
  /** Commands to try next (shown when nothing relevant was found). */
  suggestions: string[];
  /** Whether it should be visible to the channel (answers) or only to the asker (help, refusals). */
  visibility: 'channel' | 'ephemeral';
  storyIds: string[];
  /**
   * The question as understood (pronouns and ellipsis resolved) and its entities: what the thread stores
   * for follow-ups. Absent on help, refusals and admin confirmations.
   */
  understood?: { question: string; focus: AnswerFocus };
  /** For kind 'digest': the digest to (re)post, when this channel has one. */
  digestId?: string | null;
}
