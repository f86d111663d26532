import { describe, expect, it } from 'vitest';
import { stripInert } from '../../../src/articles/strip-inert.js';

describe('stripInert', () => {
  it('removes comments, scripts, styles, svg, noscript, templates and iframes', () => {
    const html =
      '<p>a</p><!-- c --><script>var x = "</p>";</script><style>p{}</style><svg><path d="M0"/></svg><noscript><img src=x></noscript><template><p>t</p></template><iframe src="/ad"></iframe><p>b</p>';
    expect(stripInert(html).replace(/\s+/g, '')).toBe('<p>a</p><p>b</p>');
  });

  it('removes navigation and asides, which never hold story text', () => {
    const html =
      '<nav class="menu"><ul><li><a href="/chips">Chips</a></li></ul></nav><p>a</p><aside><h4>Read also</h4><a href="/x">x</a></aside><p>b</p>';
    expect(stripInert(html).replace(/\s+/g, '')).toBe('<p>a</p><p>b</p>');
    expect(stripInert('<navigator>kept</navigator>')).toBe('<navigator>kept</navigator>');
  });

  it('keeps JSON-LD and does not read markup inside it', () => {
    const html = '<script type="application/ld+json">{"headline":"<style> x"}</script><p>kept</p>';
    expect(stripInert(html)).toBe(html);
  });

  it('lets whichever construct starts first win', () => {
    expect(stripInert('<script>var s = "<!--";</script><p>kept</p><!-- gone -->').trim()).toBe('<p>kept</p>');
    expect(stripInert('<!-- <script> --><p>kept</p>').trim()).toBe('<p>kept</p>');
  });

  it('leaves unclosed constructs alone and stays linear on hostile input', () => {
    expect(stripInert('<p>x</p><svg><p>y</p>')).toBe('<p>x</p><svg><p>y</p>');
    const hostile = '<svg>'.repeat(50_000) + '<iframe x>'.repeat(50_000);
    const t0 = performance.now();
    expect(stripInert(hostile)).toBe(hostile);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('joins the text around a cut, as a browser renders it', () => {
    expect(stripInert('<p>tripl<!-- -->e that figure</p>')).toBe('<p>triple that figure</p>');
  });

  it('is case-insensitive', () => {
    expect(stripInert('<SCRIPT type="text/javascript">x</SCRIPT ><P>k</P>').trim()).toBe('<P>k</P>');
  });
});
