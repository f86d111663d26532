/**
 * Logical job ids follow the design (`article:<id>`, `brief:<story>:<hash>`,
 * `digest:<platform>:<channel>:<date>`): they are what the store and the platforms see. BullMQ refuses
 * custom ids containing ':' (unless they split into exactly three parts, a legacy repeatable-job shape),
 * and integer ids. Every enqueue goes through `bullJobId`, so the same logical id is always the same
 * BullMQ id and a repeated enqueue is a no-op.
 *
 * The mapping is injective: '%' and '|' are percent-escaped first, then ':' becomes '|'.
 */
export function bullJobId(logicalId: string): string {
  if (logicalId.length === 0) throw new Error('empty job id');
  return logicalId.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/:/g, '|');
}

/** Inverse of `bullJobId` (for `chipbrief queues` and logs). */
export function logicalJobId(bullId: string): string {
  return bullId.replace(/\|/g, ':').replace(/%7C/g, '|').replace(/%25/g, '%');
}

/** `article:<id>` — the id of the article the input will be stored under. */
export function articleJobId(articleId: string): string {
  return `article:${articleId}`;
}

/** `brief:<story>:<hash>` — one brief job per story content. */
export function briefJobId(storyId: string, contentHash: string): string {
  return `brief:${storyId}:${contentHash}`;
}

/** `poll:<source>:<slot>` — one poll per source per interval slot, whatever the number of schedulers. */
export function pollJobId(sourceId: string, slot: number): string {
  return `poll:${sourceId}:${slot}`;
}

/** `answer:<platform>:<event>` — a redelivered platform event is answered once. */
export function answerJobId(platform: string, eventId: string): string {
  return `answer:${platform}:${eventId}`;
}
