import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToDraft } from '../../../src/articles/html-to-article.js';
import { ChipbriefError } from '../../../src/errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/articles/${name}`, import.meta.url), 'utf8');

describe('htmlToDraft: radio station page', () => {
  const draft = htmlToDraft(fixture('radio-export-rules.html'), 'https://radio.example/2025/11/04/chips');
  const paragraphs = draft.text.split('\n');

  it('reads the metadata', () => {
    expect(draft.title).toBe('U.S. widens AI chip export rules, citing transit countries');
    expect(draft.byline).toBe('Mara Lindqvist');
    expect(draft.publishedAt).toBe('2025-11-04T19:05:00.000Z');
    expect(draft.siteName).toBe('Harbor Public Radio');
    expect(draft.url).toBe('https://radio.example/2025/11/04/chips');
  });

  it('keeps every story paragraph, in order, one per line', () => {
    expect(paragraphs).toEqual([
      expect.stringMatching(/^The Commerce Department on Tuesday widened/),
      expect.stringMatching(/^"We have seen the same servers cross three borders in a week,"/),
      expect.stringMatching(/^The rule covers graphics processors/),
      expect.stringMatching(/under copyright law, because some chip designs/),
      'A photo released by the department showed seized server racks stacked in a customs warehouse, their serial numbers blacked out.',
      expect.stringMatching(/^"We don't subscribe to the idea that controls alone/),
      'Chipmaker shares fell.',
      expect.stringMatching(/^Nvidia, whose data-center processors/),
      expect.stringMatching(/^The Semiconductor Policy Forum, which is a 501\(c\)\(3\) charity/),
      expect.stringMatching(/^Beijing's commerce ministry called the measure "economic coercion"/),
      'The rule takes effect in 30 days.',
    ]);
  });

  it.each([
    'Play Live Radio',
    'Next Up',
    '0:00',
    'Listen',
    'toggle caption',
    'Server racks inside a data center',
    'Getty Images',
    'Advertisement',
    'is a reporter covering',
    'Sign up',
    'inbox',
    '©',
    'EIN',
    'nonprofit organization',
    'By Mara',
    'November 4, 2025',
    'Donate',
  ])('removes "%s"', (boilerplate) => {
    expect(draft.text).not.toContain(boilerplate);
  });
});

describe('htmlToDraft: blog post with caption, source link and comment form', () => {
  const draft = htmlToDraft(fixture('blog-lithography-licences.html'), 'https://fabnotes.example/dutch-duv');

  it('reads title, byline and date from the markup', () => {
    expect(draft.title).toBe('Dutch lithography licences: what changes for DUV tools');
    expect(draft.byline).toBe('Joost van Dam');
    expect(draft.publishedAt).toBe('2025-10-21T00:00:00.000Z');
    expect(draft.siteName).toBe('fabnotes.example');
  });

  it('keeps the six story paragraphs and nothing else', () => {
    const paragraphs = draft.text.split('\n');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0]).toMatch(/^The Dutch government published new licensing requirements/);
    expect(paragraphs[2]).toBe(
      '"For most of our customers outside China nothing changes," a spokesperson for the toolmaker said in an emailed statement. "For some orders it means a wait of several months."',
    );
    expect(paragraphs[5]).toMatch(/^Whether the rule slows anyone down is another matter\./);
  });

  it.each([
    'lithography scanner during assembly',
    'company handout',
    'Source link',
    'scraped site furniture',
    'Leave a Reply',
    'email address',
    'Great summary',
    'Copyright',
    'Posted in',
    'Archive',
  ])('removes "%s"', (boilerplate) => {
    expect(draft.text).not.toContain(boilerplate);
  });
});

describe('htmlToDraft: edge cases', () => {
  it('throws INPUT_EMPTY for a page without text', () => {
    const err = (() => {
      try {
        htmlToDraft(
          '<html><head><title>Nothing</title></head><body><nav><a href="/">Home</a></nav></body></html>',
          'https://x.example/',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ChipbriefError);
    expect((err as ChipbriefError).code).toBe('INPUT_EMPTY');
  });

  it('keeps a short page that Readability would consider too thin', () => {
    const draft = htmlToDraft(
      '<html><body><p>Taiwan extended its tariff exemption for wafer imports by six months on Friday.</p></body></html>',
      'https://x.example/brief',
    );
    expect(draft.text).toBe(
      'Taiwan extended its tariff exemption for wafer imports by six months on Friday.',
    );
  });

  it('separates block elements that touch without whitespace', () => {
    const html = `<html><body><article><h1>Title here</h1><div><p>${'First paragraph about fabs. '.repeat(12)}</p><p>${'Second paragraph about tools. '.repeat(12)}</p></div></article></body></html>`;
    const draft = htmlToDraft(html, 'https://x.example/t');
    expect(draft.text.split('\n')).toHaveLength(2);
    expect(draft.text).toContain('fabs.\nSecond');
  });

  it('does not treat script text as article text', () => {
    const html = `<html><body><article><p>${'Licence rules for chip tools were revised again. '.repeat(10)}</p><script>var tracking = "should never appear";</script></article></body></html>`;
    expect(htmlToDraft(html, 'https://x.example/s').text).not.toContain('should never appear');
  });

  it('extracts deeply nested pages without Readability and refuses absurd nesting quickly', () => {
    const para = 'Chip export controls were tightened again on Tuesday by the trade ministry. '
      .repeat(5)
      .trim();
    const nested = (depth: number): string =>
      `<html><body>${'<div>'.repeat(depth)}<p>${para}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(htmlToDraft(nested(500), 'https://x.example/deep').text).toBe(para);
    const t0 = performance.now();
    expect(() => htmlToDraft(nested(50_000), 'https://x.example/deeper')).toThrow(
      /nests its markup more than/,
    );
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('refuses pages with more elements than a bounded DOM holds, before parsing them', () => {
    const cell = '<div><span>chip</span><b>fab</b></div>';
    const t0 = performance.now();
    expect(() =>
      htmlToDraft(`<html><body>${cell.repeat(20_000)}</body></html>`, 'https://x.example/dense'),
    ).toThrow(/has more than 50000 elements/);
    expect(performance.now() - t0).toBeLessThan(2000);
    const many = `<html><body><article>${'<p>Customs data for the quarter shows more shipments of deposition tools.</p>'.repeat(
      20_000,
    )}</article></body></html>`;
    expect(htmlToDraft(many, 'https://x.example/many').text.split('\n').length).toBeGreaterThan(1000);
  });
});
