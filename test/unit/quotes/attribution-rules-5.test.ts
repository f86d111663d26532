import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';

const who = (text: string) =>
  extractQuotes(text).map(
    (q) => `${q.text} => ${q.speaker.name ?? '-'} | ${q.speaker.kind} | ${q.speaker.role ?? '-'}`,
  );

// Sentences in no fixture, one per rule the second blind set (blind-5.ts) prompted.
describe('attribution rules the second blind set prompted', () => {
  it('reads a public body whose name lists its remit with commas as one name, never a part of it', () => {
    expect(
      who('The Department for Science, Innovation and Technology said the plan was "on track."'),
    ).toEqual(['on track. => Department for Science, Innovation and Technology | organization | -']);
    expect(who('"We are on track," said the Ministry of Land, Infrastructure and Transport.')).toEqual([
      'We are on track, => Ministry of Land, Infrastructure and Transport | organization | -',
    ]);
    // Officials at the body are not the body; a part of its name is nobody.
    expect(
      who('Officials at the Ministry of Land, Infrastructure and Transport said the plan was "on track."'),
    ).toEqual([]);
  });
});
