import type { DomDocument, DomElement, DomNode } from './dom.js';

/**
 * The one clear main container of a page, when it has one, to cut the page down to before Readability:
 * Readability's time grows with the page, and on a news page most of the markup is navigation, teaser
 * grids and footers around one element that holds the story's paragraphs.
 */

/** Readability's own minimum article length (its charThreshold): less is no article to commit to. */
const MIN_TEXT = 500;
/** The container's paragraphs must hold this many times the text of any other element's paragraphs. */
const DOMINANCE = 5;

/** Text length of a paragraph, whitespace runs counted once (cheap: no string is built). */
function paragraphLength(p: DomNode): number {
  const text = p.textContent ?? '';
  let n = 0;
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0;
    if (!isSpace) n++;
    else if (!space) n++;
    space = isSpace;
  }
  return n;
}

/**
 * The element whose own `<p>` children hold the most text, when that text is at least MIN_TEXT
 * characters and DOMINANCE times the `<p>` text of any other element: the story's paragraphs all sit
 * in it, and no second block of prose competes. Null when the page has no such element (the story is
 * split over several containers, or the page is mostly teasers), so Readability sees the whole page.
 */
export function mainContainer(doc: DomDocument): DomElement | null {
  const paragraphs = doc.getElementsByTagName('p');
  const byParent = new Map<DomNode, number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    const parent = p.parentNode;
    if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + paragraphLength(p));
  }
  let best: DomNode | null = null;
  let most = 0;
  let second = 0;
  for (const [parent, n] of byParent) {
    if (n > most) {
      second = most;
      most = n;
      best = parent;
    } else if (n > second) second = n;
  }
  if (best?.nodeType !== 1 || most < MIN_TEXT || most < DOMINANCE * second) return null;
  return best as DomElement;
}

/**
 * Removes everything in `body` except `keep` and its ancestors (their other children go), in place.
 * Removal unlinks nodes without visiting their insides, so this costs the number of siblings on the
 * path, not the size of the page.
 */
export function pruneTo(body: DomElement, keep: DomElement): void {
  let node: DomNode = keep;
  while (node !== body && node.parentNode) {
    const parent: DomNode = node.parentNode;
    let child = parent.firstChild;
    while (child) {
      const next = child.nextSibling;
      if (child !== node) (child as DomElement).remove();
      child = next;
    }
    node = parent;
  }
}

/**
 * What to cut the document down to: the main container with its parent (so Readability still sees
 * the container's siblings: a lead paragraph or standfirst set apart, a heading), or null when the
 * page has no clear main container or the container's parent is the body itself.
 */
export function mainContainerScope(doc: DomDocument): DomElement | null {
  const body = doc.body;
  const main = body ? mainContainer(doc) : null;
  if (!body || !main) return null;
  const keep = main.parentElement ?? main;
  return keep !== body && isInside(keep, body) ? keep : null;
}

function isInside(node: DomNode, root: DomNode): boolean {
  for (let n: DomNode | null = node.parentNode; n; n = n.parentNode) if (n === root) return true;
  return false;
}
