/** Elements the parser closes by itself or that never have content: they do not add nesting. */
const NO_NESTING = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'rp',
  'rt',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'caption',
  'head',
  'body',
  'html',
  'br',
  'img',
  'input',
  'meta',
  'link',
  'hr',
  'area',
  'base',
  'col',
  'embed',
  'param',
  'source',
  'track',
  'wbr',
]);

// `[^<>]` keeps a failed match from scanning past the next "<": the whole pass stays linear.
const TAG = /<(\/?)([a-zA-Z][\w-]{0,30})[^<>]{0,2000}?(\/?)>/g;

/** Nesting depth and element count of a document, as far as they were counted. */
export interface MarkupSize {
  depth: number;
  elements: number;
}

/**
 * How deep a document's elements nest (implicitly closed and void elements left out) and how many
 * start tags it has, from its tags alone, in one linear pass that stops once either passes its limit
 * (`limit + 1` is then reported). Used to refuse hostile pages before parsing: the DOM parser's time
 * grows with the square of the depth, and its memory with the element count (~0.7 KB an element).
 */
export function markupSize(html: string, limits: { depth: number; elements: number }): MarkupSize {
  let depth = 0;
  let max = 0;
  let elements = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    if (m[1]) {
      if (!NO_NESTING.has(m[2]!.toLowerCase())) depth = Math.max(0, depth - 1);
      continue;
    }
    if (++elements > limits.elements) break;
    if (m[3] || NO_NESTING.has(m[2]!.toLowerCase())) continue;
    depth++;
    if (depth > max) {
      max = depth;
      if (max > limits.depth) break;
    }
  }
  return { depth: max, elements };
}

/** The nesting depth of `markupSize`, counted up to `limit + 1` and no further. */
export function markupDepth(html: string, limit: number): number {
  return markupSize(html, { depth: limit, elements: Number.POSITIVE_INFINITY }).depth;
}
