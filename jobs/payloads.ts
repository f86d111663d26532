import { z } from 'zod';
import type { QueueName } from './queue-names.js';

/**
 * Job payloads, validated when a job is added and again when a worker takes it (a payload written by
 * an older or newer version fails for good instead of half-running).
 */
const platform = z.enum(['slack', 'discord', 'console']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/** A registered source (conditional GET, its priority) or a one-off feed URL (`enqueue --feed`). */
export const pollPayload = z
  .object({
    sourceId: z.string().min(1).nullable().default(null),
    feedUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
  })
  .refine((p) => (p.sourceId === null) !== (p.feedUrl === null), 'a poll names a sourceId or a feedUrl');

export const articlePayload = z.object({
  /** http(s) URL, file:// URL or absolute file path. */
  input: z.string().min(1),
  sourceId: z.string().min(1).nullable().default(null),
  sourcePriority: z.number().int().default(0),
});

export const briefPayload = z.object({
  storyId: z.string().min(1),
  /** Hash of the story's members when the job was enqueued; a newer job supersedes it. */
  contentHash: z.string().min(1),
});

export const digestPayload = z.object({
  platform,
  channelId: z.string().min(1),
  date: isoDate,
});

const replyTarget = z.object({
  platform,
  channelId: z.string(),
  threadRef: z.string().nullable(),
  via: z.record(z.string(), z.string()),
});

export const answerPayload = z.object({
  text: z.string(),
  followUp: z.boolean(),
  ctx: z.object({
    platform,
    workspaceId: z.string(),
    channelId: z.string(),
    userId: z.string(),
    threadRef: z.string().nullable(),
    isAdmin: z.boolean(),
  }),
  target: replyTarget,
  receivedAt: z.string(),
  eventId: z.string().min(1),
});

export const PAYLOADS = {
  poll: pollPayload,
  article: articlePayload,
  brief: briefPayload,
  digest: digestPayload,
  answer: answerPayload,
} as const satisfies Record<QueueName, z.ZodType>;

export type PollPayload = z.infer<typeof pollPayload>;
export type ArticlePayload = z.infer<typeof articlePayload>;
export type BriefPayload = z.infer<typeof briefPayload>;
export type DigestPayload = z.infer<typeof digestPayload>;
export type AnswerPayload = z.infer<typeof answerPayload>;

export type Payloads = {
  [Q in QueueName]: z.infer<(typeof PAYLOADS)[Q]>;
};
export type PayloadInput<Q extends QueueName> = z.input<(typeof PAYLOADS)[Q]>;
