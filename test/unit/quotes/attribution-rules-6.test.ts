import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';

const who = (text: string) =>
  extractQuotes(text).map(
    (q) => `${q.text} => ${q.speaker.name ?? '-'} | ${q.speaker.kind} | ${q.speaker.role ?? '-'}`,
  );

// Sentences in no fixture, one group per rule the blind-5 misses and live coverage prompted.
describe('live-blog stamps', () => {
  it('reads the entry after a time stamp as a paragraph of its own, whatever the stamp format', () => {
    const entry =
      'Rep. Ana Ruiz, the Texas Democrat who leads the trade panel, wrote on X: "We are not done."';
    for (const stamp of [
      '9:05 p.m. PT —',
      '14:05 GMT:',
      '08.30 |',
      'Updated 7:15am ET -',
      '12 minutes ago –',
    ])
      expect(who(`${stamp} ${entry}`)).toEqual(['We are not done. => Ana Ruiz | person | Rep.']);
  });

  it('leaves a stamp-only line and a quotation after a stamp to the ordinary rules', () => {
    expect(
      who('Updated 3 min ago\n16:20 BST — "We will appeal," said Omar Haddad, a lawyer for the firm.'),
    ).toEqual(['We will appeal, => Omar Haddad | person | lawyer for the firm']);
    // A number that is no clock stays part of the sentence.
    expect(who('2,000 workers — and Ana Ruiz said "none of them" were told.')).toEqual([
      'none of them => Ana Ruiz | person | -',
    ]);
  });
});

describe('public bodies whose names list a remit, in both cue orders', () => {
  it('reads the whole name before a cue that follows the quotation', () => {
    expect(who('"The door is open," the Department for Culture, Media and Sport said on Friday.')).toEqual([
      'The door is open, => Department for Culture, Media and Sport | organization | -',
    ]);
    expect(
      who(
        '"The door is open," the Department for Culture, Media and Sport, which licenses broadcasters, said.',
      ),
    ).toEqual(['The door is open, => Department for Culture, Media and Sport | organization | -']);
  });

  it('reads the whole name when an appositive follows it', () => {
    expect(
      who(
        'The Department for Culture, Media and Sport, which licenses broadcasters, said: "The door is open."',
      ),
    ).toEqual(['The door is open. => Department for Culture, Media and Sport | organization | -']);
  });

  it('attributes nothing when people at the body, not the body, are the subject', () => {
    expect(who('"The door is open," staff at the Department for Culture, Media and Sport said.')).toEqual([]);
    expect(
      who('Staff at the Department for Culture, Media and Sport, which licenses broadcasters, said: "No."'),
    ).toEqual([]);
  });
});
