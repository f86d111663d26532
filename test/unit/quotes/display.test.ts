import { describe, expect, it } from 'vitest';
import { displayQuote, quoteParagraphs } from '../../../src/quotes/display.js';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';

describe('quote display helpers', () => {
  it('splits a multi-paragraph quotation and drops the continuation marks', () => {
    const text = 'Lisa Su said:\n“The demand is real.\n“We are shipping as fast as we can,” she added.';
    const [q] = extractQuotes(text);
    expect(q!.text).toBe('The demand is real.\n“We are shipping as fast as we can,');
    expect(quoteParagraphs(q!)).toEqual(['The demand is real.', 'We are shipping as fast as we can,']);
    expect(displayQuote(q!)).toBe('The demand is real. We are shipping as fast as we can');
  });

  it('drops only the trailing comma of a one-paragraph quotation', () => {
    expect(displayQuote({ text: 'Yes, we will comply,' })).toBe('Yes, we will comply');
    expect(displayQuote({ text: 'Why now?' })).toBe('Why now?');
  });
});
