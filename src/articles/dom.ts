/**
 * The small structural slice of the DOM that intake uses. linkedom's typings resolve to `any` without
 * the DOM lib, so these interfaces keep the walking code type-checked.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  matches(selector: string): boolean;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Whitespace collapsed and trimmed; non-breaking and zero-width spaces count as whitespace. */
export function squash(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * Elements under `root` whose tag is one of `tagNames`, in document order. Same result as
 * `root.querySelectorAll(tagNames.join(","))`, without linkedom's general CSS selector engine, which
 * dominated Readability's running time on this DOM. `"*"` matches every element.
 */
export function elementsByTag(root: DomNode, tagNames: readonly string[]): ArrayLike<DomElement> {
  // One tag: linkedom's getElementsByTagName walks its internal node list directly.
  if (tagNames.length === 1 && tagNames[0] !== '*')
    return (root as DomElement).getElementsByTagName(tagNames[0]!);
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  const all = wanted.has('*');
  const out: DomElement[] = [];
  let node: DomNode | null = root.firstChild;
  while (node && node !== root) {
    const isElement = node.nodeType === 1;
    if (isElement && (all || wanted.has((node as DomElement).localName))) out.push(node as DomElement);
    if (isElement && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return out;
}

/** Element nesting depth below `root`, counted up to `limit + 1` and no further (cheap on hostile input). */
export function nestingDepth(root: DomNode, limit: number): number {
  let max = 0;
  let depth = 0;
  let node: DomNode | null = root;
  while (node) {
    if (node.nodeType === 1 && node.firstChild) {
      node = node.firstChild;
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  return max;
}
