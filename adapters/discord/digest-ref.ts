import { createHash } from 'node:crypto';

/**
 * Discord nonces are at most 25 characters and digest ids are longer, so each digest gets a short,
 * deterministic reference: the same on every replica, retry and restart. It is the nonce of the
 * overview message (`enforce_nonce` makes Discord return the first message instead of posting a second
 * one within a few minutes) and, because Discord echoes nonces only briefly, it is also written into the
 * overview's footer and each thread message, where `findPostedDigest` finds it any time later.
 */
export function digestRef(digestId: string): string {
  return `cb${hex(digestId)}`;
}

/** Nonce of the thread message `part` (1-based) of a digest. */
export function partNonce(digestId: string, part: number): string {
  return `cb${hex(`${digestId}#${part}`)}`;
}

/** Nonce of message `index` of the reply to an inbound event: a retried answer job is posted once. */
export function replyNonce(eventId: string, index: number): string {
  return `cr${hex(`${eventId}#${index}`)}`;
}

function hex(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 22);
}

const OVERVIEW_FOOTER =
  /chipbrief digest \u00b7 (\d{4}-\d{2}-\d{2}) \u00b7 (\d+) parts? \u00b7 ref (cb[0-9a-f]{22})$/;
const PART_MARK = /part (\d+)\/(\d+) \u00b7 ref (cb[0-9a-f]{22})$/;

/** Footer text of a digest overview: date, number of thread messages, reference. */
export function overviewFooter(date: string, parts: number, ref: string): string {
  return `chipbrief digest \u00b7 ${date} \u00b7 ${parts} ${parts === 1 ? 'part' : 'parts'} \u00b7 ref ${ref}`;
}

export function parseOverviewFooter(text: string): { date: string; parts: number; ref: string } | null {
  const m = OVERVIEW_FOOTER.exec(text);
  return m ? { date: m[1]!, parts: Number(m[2]), ref: m[3]! } : null;
}

/** The small print (`-#` subtext) that marks a thread message as part `part` of `parts` of a digest. */
export function partMark(part: number, parts: number, ref: string, stories: string): string {
  return `-# ${stories} \u00b7 part ${part}/${parts} \u00b7 ref ${ref}`;
}

export function parsePartMark(content: string): { part: number; parts: number; ref: string } | null {
  const m = PART_MARK.exec(content.trim());
  return m ? { part: Number(m[1]), parts: Number(m[2]), ref: m[3]! } : null;
}
