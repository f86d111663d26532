import type { Speaker } from '../quotes/quote.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Nov 2026" (UTC), or null when there is no usable date. */
export function shortDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "Dana Whitfield (senior fellow at the Pacific Trade Institute)", or the unnamed source's description. */
export function speakerLabel(s: Speaker): string {
  if (!s.name) return s.role ? `an unnamed source (${s.role})` : 'an unnamed source';
  return s.role ? `${s.name} (${s.role})` : s.name;
}

/** "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Citation marks for a set of numbers: "[1][3]". */
export function marks(ns: Iterable<number>): string {
  return [...new Set(ns)]
    .sort((a, b) => a - b)
    .map((n) => `[${n}]`)
    .join('');
}

/** Cuts text at a word boundary with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}\u2026`;
}
