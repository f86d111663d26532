import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LinkedomReadability, REPLACED_INTERNALS } from '../../../src/articles/readability-linkedom.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');

function run(Reader: typeof Readability, html: string): string {
  const { document } = parseHTML(html);
  return new Reader(document as never, { keepClasses: true }).parse()?.content ?? '';
}

describe('LinkedomReadability', () => {
  it('replaces helpers that exist in the installed Readability', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    for (const name of REPLACED_INTERNALS) expect(typeof proto[name]).toBe('function');
  });

  it.each(['radio-export-rules.html', 'blog-lithography-licences.html'])(
    'gives the same article as plain Readability: %s',
    (name) => {
      const html = fixture(name);
      const ours = run(LinkedomReadability as typeof Readability, html);
      expect(ours.length).toBeGreaterThan(500);
      expect(ours).toBe(run(Readability, html));
    },
  );

  it('treats inline display:none and visibility:hidden as invisible, like Readability', () => {
    const para =
      'Export licences for lithography tools will be reviewed every quarter by the ministry. '.repeat(8);
    const html = `<html><body><article><p>${para}</p><div style="display: none"><p>HIDDEN-ONE ${para}</p></div><div style="color:red;visibility:hidden"><p>HIDDEN-TWO</p></div></article></body></html>`;
    const ours = run(LinkedomReadability as typeof Readability, html);
    expect(ours).not.toContain('HIDDEN-ONE');
    expect(ours).not.toContain('HIDDEN-TWO');
    expect(ours).toBe(run(Readability, html));
  });
});
