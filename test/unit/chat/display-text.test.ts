import { describe, expect, it } from 'vitest';
import { outletOf } from '../../../src/briefs/brief-view.js';
import { outletName, quotedWords } from '../../../src/chat/display-text.js';

describe('outletName', () => {
  it('prefers the site name, else the host without www, else says "source"', () => {
    expect(outletName({ siteName: ' Chip Policy Wire ', url: 'https://www.cpw.example/a' })).toBe(
      'Chip Policy Wire',
    );
    expect(outletName({ siteName: null, url: 'https://www.fabnews.example/2026/11/x' })).toBe(
      'fabnews.example',
    );
    expect(outletName({ siteName: '  ', url: 'file:///tmp/article.html' })).toBe('local file');
    expect(outletName({ siteName: null, url: 'not a url' })).toBe('source');
  });

  it('differs from outletOf only for an unusable URL, which outletOf shows as it is', () => {
    expect(outletOf({ siteName: null, url: 'not a url' })).toBe('not a url');
    expect(outletOf({ siteName: null, url: 'https://www.fabnews.example/x' })).toBe('fabnews.example');
  });
});

describe('quotedWords', () => {
  it('puts curly quotation marks around words that have none', () => {
    expect(quotedWords('We will comply with the rule.')).toBe('\u201cWe will comply with the rule.\u201d');
  });

  it('leaves words that open with a mark of their own as they are', () => {
    for (const t of [
      '"Licences are slow," he said',
      '\u201cNo comment\u201d',
      '\u00abNon\u00bb',
      '\u300c\u662f\u300d',
    ]) {
      expect(quotedWords(t)).toBe(t);
    }
  });
});
