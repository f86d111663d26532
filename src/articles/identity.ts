import { createHash } from 'node:crypto';

/** Query parameters that only track the reader; two URLs differing in them are the same page. */
const TRACKING =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|ref_url|cmpid|cmp|ito|ocid|sr_share|smid|share|taid|soc_src|soc_trk|src|source|feature|spm|outputType|amp|amp_js_v|usqp)$/i;

/**
 * The URL two copies of the same page share: no fragment, no tracking parameters, no AMP variant,
 * lower-case host without "www." or default port, no trailing slash. file:// URLs pass through.
 */
export function canonicalUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw.trim();
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.href;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase().replace(/^(www|amp|m)\./, '');
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443'))
    u.port = '';
  const keep = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k));
  keep.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = keep.length ? `?${new URLSearchParams(keep).toString()}` : '';
  let path = u.pathname.replace(/\/amp(\.html?)?\/?$/i, '/').replace(/\.amp(\.html?)?$/i, '$1');
  path = path.replace(/^\/amp\//i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  u.pathname = path;
  // Scheme differences are the same page for news sites.
  u.protocol = 'https:';
  return u.href;
}

/** 1 for the ASCII characters that are letters or digits. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Verdicts for the non-ASCII code points met so far: a text uses few distinct ones. */
const wordCodePoint = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  let yes = wordCodePoint.get(cp);
  if (yes === undefined) {
    // A lone surrogate is no letter: String.fromCodePoint keeps it lone, and the regex says no.
    yes = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    if (wordCodePoint.size < 65_536) wordCodePoint.set(cp, yes);
  }
  return yes;
}

/**
 * Lower-case words only: reprints that differ in whitespace, punctuation or quote style hash alike.
 * The NFKC form, lower-cased, with every run of characters that are neither letters nor numbers
 * (apostrophes and quote marks included) turned into one space, trimmed. One scan over the text:
 * this runs on every article several times, and a Unicode-class regex replace was most of its cost.
 */
export function normalizeText(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 128) word = ASCII_WORD[c] === 1;
    else {
      const cp = s.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
      word = isWordCodePoint(cp);
    }
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) words.push(s.slice(start));
  return words.join(' ');
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Hash of the normalised text: equal for exact reprints whatever their markup. */
export function contentHash(text: string): string {
  return contentHashOfNormalized(normalizeText(text));
}

/** `contentHash` of a text from its `normalizeText` form, for callers that already have it. */
export function contentHashOfNormalized(normalized: string): string {
  return sha256(normalized).slice(0, 32);
}

/**
 * Article id: hash of the canonical URL, or of the normalised text when there is none. `normalized`,
 * when given, must be `normalizeText(text)`.
 */
export function articleId(url: string | null, text: string, normalized?: string): string {
  return url
    ? sha256(`url:${canonicalUrl(url)}`).slice(0, 24)
    : sha256(`text:${normalized ?? normalizeText(text)}`).slice(0, 24);
}
