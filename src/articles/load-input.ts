import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ChipbriefError } from '../errors.js';
import type { Fetcher } from '../ports.js';
import type { ArticleDraft } from './article.js';
import { binaryKind } from './binary.js';
import { decodeBody } from './charset.js';
import { type FeedItem, parseFeed } from './feed.js';
import { htmlToDraft } from './html-to-article.js';
import { canonicalUrl } from './identity.js';
import { textToDraft } from './text-to-article.js';

export interface LoadDeps {
  fetcher: Fetcher;
  /** Directory relative paths are resolved against; defaults to process.cwd(). */
  cwd?: string;
}

/** Conditional GET validators remembered from the last poll of a feed. */
export interface FeedValidators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface LoadedFeed {
  /** False on 304: then `items` is empty and the validators are the ones sent. */
  notModified: boolean;
  /** Final URL after redirects. */
  url: string;
  title: string | null;
  items: FeedItem[];
  etag: string | null;
  lastModified: string | null;
}

const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml']);
const TEXT_EXT = new Set(['.txt', '.text']);
/** Local files larger than this are refused rather than read into memory. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8';

function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

function refuseBinary(bytes: Uint8Array, what: string): void {
  const kind = binaryKind(bytes);
  if (kind)
    throw new ChipbriefError(
      'INPUT_BINARY',
      `${what} is ${kind} data, not an article (give .txt, .html or a web page)`,
    );
}

function refuseBlank(text: string, what: string): void {
  if (!/\S/.test(text)) throw new ChipbriefError('INPUT_EMPTY', `${what} is empty`);
}

/** True when decoded text is a feed document rather than a page. */
function looksLikeFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<(rss|feed|rdf:RDF)\b/i.test(
    text.slice(0, 2048),
  );
}

async function loadFile(input: string, cwd: string): Promise<ArticleDraft> {
  const path = input.startsWith('file:') ? fileURLToPath(input) : resolve(cwd, input);
  const ext = extname(path).toLowerCase();
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    throw new ChipbriefError('INPUT_NOT_FOUND', `no such file: ${input}`);
  }
  if (info.isDirectory())
    throw new ChipbriefError('INPUT_UNSUPPORTED', `${input} is a directory, not a file`);
  if (!HTML_EXT.has(ext) && !TEXT_EXT.has(ext)) {
    throw new ChipbriefError(
      'INPUT_UNSUPPORTED',
      `${input}: unsupported file type "${ext || 'none'}" (give .txt, .html or an http(s) URL)`,
    );
  }
  if (info.size > MAX_FILE_BYTES)
    throw new ChipbriefError('INPUT_UNSUPPORTED', `${input} is larger than ${MAX_FILE_BYTES} bytes`);
  const bytes = new Uint8Array(await readFile(path));
  refuseBinary(bytes, input);
  const text = decodeBody(bytes, null);
  refuseBlank(text, input);
  const url = pathToFileURL(path).href;
  return TEXT_EXT.has(ext) ? textToDraft(text, url) : htmlToDraft(text, url);
}

async function loadUrl(input: string, fetcher: Fetcher): Promise<ArticleDraft> {
  const res = await fetcher.fetch(input);
  refuseBinary(res.body, input);
  const text = decodeBody(res.body, res.contentType);
  refuseBlank(text, input);
  const url = canonicalUrl(res.url);
  const mime = res.contentType.split(';')[0]!.trim().toLowerCase();
  if (mime === 'text/plain') return textToDraft(text, url);
  if (looksLikeFeed(text)) {
    throw new ChipbriefError('INPUT_UNSUPPORTED', `${input} is a feed, not an article (use --feed)`);
  }
  return htmlToDraft(text, url);
}

/**
 * One article from a `.txt` / `.html` path (relative to `cwd`), a file:// URL or an http(s) URL.
 * Files keep their file:// URL so quotes trace back to them. Fails with one clear ChipbriefError:
 * INPUT_NOT_FOUND, INPUT_UNSUPPORTED, INPUT_BINARY, INPUT_EMPTY or a FETCH_* code.
 */
export async function loadInput(input: string, deps: LoadDeps): Promise<ArticleDraft> {
  const trimmed = input.trim();
  if (!trimmed) throw new ChipbriefError('INPUT_NOT_FOUND', 'no input given');
  if (isHttpUrl(trimmed)) return loadUrl(trimmed, deps.fetcher);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(trimmed) && !trimmed.startsWith('file:')) {
    throw new ChipbriefError('INPUT_UNSUPPORTED', `${trimmed}: only files and http(s) URLs are read`);
  }
  return loadFile(trimmed, deps.cwd ?? process.cwd());
}

/**
 * Polls a feed with conditional GET. Validators may come inside `deps` or as the third argument.
 * On 304 returns notModified with no items; otherwise the parsed items and the new validators.
 */
export async function loadFeed(
  url: string,
  deps: LoadDeps & FeedValidators,
  validators: FeedValidators = {},
): Promise<LoadedFeed> {
  const etag = validators.etag ?? deps.etag ?? null;
  const lastModified = validators.lastModified ?? deps.lastModified ?? null;
  const res = await deps.fetcher.fetch(url, { etag, lastModified, accept: FEED_ACCEPT });
  if (res.notModified) {
    return {
      notModified: true,
      url: res.url,
      title: null,
      items: [],
      etag: res.etag ?? etag,
      lastModified: res.lastModified ?? lastModified,
    };
  }
  refuseBinary(res.body, url);
  const text = decodeBody(res.body, res.contentType);
  refuseBlank(text, url);
  const feed = parseFeed(text, res.url);
  return {
    notModified: false,
    url: res.url,
    title: feed.title,
    items: feed.items,
    etag: res.etag,
    lastModified: res.lastModified,
  };
}
