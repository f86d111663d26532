import { parseHTML } from 'linkedom';
import { ChipbriefError } from '../errors.js';
import type { ArticleDraft } from './article.js';
import { cleanParagraphs } from './boilerplate.js';
import { bylinesAround } from './byline-scan.js';
import { cleanArticleDom } from './clean-dom.js';
import { type DomDocument, type DomElement, nestingDepth } from './dom.js';
import { blockParagraphs } from './dom-text.js';
import { mainContainerScope, pruneTo } from './main-container.js';
import { markupSize } from './markup-depth.js';
import { readMetadata } from './metadata.js';
import { LinkedomReadability } from './readability-linkedom.js';
import { stripInert } from './strip-inert.js';

/** Deepest element nesting handed to Readability; the 181 benchmark pages reach 51. */
const MAX_DEPTH = 200;
/** Deeper markup than this is refused before parsing, which would take seconds at 10x this depth. */
const MAX_MARKUP_DEPTH = 10_000;
/**
 * Pages with more elements than this are refused before parsing: the DOM costs ~0.7 KB an element, so
 * this bounds one page to ~35 MB of heap (a 5 MB page of tiny elements would take 300+ MB and take a
 * worker with a capped heap down). The 181 benchmark pages have at most ~1,400 after stripping.
 */
const MAX_ELEMENTS = 50_000;

/** The form two texts are compared in: whitespace collapsed, trimmed, lower case. */
function comparable(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Runs Readability on an already parsed document and returns the article body element. Readability
 * mutates the document; the serializer hands back its own node so nothing is serialised and re-parsed.
 * A page with one clear main container is first cut down to it (see main-container.ts): Readability
 * picks the same article there for a fraction of the work. The bylines its walk would have met in
 * the parts cut away are read first, so the byline stays what Readability finds on the whole page.
 */
function readabilityBody(doc: DomDocument): {
  body: DomElement | null;
  title: string | null;
  byline: string | null;
} {
  // linkedom's Document is not typed as the DOM lib's; Readability only uses the DOM subset linkedom has.
  const reader = new LinkedomReadability<DomElement>(doc as never, {
    keepClasses: true,
    serializer: (node) => node as unknown as DomElement,
  });
  const scope = mainContainerScope(doc);
  let after: string | null = null;
  if (scope && doc.body) {
    const bylines = bylinesAround(reader, doc, scope);
    if (bylines.before) (reader as unknown as { _articleByline: string })._articleByline = bylines.before;
    after = bylines.after;
    pruneTo(doc.body, scope);
  }
  const r = reader.parse();
  return { body: r?.content ?? null, title: r?.title ?? null, byline: r?.byline ?? after };
}

/**
 * The article in an already parsed document: metadata first (Readability drops scripts and with them
 * JSON-LD), then Readability's body, furniture removed from its DOM, then line-level boilerplate.
 * Throws INPUT_EMPTY when no body text is left.
 */
export function documentToDraft(doc: DomDocument, url: string): ArticleDraft {
  const meta = readMetadata(doc, url);
  const fallback = doc.body;
  // Readability's work grows steeply with nesting depth (and recursion overflows the stack on hostile
  // pages); real pages stay far below the limit, deeper ones get their plain text, line-cleaned.
  const tooDeep = fallback !== null && nestingDepth(fallback, MAX_DEPTH) > MAX_DEPTH;
  const read = tooDeep ? { body: null, title: null, byline: null } : readabilityBody(doc);
  const body = read.body ?? fallback;
  const title = meta.title ?? read.title ?? '';
  let paragraphs: string[] = [];
  if (body) {
    if (!tooDeep) cleanArticleDom(body);
    paragraphs = cleanParagraphs(blockParagraphs(body));
  }
  // Headlines repeated inside the body are not story text.
  const titles = new Set([comparable(title)]);
  if (read.title) titles.add(comparable(read.title));
  paragraphs = paragraphs.filter((p) => !titles.has(comparable(p)));
  if (paragraphs.length === 0) throw new ChipbriefError('INPUT_EMPTY', `no article text found in ${url}`);
  return {
    url,
    title: title || paragraphs[0]!.slice(0, 120),
    byline: meta.byline ?? read.byline ?? null,
    publishedAt: meta.publishedAt,
    text: paragraphs.join('\n'),
    siteName: meta.siteName,
  };
}

/**
 * The HTML as intake parses it: inert markup cut (see strip-inert.ts), refused (INPUT_UNSUPPORTED) when
 * it nests too deep to parse in reasonable time or has too many elements to parse in bounded memory,
 * wrapped in <html><body> when it is a bare fragment.
 */
export function leanHtml(html: string, url: string): string {
  const lean = stripInert(html);
  const size = markupSize(lean, { depth: MAX_MARKUP_DEPTH, elements: MAX_ELEMENTS });
  if (size.depth > MAX_MARKUP_DEPTH) {
    throw new ChipbriefError(
      'INPUT_UNSUPPORTED',
      `${url} nests its markup more than ${MAX_MARKUP_DEPTH} levels deep`,
    );
  }
  if (size.elements > MAX_ELEMENTS) {
    throw new ChipbriefError('INPUT_UNSUPPORTED', `${url} has more than ${MAX_ELEMENTS} elements`);
  }
  // linkedom builds no <html>/<body> around a bare fragment, and Readability needs a body.
  return /<(html|body)[\s>]/i.test(lean.slice(0, 4096)) ? lean : `<html><body>${lean}</body></html>`;
}

/**
 * HTML to an article draft: one parse with linkedom, main body via Mozilla Readability, paragraphs
 * kept one per line, title/byline/date/site from the page's metadata.
 */
export function htmlToDraft(html: string, url: string): ArticleDraft {
  const { document } = parseHTML(leanHtml(html, url));
  return documentToDraft(document as DomDocument, url);
}
