import type { Article } from '../articles/article.js';
import type { Brief } from '../briefs/brief.js';
import type { Platform } from '../digests/digest.js';
import type { Mention } from '../entities/mention.js';
import type { Story } from '../stories/story.js';
import type { DigestRecord, LlmUsageDay, Source, StoredQuote, Subscription, ThreadRecord } from './port.js';

/**
 * Rows as either store reads them back, turned into the port's types. SQLite and PostgreSQL keep the
 * same tables and column names (migrations-tables.ts), so one mapper per table serves both dialects:
 * a column added to a table is read in one place.
 */
export type Row = Record<string, unknown>;

/** JSON columns (bullets, quote ids, story ids, filters, turns): a damaged value reads as `fallback`. */
export const json = {
  parse<T>(s: unknown, fallback: T): T {
    if (typeof s !== 'string') return fallback;
    try {
      return JSON.parse(s) as T;
    } catch {
      return fallback;
    }
  },
};

/** An `articles` row. */
export function rowToArticle(r: Row): Article {
  return {
    id: r.id as string,
    url: r.url as string,
    sourceId: (r.source_id as string | null) ?? null,
    title: r.title as string,
    byline: (r.byline as string | null) ?? null,
    siteName: (r.site_name as string | null) ?? null,
    publishedAt: (r.published_at as string | null) ?? null,
    fetchedAt: r.fetched_at as string,
    text: r.text as string,
    contentHash: r.content_hash as string,
    storyId: (r.story_id as string | null) ?? null,
  };
}

/** A `quotes` row, speaker columns folded into `speaker`. */
export function rowToQuote(r: Row): StoredQuote {
  return {
    id: r.id as string,
    articleId: r.article_id as string,
    start: r.start as number,
    end: r.end as number,
    text: r.text as string,
    speaker: {
      name: (r.speaker_name as string | null) ?? null,
      role: (r.speaker_role as string | null) ?? null,
      kind: r.speaker_kind as StoredQuote['speaker']['kind'],
    },
    cue: (r.cue as string | null) ?? null,
    verified: Boolean(r.verified),
  };
}

/** A `mentions` row. */
export function rowToMention(r: Row): Mention {
  return {
    kind: r.kind as Mention['kind'],
    canonical: r.canonical as string,
    surface: r.surface as string,
    start: r.start as number,
    count: r.count as number,
  };
}

/** A `stories` row. */
export function rowToStory(r: Row): Story {
  return {
    id: r.id as string,
    canonicalArticleId: r.canonical_article_id as string,
    firstSeen: r.first_seen as string,
    lastSeen: r.last_seen as string,
  };
}

/** A `briefs` row, its JSON columns parsed. */
export function rowToBrief(r: Row): Brief {
  return {
    id: r.id as string,
    storyId: r.story_id as string,
    contentHash: r.content_hash as string,
    promptVersion: r.prompt_version as string,
    model: r.model as string,
    summarizer: r.summarizer as Brief['summarizer'],
    headline: r.headline as string,
    bullets: json.parse<string[]>(r.bullets, []),
    quoteIds: json.parse<string[]>(r.quote_ids, []),
    tokensIn: r.tokens_in as number,
    tokensOut: r.tokens_out as number,
    fallbackReason: (r.fallback_reason as string | null) ?? null,
    createdAt: r.created_at as string,
  };
}

/** A day's LLM usage; a day with no row used nothing. */
export function rowToLlmUsage(day: string, r: Row | undefined): LlmUsageDay {
  return {
    day,
    calls: (r?.calls as number) ?? 0,
    tokensIn: (r?.tokens_in as number) ?? 0,
    tokensOut: (r?.tokens_out as number) ?? 0,
    fallbacks: (r?.fallbacks as number) ?? 0,
  };
}

/** A `sources` row. */
export function rowToSource(r: Row): Source {
  return {
    id: r.id as string,
    kind: r.kind as Source['kind'],
    url: r.url as string,
    name: (r.name as string | null) ?? null,
    enabled: Boolean(r.enabled),
    addedBy: (r.added_by as string | null) ?? null,
    priority: r.priority as number,
    pollMinutes: r.poll_minutes as number,
    etag: (r.etag as string | null) ?? null,
    lastModified: (r.last_modified as string | null) ?? null,
    lastPolledAt: (r.last_polled_at as string | null) ?? null,
  };
}

/** A `subscriptions` row, its filters parsed (none when damaged). */
export function rowToSubscription(r: Row): Subscription {
  return {
    platform: r.platform as Platform,
    workspaceId: r.workspace_id as string,
    channelId: r.channel_id as string,
    time: r.time as string,
    tz: r.tz as string,
    filters: json.parse(r.filters, { firms: [], policies: [], keywords: [] }),
    createdBy: (r.created_by as string | null) ?? null,
  };
}

/** A `digests` row, its story ids parsed. */
export function rowToDigest(r: Row): DigestRecord {
  return {
    id: r.id as string,
    platform: r.platform as Platform,
    channelId: r.channel_id as string,
    date: r.date as string,
    storyIds: json.parse<string[]>(r.story_ids, []),
    attemptedAt: (r.attempted_at as string | null) ?? null,
    messageRef: (r.message_ref as string | null) ?? null,
    postedAt: (r.posted_at as string | null) ?? null,
  };
}

/** A thread's row, under the key it was looked up by. */
export function rowToThread(
  key: Pick<ThreadRecord, 'platform' | 'channelId' | 'threadRef'>,
  r: Row,
): ThreadRecord {
  return {
    platform: key.platform,
    channelId: key.channelId,
    threadRef: key.threadRef,
    digestId: (r.digest_id as string | null) ?? null,
    storyIds: json.parse<string[]>(r.story_ids, []),
    turns: json.parse<ThreadRecord['turns']>(r.turns, []),
  };
}
