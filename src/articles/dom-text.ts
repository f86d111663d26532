import { type DomElement, type DomNode, isElement, squash, TEXT_NODE } from './dom.js';

/** Elements whose start and end break a paragraph; everything else flows inline. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Never text a reader sees. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'HEAD',
]);

/**
 * The visible text of `root` as paragraphs: one entry per block (p, li, heading, br-separated run),
 * whitespace collapsed, empty blocks dropped. Walks iteratively: deep markup must not blow the stack.
 */
export function blockParagraphs(root: DomNode): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const line = squash(buf);
    if (line) out.push(line);
    buf = '';
  };
  // Explicit stack of [node, leaving]: a block flushes both when entered and when left.
  const stack: Array<[DomNode, boolean]> = [[root, false]];
  while (stack.length) {
    const [node, leaving] = stack.pop()!;
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      buf += node.textContent ?? '';
      continue;
    }
    if (!isElement(node) && node !== root) continue;
    const name = (node as DomElement).tagName?.toUpperCase() ?? '';
    if (SKIP.has(name)) continue;
    const block = BLOCK.has(name);
    if (block) {
      flush();
      stack.push([node, true]);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
  }
  flush();
  return out;
}
