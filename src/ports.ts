import type { z } from 'zod';
import type { Answer, CommandContext } from './answers/answer.js';
import type { Digest, Platform } from './digests/digest.js';

export type * from './store/port.js';

/** Time, injected so schedules and digests are testable. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface FetchOptions {
  /** Conditional GET validators from the last poll. */
  etag?: string | null;
  lastModified?: string | null;
  /** Accept header; defaults to HTML and XML. */
  accept?: string;
}

export interface FetchResult {
  /** Final URL after redirects. */
  url: string;
  status: number;
  /** True on 304: the body is empty and the validators are unchanged. */
  notModified: boolean;
  contentType: string;
  /** Raw bytes; decode with the charset rules of src/articles. */
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

/** HTTP(S) fetching with the SSRF guard, size cap and timeout. */
export interface Fetcher {
  /** Fetches one URL; throws FetchRefusedError or ChipbriefError (FETCH_*) on failure. */
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
}

export interface LlmRequest<T> {
  /** Prompt id@version, recorded with what the answer produced. */
  promptId: string;
  system: string;
  user: string;
  /** Validates the model's JSON; also the source of the json_schema response format. */
  schema: z.ZodType<T>;
  schemaName: string;
  maxOutputTokens?: number;
}

export interface LlmResult<T> {
  value: T;
  tokensIn: number;
  tokensOut: number;
  model: string;
}

/** A chat model answering in JSON. Adapters map transport errors to LLM_* ChipbriefErrors. */
export interface Llm {
  readonly model: string;
  /** One structured completion, validated by `request.schema`; throws LLM_INVALID_OUTPUT when it does not fit. */
  complete<T>(request: LlmRequest<T>): Promise<LlmResult<T>>;
}

/** Where a reply goes; adapters put what they need (response_url, interaction token) in `via`. */
export interface ReplyTarget {
  platform: Platform;
  channelId: string;
  threadRef: string | null;
  via: Record<string, string>;
}

/** An adapter's posting side, used by the digest and answer jobs. */
export interface PlatformPort {
  readonly platform: Platform;
  /**
   * Looks on the platform for a message already posted for this digest (Slack message metadata,
   * Discord nonce); returns its reference or null. Called before a retried post.
   */
  findPostedDigest(channelId: string, digestId: string, since: Date): Promise<string | null>;
  /** Posts the digest (overview and per-story messages); returns the parent message reference. */
  postDigest(digest: Digest): Promise<string>;
  /**
   * Replies to a command or follow-up; returns the message reference (thread key for follow-ups).
   * With `delivery` (the answer job always passes it) each rendered part is posted at most once across
   * job retries and worker crashes: parts the delivery records as sent are skipped, and on a retry the
   * adapter looks on the platform for parts tagged with `delivery.replyId` where it can (see each
   * adapter's replier for what cannot be looked up). Without it, a second call posts again.
   */
  reply(target: ReplyTarget, answer: Answer, delivery?: ReplyDelivery): Promise<string>;
}

/**
 * One answer's delivery across the attempts of its job, so a retry posts only what is missing.
 * Parts are the 0-based messages the adapter renders the answer into; an adapter renders the same
 * answer into the same parts on every attempt.
 */
export interface ReplyDelivery {
  /** Stable across retries, workers and restarts (the answer job's logical id); tags every part. */
  readonly replyId: string;
  /** True when an earlier attempt of this reply started: parts may be on the platform already. */
  readonly retry: boolean;
  /** Whether an earlier attempt recorded part `index` as posted. */
  wasSent(index: number): boolean;
  /**
   * Records part `index` as posted; the adapter awaits it before posting the next part. A crash
   * between the platform accepting a part and this record is what the platform look-up is for.
   */
  markSent(index: number): Promise<void>;
}

/** A command or follow-up an adapter received; the answer job turns it into an Answer and a reply. */
export interface InboundCommand {
  /** Text after `/chipbrief`, or the text of a mention / DM with the bot's mention removed. */
  text: string;
  /** True for a thread follow-up, mention or DM (read as a free question), false for a slash command. */
  followUp: boolean;
  ctx: CommandContext;
  target: ReplyTarget;
  receivedAt: string;
  /** The platform's id of the event: the answer job id, so a redelivered event is answered once. */
  eventId: string;
}

/** Where adapters hand inbound commands: the queue in service mode, a direct call in tests/CLI. */
export interface CommandSink {
  /** Accepts the command for answering; resolves quickly (the adapter acks before the answer exists). */
  submit(command: InboundCommand): Promise<void>;
}
