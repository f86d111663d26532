import { Readability } from '@mozilla/readability';
import { type DomElement, type DomNode, elementsByTag } from './dom.js';

const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;
const VISIBILITY_HIDDEN = /(?:^|;)\s*visibility\s*:\s*hidden\b/i;

/** Readability's visibility test on the raw style attribute: linkedom builds a style object per call. */
function isProbablyVisible(node: DomElement): boolean {
  const style = node.getAttribute('style');
  if (style && (DISPLAY_NONE.test(style) || VISIBILITY_HIDDEN.test(style))) return false;
  if (node.hasAttribute('hidden')) return false;
  if (node.getAttribute('aria-hidden') === 'true')
    return (node.getAttribute('class') ?? '').includes('fallback-image');
  return true;
}

/**
 * Mozilla Readability as used on linkedom documents. Readability works on linkedom's DOM as it is; two
 * internal helpers are replaced by equivalents that avoid linkedom's slow paths (its CSS selector engine
 * and per-call style objects), which made Readability take over twice as long as parsing. The package
 * version is pinned, and a test checks that the helpers still exist and that output is unchanged.
 */
export class LinkedomReadability<T = string> extends Readability<T> {}

const proto = LinkedomReadability.prototype as unknown as Record<string, unknown>;
proto._getAllNodesWithTag = (node: DomNode, tagNames: string[]) => elementsByTag(node, tagNames);
proto._isProbablyVisible = (node: DomElement) => isProbablyVisible(node);

/** Names of the Readability internals replaced above (checked by a test against the installed version). */
export const REPLACED_INTERNALS = ['_getAllNodesWithTag', '_isProbablyVisible'] as const;
