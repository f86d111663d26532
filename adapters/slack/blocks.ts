/**
 * The few Block Kit shapes the adapter sends, and Slack's size rules for them. Rendering stays plain data
 * (no SDK types) so it is tested without a Slack client.
 */

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** True: Slack does not auto-link URLs, channel names or mentions inside the text. */
  verbatim: true;
}

export type SlackBlock =
  | { type: 'section'; block_id?: string; text: MrkdwnText }
  | { type: 'context'; block_id?: string; elements: MrkdwnText[] }
  | { type: 'divider'; block_id?: string };

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, string | number | boolean>;
}

/** One message as sent: blocks plus the plain-text fallback (notifications, screen readers, old clients). */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  metadata?: MessageMetadata;
}

/** Slack's hard limits, and the budget this adapter keeps under (documented in DESIGN, Platforms). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  contextElementText: 2000,
  contextElements: 10,
  blockId: 255,
  /** Total text across a message's blocks: "well under ~12k". */
  messageChars: 9000,
  /** The fallback `text`: long enough for a notification preview, short enough never to matter. */
  fallbackText: 1500,
} as const;

export function mrkdwn(text: string): MrkdwnText {
  return { type: 'mrkdwn', text, verbatim: true };
}

/**
 * Cuts already-escaped mrkdwn into pieces of at most `limit` characters, preferring paragraph, line and
 * word boundaries, and never inside an entity (`&amp;`), a `<url|label>` link or a surrogate pair.
 */
export function splitMrkdwn(text: string, limit: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\s+/, '');
  }
  if (rest.length > 0 || out.length === 0) out.push(rest);
  return out;
}

function cutPoint(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const floor = Math.floor(limit / 2);
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = window.lastIndexOf(sep, limit);
    if (at >= floor) return safeCut(text, at);
  }
  return safeCut(text, limit);
}

/** Moves a cut left out of an `&…;` entity, a `<…>` link or a surrogate pair. */
function safeCut(text: string, at: number): number {
  let cut = at;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && amp > cut - 6 && /^&(amp|lt|gt);/.test(text.slice(amp)) && text.indexOf(';', amp) >= cut) {
    cut = amp;
  }
  const open = text.lastIndexOf('<', cut - 1);
  if (open >= 0 && text.lastIndexOf('>', cut - 1) < open) cut = open;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut > 0 ? cut : at;
}

/** Section blocks for a long mrkdwn text: as many as needed, each within the section limit. */
export function sections(text: string, prefixEachLine = ''): SlackBlock[] {
  const pieces = fitPieces(text, prefixEachLine, LIMITS.sectionText - 100).filter((p) => p.trim().length > 0);
  // Slack rejects a section without text.
  return pieces.map((piece) => ({
    type: 'section' as const,
    text: mrkdwn(piece),
  }));
}

function fitPieces(text: string, prefix: string, budget: number): string[] {
  return splitMrkdwn(text, budget).flatMap((piece) => {
    const shown = prefix ? piece.replace(/^/gm, prefix) : piece;
    // A line prefix (a quote's `>`) on many short lines can push a piece over: cut it finer.
    if (shown.length <= LIMITS.sectionText || budget < 64) return [shown.slice(0, LIMITS.sectionText)];
    return fitPieces(piece, prefix, Math.floor(budget / 2));
  });
}

/** A context block: small grey lines, each element within its limit. */
export function context(...lines: string[]): SlackBlock {
  const elements = lines
    .filter((l) => l.length > 0)
    .slice(0, LIMITS.contextElements)
    .map((l) => mrkdwn(splitMrkdwn(l, LIMITS.contextElementText - 1)[0]!));
  return { type: 'context', elements };
}

/** Characters of text a block carries (what Slack counts against a message). */
export function blockChars(block: SlackBlock): number {
  if (block.type === 'section') return block.text.text.length;
  if (block.type === 'context') return block.elements.reduce((n, e) => n + e.text.length, 0);
  return 0;
}

/** The notification / fallback text of some blocks: their text without link targets, shortened. */
export function fallbackText(blocks: readonly SlackBlock[], limit: number = LIMITS.fallbackText): string {
  const raw = blocks
    .flatMap((b) =>
      b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
    )
    .join('\n')
    .replace(/<[^|>]+\|([^>]*)>/g, '$1')
    .replace(/\n{2,}/g, '\n');
  if (raw.length <= limit) return raw;
  return `${splitMrkdwn(raw, limit - 1)[0]}…`;
}
