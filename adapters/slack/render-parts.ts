import type { RenderedQuote, SourceLink } from '../../src/briefs/brief.js';
import { outletName, quotedWords } from '../../src/chat/display-text.js';
import type { Speaker } from '../../src/quotes/quote.js';
import { context, LIMITS, type SlackBlock, sections } from './blocks.js';
import { inline, link, prose } from './mrkdwn.js';

/** "Jensen Huang, CEO of Nvidia" / "ICwise" / "unnamed source (an industry analyst)". */
export function speakerLabel(s: Speaker): string {
  if (s.kind === 'unnamed' || !s.name) return s.role ? `unnamed source (${s.role})` : 'unnamed source';
  return s.role ? `${s.name}, ${s.role}` : s.name;
}

/** YYYY-MM-DD of an ISO date, or '' when there is none. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(0, 10);
}

/**
 * A quote as blocks: its verbatim words (escaped, never altered beyond that) in a block quote, then who
 * said it and where. A very long quote continues over several sections rather than being cut.
 */
export function quoteBlocks(
  q: RenderedQuote,
  options: { citation?: number; outlets?: ReadonlyMap<string, string> } = {},
): SlackBlock[] {
  const citation = options.citation;
  const words = quotedWords(q.text);
  const body = sections(prose(words), '>');
  const outlet = options.outlets?.get(q.articleId) ?? outletName({ siteName: null, url: q.articleUrl });
  const source = link(q.articleUrl, outlet);
  const cite = citation === undefined ? '' : ` [${citation}]`;
  const attribution = `\u2014 ${inline(speakerLabel(q.speaker))}${cite} \u00b7 ${source}`;
  const last = body[body.length - 1];
  if (last?.type === 'section' && last.text.text.length + attribution.length + 1 <= LIMITS.sectionText) {
    last.text.text = `${last.text.text}\n${attribution}`;
    return body;
  }
  return [...body, context(attribution)];
}

/** Outlet names by article id, for naming where each quote was published. */
export function outletsOf(links: readonly (SourceLink | undefined)[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of links) if (l && !out.has(l.articleId)) out.set(l.articleId, outletName(l));
  return out;
}

/** "a.com, b.org and 3 more" as links, for "also reported by". */
export function outletList(links: readonly SourceLink[], max = 5): string {
  const shown = links.slice(0, max).map((l) => link(l.url, outletName(l)));
  const more = links.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/** Block ids carrying story ids, so a thread on any chipbrief message can recover its context. */
const MARK = 'cb1';

/**
 * Writes `storyIds` into the block ids of the first blocks (`cb1|k|id,id…`, each within Slack's 255),
 * leaving blocks that already have an id alone. Ids that do not fit are left out: the thread record
 * written at post time is the primary context, the marks only a fallback.
 */
export function markStories(blocks: SlackBlock[], storyIds: readonly string[]): void {
  const chunks: string[] = [];
  let cur: string[] = [];
  for (const id of storyIds) {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id)) continue;
    const next = [...cur, id].join(',');
    if (`${MARK}|00|${next}`.length > LIMITS.blockId && cur.length > 0) {
      chunks.push(cur.join(','));
      cur = [id];
    } else {
      cur.push(id);
    }
  }
  if (cur.length > 0) chunks.push(cur.join(','));
  let k = 0;
  for (const block of blocks) {
    const chunk = chunks[k];
    if (chunk === undefined) break;
    if (block.block_id) continue;
    block.block_id = `${MARK}|${k}|${chunk}`;
    k += 1;
  }
}

/** Story ids written by `markStories` into a message's blocks, in order, without duplicates. */
export function storyIdsFromBlocks(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  const ids: string[] = [];
  for (const b of blocks) {
    const id = (b as { block_id?: unknown } | null)?.block_id;
    if (typeof id !== 'string') continue;
    const m = /^cb1\|\d+\|(.+)$/.exec(id);
    if (!m) continue;
    for (const s of m[1]!.split(',')) if (s && !ids.includes(s)) ids.push(s);
  }
  return ids;
}
