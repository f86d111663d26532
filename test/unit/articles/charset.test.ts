import { describe, expect, it } from 'vitest';
import { decodeBody, detectEncoding, sniffLegacyEncoding } from '../../../src/articles/charset.js';
import { encodeLegacy } from './legacy-encoding.js';

// Sample prose written for these tests (not taken from any publication).
const SIMPLIFIED =
  '美国商务部周二宣布新的出口管制规定，限制向中国出口先进人工智能芯片。分析人士说，这些措施将影响英伟达等公司的销售，国内企业也在加快自主研发。';
const TRADITIONAL =
  '美國商務部週二宣布新的出口管制規定，限制向中國出口先進人工智慧晶片。分析人士說，這些措施將影響輝達等公司的銷售，台灣廠商也在評估衝擊。';
const JAPANESE =
  '経済産業省は火曜日、半導体製造装置の輸出規制を強化すると発表した。専門家は、この措置が日本の企業に影響を与えると述べた。';
const WESTERN =
  'Le ministère a annoncé mardi de nouvelles règles d’exportation — « une étape décisive », selon l’analyste.';

function page(body: string, head = ''): string {
  return `<html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;
}

describe('decodeBody: declared charsets', () => {
  it.each([
    ['gbk', SIMPLIFIED],
    ['gb18030', SIMPLIFIED],
    ['gb2312', SIMPLIFIED],
    ['big5', TRADITIONAL],
    ['shift_jis', JAPANESE],
    ['windows-1252', WESTERN],
  ])('honours charset=%s in the Content-Type header', (label, text) => {
    const html = page(text);
    const bytes = encodeLegacy(html, label === 'gb2312' ? 'gbk' : label);
    expect(decodeBody(bytes, `text/html; charset=${label}`)).toBe(html);
  });

  it('honours <meta charset> when the header has none', () => {
    const html = page(SIMPLIFIED, '<meta charset="gbk">');
    expect(decodeBody(encodeLegacy(html, 'gbk'), 'text/html')).toBe(html);
  });

  it('honours http-equiv Content-Type', () => {
    const html = page(TRADITIONAL, '<meta http-equiv="Content-Type" content="text/html; charset=big5">');
    expect(decodeBody(encodeLegacy(html, 'big5'), null)).toBe(html);
  });

  it('honours the XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="Shift_JIS"?><rss><channel><title>${JAPANESE}</title></channel></rss>`;
    expect(decodeBody(encodeLegacy(xml, 'shift_jis'), 'application/rss+xml')).toBe(xml);
  });

  it('lets the header win over the document', () => {
    const html = page(SIMPLIFIED, '<meta charset="big5">');
    expect(decodeBody(encodeLegacy(html, 'gbk'), 'text/html; charset=GBK')).toBe(html);
  });

  it('maps latin1 labels to windows-1252 with curly quotes and dashes intact', () => {
    const html = page(WESTERN, '<meta charset="iso-8859-1">');
    const text = decodeBody(encodeLegacy(html, 'windows-1252'), null);
    expect(text).toContain('d’exportation — « une étape');
    expect(text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('uses a BOM over everything else and strips it', () => {
    const utf8 = new TextEncoder().encode(page(SIMPLIFIED));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeBody(bytes, 'text/html; charset=big5')).toBe(page(SIMPLIFIED));
  });

  it('reads UTF-8 labelled Latin-1 as UTF-8 (a common mislabel)', () => {
    const html = page(SIMPLIFIED);
    expect(decodeBody(new TextEncoder().encode(html), 'text/html; charset=iso-8859-1')).toBe(html);
  });

  it('ignores unknown labels', () => {
    const html = page('Export controls tightened.');
    expect(decodeBody(new TextEncoder().encode(html), 'text/html; charset=x-no-such-thing')).toBe(html);
  });
});

describe('decodeBody: undeclared legacy encodings are sniffed', () => {
  it.each([
    ['gbk', SIMPLIFIED, 'gb18030'],
    ['gb18030', SIMPLIFIED, 'gb18030'],
    ['big5', TRADITIONAL, 'big5'],
    ['shift_jis', JAPANESE, 'shift_jis'],
    ['windows-1252', WESTERN, 'windows-1252'],
  ])('%s without any declaration', (encoding, text, expected) => {
    const html = page(text);
    const bytes = encodeLegacy(html, encoding);
    expect(sniffLegacyEncoding(bytes)).toBe(expected);
    expect(decodeBody(bytes, 'text/html')).toBe(html);
  });

  it('sniffs a GBK page that wrongly claims UTF-8', () => {
    const html = page(SIMPLIFIED);
    expect(detectEncoding(encodeLegacy(html, 'gbk'), 'text/html; charset=utf-8')).toBe('gb18030');
  });

  it('defaults to UTF-8 for valid UTF-8 and for ASCII', () => {
    expect(detectEncoding(new TextEncoder().encode(page(JAPANESE)), null)).toBe('utf-8');
    expect(detectEncoding(new TextEncoder().encode('plain ascii'), null)).toBe('utf-8');
  });
});

describe('decodeBody: never throws', () => {
  it('replaces invalid bytes instead of failing', () => {
    const bytes = new Uint8Array([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd, 0xc3, 0x28, 0x3c]);
    expect(() => decodeBody(bytes, 'text/html; charset=utf-8')).not.toThrow();
    expect(decodeBody(bytes, 'text/html; charset=utf-8').startsWith('<p>')).toBe(true);
  });

  it('handles empty input', () => {
    expect(decodeBody(new Uint8Array(), null)).toBe('');
  });

  it('handles random bytes under every label', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    for (const label of ['utf-8', 'gbk', 'big5', 'shift_jis', 'windows-1252', null]) {
      expect(typeof decodeBody(bytes, label ? `text/html; charset=${label}` : null)).toBe('string');
    }
  });
});
