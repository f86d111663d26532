import type { Article } from '../articles/article.js';
import type { Brief } from '../briefs/brief.js';
import type { Filters } from '../config.js';
import type { Platform } from '../digests/digest.js';
import type { Mention } from '../entities/mention.js';
import type { Quote } from '../quotes/quote.js';
import type { Story } from '../stories/story.js';

/** A quote as stored: tied to its article. */
export interface StoredQuote extends Quote {
  articleId: string;
}

export interface Source {
  id: string;
  kind: 'rss' | 'atom' | 'url';
  url: string;
  name: string | null;
  enabled: boolean;
  addedBy: string | null;
  priority: number;
  pollMinutes: number;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
}

export interface Subscription {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  /** Local time HH:MM; the scheduler derives the cron from it. */
  time: string;
  tz: string;
  filters: Filters;
  createdBy: string | null;
}

export interface DigestRecord {
  id: string;
  platform: Platform;
  channelId: string;
  date: string;
  storyIds: string[];
  /** Set when posting started: a retry that finds it set must look on the platform before posting. */
  attemptedAt: string | null;
  messageRef: string | null;
  postedAt: string | null;
}

export interface ThreadTurn {
  question: string;
  /** Resolved entities of the turn (people, firms, policies) so follow-ups can refer back. */
  focus: { people: string[]; firms: string[]; policies: string[]; topic: string | null };
  storyIds: string[];
  at: string;
}

export interface ThreadRecord {
  platform: Platform;
  channelId: string;
  threadRef: string;
  digestId: string | null;
  storyIds: string[];
  turns: ThreadTurn[];
}

export interface SearchHit {
  articleId: string;
  storyId: string | null;
  /** Higher is better (negated BM25 so both stores agree on direction). */
  score: number;
}

/** A brief matching a search; a story with several briefs (prompt versions, models) can have several. */
export interface BriefHit {
  briefId: string;
  storyId: string;
  /** Higher is better (negated BM25, as SearchHit). */
  score: number;
}

export interface QuoteHit {
  quote: StoredQuote;
  score: number;
}

export interface StoreStats {
  articles: number;
  stories: number;
  quotes: number;
  briefs: number;
  llmCalls: number;
  tokensIn: number;
  tokensOut: number;
}

export interface LlmUsageDay {
  day: string;
  calls: number;
  tokensIn: number;
  tokensOut: number;
  fallbacks: number;
}

/** Articles with their quotes and mentions. */
export interface ArticleRepo {
  /** Inserts the article with its quotes and mentions atomically; a second insert of the same id is a no-op. */
  putArticle(
    article: Article,
    quotes: readonly Quote[],
    mentions: readonly Mention[],
  ): Promise<{ inserted: boolean }>;
  /** One article by id, or null. */
  getArticle(id: string): Promise<Article | null>;
  /** Several articles by id, in the order asked (missing ids skipped). */
  getArticles(ids: readonly string[]): Promise<Article[]>;
  /** The article with this exact normalised-text hash, if any (exact-duplicate check). */
  findByContentHash(contentHash: string): Promise<Article | null>;
  /** Assigns an article to a story. */
  setArticleStory(articleId: string, storyId: string): Promise<void>;
  /** Quotes of one article, in text order. */
  getQuotes(articleId: string): Promise<StoredQuote[]>;
  /** Quotes by id (`${articleId}:${start}`), in the order asked. */
  getQuotesById(ids: readonly string[]): Promise<StoredQuote[]>;
  /** Mentions of one article. */
  getMentions(articleId: string): Promise<Mention[]>;
  /** Articles that mention this canonical entity, newest first. */
  articlesMentioning(kind: Mention['kind'], canonical: string, limit: number): Promise<Article[]>;
  /** Every article id, oldest first (export, re-clustering). */
  listArticleIds(options?: { limit?: number; after?: string }): Promise<string[]>;
}

/** Stories and the persisted near-duplicate index that finds a story without scanning every article. */
export interface StoryRepo {
  /** Creates the story, or does nothing when it exists. */
  putStory(story: Story): Promise<void>;
  /** Updates canonical article and last_seen. */
  updateStory(id: string, patch: Partial<Pick<Story, 'canonicalArticleId' | 'lastSeen'>>): Promise<void>;
  getStory(id: string): Promise<Story | null>;
  /** Members of a story, canonical first, then by published date. */
  storyMembers(storyId: string): Promise<Article[]>;
  /** Stories first seen in [from, to), oldest first. */
  storiesFirstSeen(from: string, to: string): Promise<Story[]>;
  /** Adds index keys (LSH band hashes, quote keys) for an article. */
  addIndexKeys(articleId: string, keys: readonly string[]): Promise<void>;
  /** Articles sharing at least one key, with how many keys they share; most shared first. */
  findByIndexKeys(keys: readonly string[], limit: number): Promise<{ articleId: string; shared: number }[]>;
  /** Stores the article's similarity sketch (MinHash signature, quote keys ...), opaque to the store. */
  putSketch(articleId: string, sketch: string): Promise<void>;
  /** Sketches by article id. */
  getSketches(articleIds: readonly string[]): Promise<Map<string, string>>;
  /** Deletes a story that no article belongs to any more (merged into another); false otherwise. */
  removeStory(id: string): Promise<boolean>;
}

