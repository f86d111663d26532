/** The queues, in pipeline order. Names are part of the Redis key layout: never rename one. */
export const QUEUE_NAMES = ['poll', 'article', 'brief', 'digest', 'answer'] as const;

export type QueueName = (typeof QUEUE_NAMES)[number];

export function isQueueName(s: string): s is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(s);
}
