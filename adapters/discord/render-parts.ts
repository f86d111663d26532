import { shortDate, speakerLabel } from '../../src/answers/format.js';
import type { RenderedQuote, SourceLink } from '../../src/briefs/brief.js';
import { outletName, quotedWords } from '../../src/chat/display-text.js';
import { COLORS, type Embed, LIMITS } from './limits.js';
import { cutEscaped, inline, link, prose, safeUrl } from './markdown.js';
import { splitText } from './split.js';

export { shortDate, speakerLabel };

/** "[a.com](…), [b.org](…) and 3 more", within `max` characters. */
export function outletList(links: readonly SourceLink[], max: number = LIMITS.fieldValue): string {
  const shown: string[] = [];
  for (const [i, l] of links.entries()) {
    const item = link(l.url, outletName(l));
    const more = links.length - i - 1;
    const tail = more > 0 ? ` and ${more} more` : '';
    if ([...shown, item].join(', ').length + tail.length > max) {
      const left = links.length - shown.length;
      return shown.length > 0 ? `${shown.join(', ')} and ${left} more` : `${left} outlets`;
    }
    shown.push(item);
  }
  return shown.join(', ');
}

/**
 * A quote as Discord markdown: its verbatim words escaped (never altered beyond that) in a block quote,
 * then who said it and where. Returned as chunks of at most `max` characters: a quote longer than one
 * embed continues in the next chunk, still in block-quote form, rather than being cut.
 */
export function quoteChunks(q: RenderedQuote, citation?: number, max = LIMITS.description): string[] {
  const words = quotedWords(q.text);
  const escaped = prose(words);
  const lines = escaped.split('\n').map((l) => (l ? `> ${l}` : '>'));
  const cite = citation === undefined ? '' : ` [${citation}]`;
  const date = shortDate(q.publishedAt);
  const source = link(q.articleUrl, 'source');
  const attribution = `\u2014 **${inline(speakerLabel(q.speaker))}**${cite} \u00b7 ${source}${date ? ` \u00b7 ${date}` : ''}`;
  const chunks = splitText(lines.join('\n'), max).map((c) => (c.startsWith('>') ? c : `> ${c}`));
  const last = chunks[chunks.length - 1];
  if (last !== undefined && last.length + attribution.length + 1 <= max) {
    chunks[chunks.length - 1] = `${last}\n${attribution}`;
  } else {
    chunks.push(attribution.slice(0, max));
  }
  return chunks;
}

/** Quote chunks gathered into embeds of at most 4096 characters, a quote never split unless it must be. */
export function quoteEmbeds(quotes: readonly { q: RenderedQuote; n?: number }[], title?: string): Embed[][] {
  const groups: Embed[][] = [];
  let cur: string[] = [];
  let size = 0;
  let titled = false;
  const budget = () => LIMITS.description;
  const flush = () => {
    if (cur.length === 0) return;
    const embed: Embed = { description: cur.join('\n\n'), color: COLORS.quote };
    if (title && !titled) {
      embed.title = title;
      titled = true;
    }
    groups.push([embed]);
    cur = [];
    size = 0;
  };
  for (const { q, n } of quotes) {
    const chunks = quoteChunks(q, n, budget());
    for (const c of chunks) {
      if (cur.length > 0 && size + 2 + c.length > budget()) flush();
      cur.push(c);
      size += (cur.length > 1 ? 2 : 0) + c.length;
    }
  }
  flush();
  return groups;
}

/** A title within Discord's 256 characters, escaped, with an ellipsis when it had to be cut. */
export function titleOf(raw: string, max: number = LIMITS.title): string {
  return cutEscaped(inline(raw), max);
}

/** The embed url when it is a usable http(s) link. */
export function embedUrl(raw: string): { url: string } | Record<string, never> {
  const safe = safeUrl(raw);
  return safe ? { url: safe } : {};
}
