import type { DomDocument, DomElement, DomNode } from './dom.js';

/** The Readability internals the scan calls, so it judges each node exactly as Readability does. */
interface ReadabilityInternals {
  REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp; byline: RegExp };
  UNLIKELY_ROLES: string[];
  _isProbablyVisible(node: DomElement): boolean;
  _isValidByline(node: DomElement, matchString: string): boolean;
  _hasAncestorTag(node: DomElement, tag: string): boolean;
  _hasSingleTagInsideElement(node: DomElement, tag: string): boolean;
  _getLinkDensity(node: DomElement): number;
}

/** Names of the Readability internals used here (a test checks them against the installed version). */
export const SCAN_INTERNALS = [
  '_isProbablyVisible',
  '_isValidByline',
  '_hasAncestorTag',
  '_hasSingleTagInsideElement',
  '_getLinkDensity',
] as const;

/** Elements Readability removes before its walk: nothing inside them is ever a byline. */
const REMOVED_BEFORE_WALK = new Set(['script', 'noscript', 'style']);

/** Bylines Readability's walk would meet before and after an element it is not shown. */
export interface BylinesAround {
  before: string | null;
  after: string | null;
}

function nextElement(node: DomElement, skipInside: boolean): DomElement | null {
  if (!skipInside) {
    for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) return c as DomElement;
  }
  for (let n: DomNode | null = node; n; n = n.parentNode) {
    for (let s = n.nextSibling; s; s = s.nextSibling) if (s.nodeType === 1) return s as DomElement;
  }
  return null;
}

/**
 * The raw class attribute. Readability matches its regexes against `className`, which linkedom builds
 * from a token set (duplicates dropped, single spaces): no regex used here matches whitespace, so the
 * answers are the same, without a token list built for every element of the page.
 */
function classAttribute(node: DomElement): string {
  return (
    (node as unknown as { getAttributeNode(n: string): { value: string } | null }).getAttributeNode('class')
      ?.value ?? ''
  );
}

function firstElementChild(node: DomElement): DomElement | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) return c as DomElement;
  return null;
}

/** Readability's byline text: the node's, or that of its first descendant with itemprop "name". */
function bylineText(node: DomElement): string {
  for (let n = nextElement(node, false); n && isInside(n, node); n = nextElement(n, false)) {
    if ((n.getAttribute('itemprop') ?? '').includes('name')) return (n.textContent ?? '').trim();
  }
  return (node.textContent ?? '').trim();
}

function isInside(node: DomNode, root: DomNode): boolean {
  for (let n: DomNode | null = node.parentNode; n; n = n.parentNode) if (n === root) return true;
  return false;
}

/**
 * The first byline Readability's first pass would find before `keep` and the first after it, walking
 * the document as its `_grabArticle` does (hidden nodes, modal dialogs, unlikely candidates and
 * unlikely roles skipped with their insides; the lone paragraph of a low-link-density div not checked,
 * as Readability swaps the div for it), without changing the document. Lets the document be cut down
 * to `keep` before Readability runs and still give the byline Readability gives on the whole page.
 */
export function bylinesAround(reader: unknown, doc: DomDocument, keep: DomElement): BylinesAround {
  const r = reader as ReadabilityInternals;
  const found: BylinesAround = { before: null, after: null };
  let after = false;
  let unchecked: DomElement | null = null;
  let node = doc.documentElement;
  while (node) {
    if (node === keep) {
      after = true;
      node = nextElement(node, true);
      continue;
    }
    const tag = node.localName;
    if (node === unchecked) {
      node = nextElement(node, false);
      continue;
    }
    if (REMOVED_BEFORE_WALK.has(tag)) {
      node = nextElement(node, true);
      continue;
    }
    if (!node.hasAttributes()) {
      // No class, id, style, role or rel: visible, no byline, no unlikely candidate; only the div rule applies.
      if (tag === 'div' && r._hasSingleTagInsideElement(node, 'P') && r._getLinkDensity(node) < 0.25)
        unchecked = firstElementChild(node);
      node = nextElement(node, false);
      continue;
    }
    const matchString = `${classAttribute(node)} ${node.getAttribute('id') ?? ''}`;
    const skip =
      !r._isProbablyVisible(node) ||
      (node.getAttribute('aria-modal') === 'true' && node.getAttribute('role') === 'dialog');
    if (skip) {
      node = nextElement(node, true);
      continue;
    }
    // Readability's byline test measures the node's text first; the cheap attribute tests go first here.
    const maybeByline =
      node.getAttribute('rel') === 'author' ||
      (node.getAttribute('itemprop') ?? '').includes('author') ||
      r.REGEXPS.byline.test(matchString);
    if (maybeByline && r._isValidByline(node, matchString)) {
      const text = bylineText(node);
      // An empty name leaves Readability still looking; the node goes either way.
      if (text && after) found.after = text;
      else if (text) found.before = text;
      if (text) return found;
      node = nextElement(node, true);
      continue;
    }
    const unlikely =
      r.REGEXPS.unlikelyCandidates.test(matchString) &&
      !r.REGEXPS.okMaybeItsACandidate.test(matchString) &&
      !r._hasAncestorTag(node, 'table') &&
      !r._hasAncestorTag(node, 'code') &&
      tag !== 'body' &&
      tag !== 'a';
    if (unlikely || r.UNLIKELY_ROLES.includes(node.getAttribute('role') ?? '')) {
      node = nextElement(node, true);
      continue;
    }
    if (tag === 'div' && r._hasSingleTagInsideElement(node, 'P') && r._getLinkDensity(node) < 0.25) {
      // Readability puts the paragraph in the div's place and walks on inside it, unchecked.
      unchecked = firstElementChild(node);
    }
    node = nextElement(node, false);
  }
  return found;
}