/** Briefs, cached by (contentHash, promptVersion, model), and LLM usage accounting. */
export interface BriefRepo {
  /** The cached brief for exactly this content, prompt and model, or null. */
  findBrief(
    storyId: string,
    contentHash: string,
    promptVersion: string,
    model: string,
  ): Promise<Brief | null>;
  /**
   * Stores a brief; when one exists for the same cache key the existing one is kept and returned. Brief
   * ids derive from the cache key, so an id already stored under another key is a collision or a
   * caller's bug: it throws STORE_FAILED (permanent) rather than return another story's brief.
   */
  putBrief(brief: Brief): Promise<Brief>;
  /** The newest brief of a story (any prompt or model). */
  latestBrief(storyId: string): Promise<Brief | null>;
  /** Adds to the day's LLM usage (day = UTC YYYY-MM-DD). */
  recordLlmUsage(
    day: string,
    usage: { calls: number; tokensIn: number; tokensOut: number; fallbacks: number },
  ): Promise<void>;
  /** Usage of one day. */
  llmUsage(day: string): Promise<LlmUsageDay>;
}

/** Sources, subscriptions, digests and threads: what the bot does per channel. */
export interface ChannelRepo {
  /** Adds a source (id derived from the URL); returns the existing one when the URL is known. */
  addSource(source: Omit<Source, 'id' | 'etag' | 'lastModified' | 'lastPolledAt'>): Promise<Source>;
  /**
   * Adds a source or, when its URL is known, sets its kind, name, enabled, owner, priority and poll
   * interval to these, keeping its poll state (how `serve` applies the config file at every start).
   */
  putSource(source: Omit<Source, 'id' | 'etag' | 'lastModified' | 'lastPolledAt'>): Promise<Source>;
  listSources(): Promise<Source[]>;
  /** Removes a source; false when there was none. */
  removeSource(id: string): Promise<boolean>;
  /** Records a poll (conditional-GET validators and time). */
  markSourcePolled(
    id: string,
    state: { etag: string | null; lastModified: string | null; at: string },
  ): Promise<void>;

  /** Creates or replaces the subscription of a channel. */
  upsertSubscription(sub: Subscription): Promise<void>;
  listSubscriptions(): Promise<Subscription[]>;
  getSubscription(platform: Platform, channelId: string): Promise<Subscription | null>;
  /** Removes a channel's subscription; false when there was none. */
  removeSubscription(platform: Platform, channelId: string): Promise<boolean>;

  /**
   * Claims the (platform, channel, date) digest: the first caller creates the record with these story
   * ids; later callers get the existing record unchanged. Enforced by a unique constraint.
   */
  claimDigest(
    record: Pick<DigestRecord, 'id' | 'platform' | 'channelId' | 'date' | 'storyIds'>,
  ): Promise<DigestRecord>;
  /** Notes that posting is about to start (before the platform call). */
  markDigestAttempt(id: string, at: string): Promise<void>;
  /** Notes the posted message. */
  markDigestPosted(id: string, messageRef: string, at: string): Promise<void>;
  getDigest(id: string): Promise<DigestRecord | null>;
  /** The newest posted digest of a channel before `beforeDate` (exclusive), if any. */
  lastDigest(platform: Platform, channelId: string, beforeDate?: string): Promise<DigestRecord | null>;
  /** Story ids already in any digest of this channel (each story once per channel). */
  digestedStoryIds(platform: Platform, channelId: string): Promise<Set<string>>;

  getThread(platform: Platform, channelId: string, threadRef: string): Promise<ThreadRecord | null>;
  /** Creates or replaces a thread's context. */
  saveThread(thread: ThreadRecord): Promise<void>;
}

/** Full-text search (BM25) over articles, briefs and quotes. */
export interface SearchRepo {
  /** Articles matching the words of `query`, best first (ties by id); title hits weigh 4x body hits. */
  searchArticles(query: string, limit: number): Promise<SearchHit[]>;
  /** Briefs matching the words of `query`, best first (ties by id); headline hits weigh 4x bullet hits. */
  searchBriefs(query: string, limit: number): Promise<BriefHit[]>;
  /** Quotes whose text or speaker match `query`, best first. */
  searchQuotes(query: string, limit: number): Promise<QuoteHit[]>;
  /** Quotes by a speaker (name or surname, case-insensitive), newest article first. */
  quotesBySpeaker(name: string, limit: number): Promise<StoredQuote[]>;
}

/** The store: one port, implemented by SQLite (embedded default) and PostgreSQL. */
export interface Store extends ArticleRepo, StoryRepo, BriefRepo, ChannelRepo, SearchRepo {
  readonly kind: 'sqlite' | 'postgres';
  /** Counts for `chipbrief stats`. */
  stats(): Promise<StoreStats>;
  /** Runs `fn` in one transaction (serialised with other writers). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** Cheap liveness check for /healthz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
