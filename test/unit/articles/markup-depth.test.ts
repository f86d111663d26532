import { describe, expect, it } from 'vitest';
import { markupDepth, markupSize } from '../../../src/articles/markup-depth.js';

describe('markupDepth', () => {
  it('counts nesting of elements that must be closed', () => {
    expect(markupDepth('<html><body><div><section><span>x</span></section></div></body></html>', 100)).toBe(
      3,
    );
  });

  it('ignores void and implicitly closed elements', () => {
    const html = `<div>${'<p>para'.repeat(500)}${'<li>item'.repeat(500)}<br><img src=x><hr/><custom-el/></div>`;
    expect(markupDepth(html, 100)).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(markupDepth('<div>'.repeat(1000), 10)).toBe(11);
  });

  it('stays linear on tags that never close their bracket', () => {
    const hostile = '<a '.repeat(200_000);
    const t0 = performance.now();
    expect(markupDepth(hostile, 10)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('markupSize', () => {
  it('counts start tags, void and self-closed ones included, and nesting alongside', () => {
    const html = '<html><body><div><p>a<br><img src=x><custom-el/></p><p>b</p></div></body></html>';
    expect(markupSize(html, { depth: 100, elements: 100 })).toEqual({ depth: 1, elements: 8 });
  });

  it('stops at whichever limit is passed first', () => {
    expect(markupSize('<span>x</span>'.repeat(1000), { depth: 10, elements: 50 })).toEqual({
      depth: 1,
      elements: 51,
    });
    expect(markupSize('<div>'.repeat(1000), { depth: 10, elements: 500 })).toEqual({
      depth: 11,
      elements: 11,
    });
  });
});
