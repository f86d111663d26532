import { XMLParser } from 'fast-xml-parser';
import { ChipbriefError } from '../errors.js';
import { toIsoDate } from './metadata.js';

/** One entry of a feed: the article URL it points to. */
export interface FeedItem {
  url: string;
  title: string | null;
  /** The feed's id for the item (RSS guid, Atom id, RDF about), else its URL. */
  guid: string;
  publishedAt: string | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
}

/** Most items kept from one feed: enough for any real feed, bounded for hostile ones. */
export const MAX_FEED_ITEMS = 2000;

type Node = Record<string, unknown>;

// Entities are never expanded: only the five predefined ones and numeric references are decoded below,
// and a DOCTYPE that declares entities is refused before parsing (billion laughs, external entities).
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x')
        ? Number.parseInt(lower.slice(2), 16)
        : Number.parseInt(lower.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[lower] ?? whole;
  });
}

/** Refuses documents whose DOCTYPE declares entities, in one linear scan of the prolog. */
function refuseEntityDeclarations(xml: string): void {
  const doctype = xml.search(/<!DOCTYPE/i);
  if (doctype < 0) return;
  const close = xml.indexOf(']>', doctype);
  if (/<!ENTITY/i.test(xml.slice(doctype, close < 0 ? undefined : close))) {
    throw new ChipbriefError('FEED_INVALID', 'feed declares XML entities in its DOCTYPE; refused');
  }
}

/** Text of an element that may be a string, an object with #text, or an array of either. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return decodeEntities(value).trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') return text((value as Node)['#text']);
  return null;
}

/** The article link of an RSS/RDF item or Atom entry: text links, or href of rel=alternate (or no rel). */
function linkOf(node: Node): string | null {
  const links = (node.link as unknown[] | undefined) ?? [];
  let fallback: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') return decodeEntities(l).trim() || null;
    const o = l as Node;
    const href = typeof o['@_href'] === 'string' ? decodeEntities(o['@_href']).trim() : text(o);
    if (!href) continue;
    const rel = o['@_rel'];
    if (rel === undefined || rel === 'alternate') return href;
    fallback ??= rel === 'self' ? null : href;
  }
  return fallback;
}

/** Absolute http(s) URL of `href`, or null for other schemes (javascript:, file:, data:) or junk. */
function resolveHttp(href: string, base: string): string | null {
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function toItem(node: Node, base: string): FeedItem | null {
  const itemBase = typeof node['@_base'] === 'string' ? (resolveHttp(node['@_base'], base) ?? base) : base;
  const guidText = text(node.guid) ?? text(node.id);
  const about = typeof node['@_about'] === 'string' ? node['@_about'] : null;
  // An RSS guid doubles as the link when it is an absolute URL not marked isPermaLink="false".
  const notPermalink = typeof node.guid === 'object' && (node.guid as Node)?.['@_isPermaLink'] === 'false';
  const guidLink = guidText && !notPermalink && /^https?:\/\//i.test(guidText) ? guidText : null;
  const href = linkOf(node) ?? guidLink ?? about;
  const url = href ? resolveHttp(href, itemBase) : null;
  if (!url) return null;
  const date =
    text(node.pubDate) ?? text(node.published) ?? text(node.date) ?? text(node.updated) ?? text(node.issued);
  return { url, title: text(node.title), guid: guidText ?? about ?? url, publishedAt: toIsoDate(date) };
}

/**
 * Parses RSS 2.0, Atom and RDF (RSS 1.0) feeds. Item links are resolved against the feed URL and only
 * http(s) ones kept; duplicate GUIDs or links appear once; at most MAX_FEED_ITEMS, the most recent.
 * Never expands entities: a DOCTYPE declaring any is refused with FEED_INVALID.
 */
export function parseFeed(xml: string, feedUrl: string): ParsedFeed {
  refuseEntityDeclarations(xml);
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (err) {
    throw new ChipbriefError('FEED_INVALID', `not well-formed XML: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const rss = doc.rss as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const rdf = doc.RDF as Node | undefined;
  const channel = ((rss?.channel ?? rdf?.channel) as Node | undefined) ?? undefined;
  const root = atom ?? channel;
  if (!root && !rdf) throw new ChipbriefError('FEED_INVALID', 'not an RSS, Atom or RDF feed');
  const base =
    typeof atom?.['@_base'] === 'string' ? (resolveHttp(atom['@_base'], feedUrl) ?? feedUrl) : feedUrl;
  const nodes = ((atom?.entry ?? channel?.item ?? rdf?.item ?? []) as Node[]).filter(
    (n) => n && typeof n === 'object',
  );
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const node of nodes) {
    const item = toItem(node, base);
    if (!item || seen.has(item.guid) || seen.has(item.url)) continue;
    seen.add(item.guid);
    seen.add(item.url);
    items.push(item);
  }
  return { title: text(root?.title), items: mostRecent(items) };
}

/** The newest MAX_FEED_ITEMS items; feeds without dates keep their own (newest-first) order. */
function mostRecent(items: FeedItem[]): FeedItem[] {
  if (items.length <= MAX_FEED_ITEMS) return items;
  const order = items.map((item, i) => ({ item, i }));
  order.sort((a, b) => {
    const da = a.item.publishedAt ?? '';
    const db = b.item.publishedAt ?? '';
    return da === db ? a.i - b.i : da < db ? 1 : -1;
  });
  return order.slice(0, MAX_FEED_ITEMS).map((o) => o.item);
}
