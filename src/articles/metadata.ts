import type { DomDocument, DomElement } from './dom.js';
import { squash } from './dom.js';

/** What a page says about itself in its head, JSON-LD and markup. */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  siteName: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPE = /^(\w+)?(Article|NewsArticle|BlogPosting|Report|Posting|WebPage)$/;

/** Meta tags as a map from lower-cased name/property to the first non-empty content. */
function metaMap(doc: DomDocument): Map<string, string> {
  const out = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = squash(m.getAttribute('content') ?? '');
    if (!content) continue;
    // One tag may carry several names: property="article:published" itemprop="datePublished dateCreated".
    const keys = [
      m.getAttribute('property'),
      m.getAttribute('name'),
      ...(m.getAttribute('itemprop') ?? '').split(/\s+/),
    ];
    for (const key of keys) {
      const k = key?.toLowerCase();
      if (k && !out.has(k)) out.set(k, content);
    }
  }
  return out;
}

function asObjects(value: Json | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(asObjects);
  if (value && typeof value === 'object') {
    const graph = value['@graph'];
    return graph ? [value, ...asObjects(graph)] : [value];
  }
  return [];
}

function typeOf(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** The page's JSON-LD article object, if any (the first whose @type is an article kind). */
function jsonLdArticle(doc: DomDocument): JsonObject | null {
  const scripts = doc.getElementsByTagName('script');
  const candidates: JsonObject[] = [];
  for (let i = 0; i < scripts.length; i++) {
    if (!/ld\+json/i.test(scripts[i]!.getAttribute('type') ?? '')) continue;
    try {
      candidates.push(...asObjects(JSON.parse(scripts[i]!.textContent ?? '') as Json));
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return (
    candidates.find((o) => typeOf(o).some((t) => ARTICLE_TYPE.test(t) && t !== 'WebPage')) ??
    candidates.find((o) => typeof o.datePublished === 'string') ??
    null
  );
}

function nameOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return squash(value) || null;
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => !!n);
    return names.length ? names.join(', ') : null;
  }
  if (value && typeof value === 'object') return nameOf(value.name);
  return null;
}

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2}|\b(UTC|GMT|[ECMP][SD]T)\b)\s*$/i;

/**
 * An ISO 8601 instant, or null when the value is not a plausible date. Dates and times without a zone
 * are taken as UTC, so the result does not depend on the machine's time zone.
 */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (!/\d{4}/.test(v)) return null;
  let t: number;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) t = Date.parse(`${v}T00:00:00Z`);
  else if (/^\d{4}-\d{2}-\d{2}[T ][\d:.]+$/.test(v)) t = Date.parse(`${v.replace(' ', 'T')}Z`);
  else if (HAS_ZONE.test(v)) t = Date.parse(v);
  else t = Date.parse(`${v} UTC`) || Date.parse(v);
  if (Number.isNaN(t)) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(t).toISOString() : null;
}

const DATE_KEYS = [
  'article:published_time',
  'article:published',
  'og:article:published_time',
  'datepublished',
  'article.published',
  'publishdate',
  'publish-date',
  'publish_date',
  'pubdate',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'og:published_time',
  'article:modified_time',
];

function firstTimeElement(doc: DomDocument): string | null {
  const times = doc.getElementsByTagName('time');
  for (let i = 0; i < times.length; i++) {
    const iso = toIsoDate(times[i]!.getAttribute('datetime'));
    if (iso) return iso;
  }
  return null;
}

/** "Chip rules tighten | Example News" -> "Chip rules tighten", when a segment is the site's name. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—·:»-]{1,2}\s+/);
  if (parts.length < 2) return title;
  const site = siteName?.toLowerCase();
  const rest = parts.filter((p) => p.toLowerCase() !== site);
  if (rest.length < parts.length) return rest.join(' - ');
  // Without a known site name, drop a short trailing segment ("... - Reuters").
  const last = parts[parts.length - 1]!;
  const head = parts.slice(0, -1).join(' - ');
  return last.split(/\s+/).length <= 4 && head.split(/\s+/).length >= 3 ? head : title;
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

function textOf(el: DomElement | null | undefined): string | null {
  return el ? squash(el.textContent ?? '') || null : null;
}

function first(doc: DomDocument, tag: string): DomElement | undefined {
  return doc.getElementsByTagName(tag)[0];
}

/** The text of the first `<a>` or `<link>` with rel="author". */
function relAuthor(doc: DomDocument): string | null {
  for (const tag of ['a', 'link']) {
    const els = doc.getElementsByTagName(tag);
    for (let i = 0; i < els.length; i++) {
      if ((els[i]!.getAttribute('rel') ?? '').split(/\s+/).includes('author')) return textOf(els[i]);
    }
  }
  return null;
}

/**
 * Title, byline, publication date and site name from meta tags (Open Graph, article:*, Dublin Core),
 * JSON-LD, `<time datetime>`, `<h1>` and `<title>`. Read before Readability, which removes scripts.
 */
export function readMetadata(doc: DomDocument, url: string): PageMetadata {
  const meta = metaMap(doc);
  const ld = jsonLdArticle(doc);
  const siteName =
    meta.get('og:site_name') ?? nameOf(ld?.publisher) ?? meta.get('application-name') ?? hostOf(url) ?? null;
  const rawTitle =
    meta.get('og:title') ??
    meta.get('twitter:title') ??
    nameOf(ld?.headline) ??
    textOf(first(doc, 'h1')) ??
    textOf(first(doc, 'title'));
  const title = rawTitle ? stripSiteSuffix(rawTitle, siteName) : null;
  let publishedAt = toIsoDate(typeof ld?.datePublished === 'string' ? ld.datePublished : null);
  for (const key of DATE_KEYS) {
    if (publishedAt) break;
    publishedAt = toIsoDate(meta.get(key));
  }
  publishedAt ??= firstTimeElement(doc);
  const metaAuthor = meta.get('author') ?? meta.get('article:author') ?? meta.get('byl') ?? null;
  const byline =
    nameOf(ld?.author) ??
    (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor.replace(/^by\s+/i, '') : null) ??
    relAuthor(doc);
  return { title, byline, publishedAt, siteName };
}
