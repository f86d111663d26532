import { packGroups } from '../../src/chat/pack-groups.js';
import { type Embed, embedChars, LIMITS } from './limits.js';
import { isUnsafeCut } from './markdown.js';

/**
 * Splits text into chunks of at most `max` characters, cutting at a paragraph break, else a line break,
 * else a space, else anywhere safe (never inside a `\x` escape or a surrogate pair). Only the whitespace
 * at each cut is dropped: no word is lost, so a long verbatim quote continues rather than being cut off.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('splitText: max must be at least 2');
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = lastBreak(window, '\n\n', max);
    if (cut < 0) cut = lastBreak(window, '\n', max);
    if (cut < 0) cut = lastBreak(window, ' ', max);
    if (cut <= 0) {
      cut = max;
      while (cut > 1 && isUnsafeCut(rest, cut)) cut -= 1;
    }
    const head = rest.slice(0, cut).trimEnd();
    if (head) out.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

/** Index of the last `sep` at which a cut leaves a chunk of at most `max`, or -1 (ignores position 0). */
function lastBreak(window: string, sep: string, max: number): number {
  const i = window.lastIndexOf(sep, max);
  return i > 0 ? i : -1;
}

/**
 * Embeds for a long text: the first carries `first` (title, url, fields, footer …) and as much of the
 * text as fits in its description; the rest continue in plain embeds with the same colour.
 */
export function textEmbeds(text: string, first: Omit<Embed, 'description'> = {}): Embed[] {
  const chunks = splitText(text, LIMITS.description);
  if (chunks.length === 0) return first.title || first.fields?.length ? [{ ...first }] : [];
  return chunks.map((description, i) =>
    i === 0 ? { ...first, description } : { description, ...(first.color ? { color: first.color } : {}) },
  );
}

export interface PackLimits {
  maxEmbeds: number;
  maxChars: number;
}

export const DEFAULT_PACK: PackLimits = {
  maxEmbeds: LIMITS.embedsPerMessage,
  maxChars: LIMITS.embedCharsPerMessage,
};

/**
 * Packs groups of embeds (one story, one quote, the sources) into messages within Discord's 10 embeds
 * and 6000 characters per message (see packGroups). Each embed must itself fit in a message (the
 * renderers build them so).
 */
export function packEmbeds(groups: readonly Embed[][], limits: PackLimits = DEFAULT_PACK): Embed[][] {
  return packGroups(groups, { maxParts: limits.maxEmbeds, maxChars: limits.maxChars }, embedChars);
}
