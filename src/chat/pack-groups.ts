/** A platform's per-message budget: how many parts (blocks, embeds, …) and how many characters. */
export interface GroupLimits {
  maxParts: number;
  maxChars: number;
}

/**
 * Packs groups of message parts (one story, one quote with its attribution, the sources) into messages
 * within a platform's limits, in order. A group stays in one message when it fits in one, so a story is
 * not torn across messages; a group bigger than a message is cut between parts. Each part must itself
 * fit in a message (renderers build them so). Never returns an empty message; returns [] for no parts.
 * Shared by every chat adapter: only the part type and how its characters count differ per platform.
 */
export function packGroups<T>(
  groups: readonly (readonly T[])[],
  limits: GroupLimits,
  charsOf: (part: T) => number,
): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let chars = 0;
  const flush = () => {
    if (cur.length > 0) out.push(cur);
    cur = [];
    chars = 0;
  };
  for (const group of groups) {
    const size = group.reduce((n, p) => n + charsOf(p), 0);
    const fitsAlone = group.length <= limits.maxParts && size <= limits.maxChars;
    if (fitsAlone && (cur.length + group.length > limits.maxParts || chars + size > limits.maxChars)) flush();
    for (const part of group) {
      const n = charsOf(part);
      if (cur.length + 1 > limits.maxParts || (cur.length > 0 && chars + n > limits.maxChars)) flush();
      cur.push(part);
      chars += n;
    }
  }
  flush();
  return out;
}
