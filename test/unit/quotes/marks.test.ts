import { describe, expect, it } from 'vitest';
import { findSpans } from '../../../src/quotes/marks.js';

const contents = (text: string) => findSpans(text).map((s) => text.slice(s.start, s.end));

describe('findSpans', () => {
  it('pairs straight and curly double marks', () => {
    expect(contents('He said "yes," and then “no.”')).toEqual(['yes,', 'no.']);
  });

  it('uses single marks as quotation marks, never apostrophes inside words', () => {
    expect(contents('‘We don’t expect Nvidia’s sales to recover,’ he said.')).toEqual([
      'We don’t expect Nvidia’s sales to recover,',
    ]);
    expect(contents("It's Nvidia's call, isn't it? The '90s are over.")).toEqual([]);
  });

  it('keeps a plural possessive inside a single-quoted quotation', () => {
    expect(contents('‘The chips’ performance is poor,’ she said.')).toEqual([
      'The chips’ performance is poor,',
    ]);
  });

  it('treats single marks inside double marks, and doubles inside singles, as nested', () => {
    expect(contents(`"When people say 'decoupling,' they mean less," she said.`)).toEqual([
      "When people say 'decoupling,' they mean less,",
    ]);
    expect(contents('‘I was told, “Don’t worry,” and it never came,’ he said.')).toEqual([
      'I was told, “Don’t worry,” and it never came,',
    ]);
  });

  it('joins a quotation over paragraphs that each open with a mark, only the last closing', () => {
    const text = 'She said:\n“First part.\n“Second part.\n“Third part,” she added.';
    const spans = findSpans(text);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.multiParagraph).toBe(true);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('First part.\n“Second part.\n“Third part,');
  });

  it('drops quotations that never close and ignores inch marks', () => {
    expect(contents('The 12" wafers. A spokesman said it was "on schedule.\nNext paragraph.')).toEqual([]);
    expect(contents('"Open and never closed')).toEqual([]);
  });

  it('accepts a right mark used as an opener', () => {
    expect(contents('”We are ready,” she said.')).toEqual(['We are ready,']);
  });
});
