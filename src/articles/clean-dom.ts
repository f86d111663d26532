import { type DomElement, type DomNode, squash } from './dom.js';

/** Elements that never carry story text inside an article body. */
const DROP_TAGS = new Set([
  'figcaption',
  'nav',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'label',
  'svg',
  'noscript',
]);

/**
 * Class or id words naming page furniture: captions and credits, bylines and datelines, sharing and
 * related-content widgets, newsletter and promo boxes, hover cards. Matched as whole words of the
 * class/id split on space, "-" and "_", so "article__image-caption" matches and "captioned" does not.
 */
const FURNITURE =
  /^(caption|captions|credit|credits|byline|bylines|dateline|timestamp|author|authors|bio|share|sharing|social|related|newsletter|promo|advert|advertisement|ad|ads|sponsored|rollover|tooltip|popover|gallery|slideshow|breadcrumb|breadcrumbs|tags|subscribe|signup|nav|menu|toolbar|print|comments|comment)$/;

/** A furniture-named element holding more than this share of the body is the body, not furniture. */
const MAX_FURNITURE_SHARE = 0.3;

/** Lists whose link text is more than this share of their text are navigation or "related" lists. */
const LINK_LIST_SHARE = 0.6;

function isFurnitureNamed(el: DomElement): boolean {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (raw.length === 1) return false;
  return raw
    .toLowerCase()
    .split(/[\s_-]+/)
    .some((w) => FURNITURE.test(w));
}

function isHidden(el: DomElement): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true';
}

function textLength(node: DomNode): number {
  return squash(node.textContent ?? '').length;
}

function linkTextLength(el: DomElement): number {
  let n = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) n += textLength(links[i]!);
  return n;
}

/** Lists whose items are mostly links are navigation or "related stories", never prose. */
function isLinkList(el: DomElement): boolean {
  if (el.children.length < 2) return false;
  const total = textLength(el);
  return total > 0 && linkTextLength(el) / total > LINK_LIST_SHARE;
}

/**
 * Removes page furniture that Readability leaves inside the article body, in place: captions, forms
 * and widgets by tag, furniture by class/id word, hidden elements and link lists. Decisions rest on
 * markup, never on the site.
 */
export function cleanArticleDom(root: DomElement): void {
  const total = Math.max(1, textLength(root));
  const doomed: DomElement[] = [];
  // Document-order walk that skips the inside of anything already doomed: no decision (and no text
  // measurement) is spent on its descendants.
  let node: DomNode | null = root.firstChild;
  while (node && node !== root) {
    let descend = node.nodeType === 1;
    if (descend) {
      const el = node as DomElement;
      const tag = el.localName;
      const drop =
        DROP_TAGS.has(tag) ||
        isHidden(el) ||
        ((tag === 'ul' || tag === 'ol') && isLinkList(el)) ||
        (isFurnitureNamed(el) && textLength(el) / total < MAX_FURNITURE_SHARE);
      if (drop) {
        doomed.push(el);
        descend = false;
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  for (const el of doomed) el.remove();
}
