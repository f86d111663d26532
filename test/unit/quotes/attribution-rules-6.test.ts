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
      expect(who(`${stamp} ${entry}`)).toEqual(['We are not done. => Ana Ruiz | person | Representative']);
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

describe('an estimate as a cue', () => {
  it('reads "X estimated that ..." as X\'s claim, but not a passive or "that year"', () => {
    expect(who('TrendForce estimated that the ban would cost chipmakers "north of $5 billion."')).toEqual([
      'north of $5 billion. => TrendForce | organization | -',
    ]);
    expect(who('It is estimated that the ban will cost "north of $5 billion."')).toEqual([]);
    expect(who('The fab, estimated that year at $4 billion, was "overbuilt" by spring.')).toEqual([]);
  });
});

describe('a partial quote with the speaker closing the sentence', () => {
  it('gives the quotation to ", <name> said" when the sentence has no other quotation or cue', () => {
    expect(
      who(
        'Orders for lithography tools will fall "by a third" next year, Treasurer Ana Ruiz said on Monday.',
      ),
    ).toEqual(['by a third => Ana Ruiz | person | Treasurer']);
    expect(
      who('Memory prices will rise "by double digits" in the spring, Counterpoint Research said in a note.'),
    ).toEqual(['by double digits => Counterpoint Research | organization | -']);
  });

  it('leaves it out when someone else could be meant', () => {
    // Another cue in the sentence: the quotation is that speaker's, only reported (the earlier rule).
    expect(
      who('Omar Haddad told lawmakers the rules were "a disaster" for exporters, Ana Ruiz said.'),
    ).toEqual(['a disaster => Omar Haddad | person | -']);
    // A pronoun or "the company" would need resolving across sentences; a name is a term, not speech.
    expect(who('Margins will dip "a point or two" this year, she said.')).toEqual([]);
    expect(who('The cuts are "temporary" and will end in May, the company said.')).toEqual([]);
    expect(who('The firm launched its "Falcon" chip last year, CEO Ana Ruiz said.')).toEqual([]);
  });
});
