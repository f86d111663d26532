import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';

const who = (text: string) =>
  extractQuotes(text).map(
    (q) => `${q.text} => ${q.speaker.name ?? '-'} | ${q.speaker.kind} | ${q.speaker.role ?? '-'}`,
  );

describe('attribution rules the blind set prompted', () => {
  it('lets a document speak for whoever issued it, never for the outlet that saw it', () => {
    expect(
      who(
        'Orbis Semiconductor said in a statement on Friday that it had paused sales to two resellers. "We act on every credible report," the statement said.',
      ),
    ).toEqual(['We act on every credible report, => Orbis Semiconductor | organization | -']);
    expect(
      who(
        'The draft, which was seen by Reuters, lists 40 companies. "Exports to these parties require a licence," the draft said.',
      ),
    ).toEqual([]);
  });

  it('never lets a date between speaker and verb into the name', () => {
    expect(who('Ardent Materials on Monday warned that supplies were "extremely tight."')).toEqual([
      'extremely tight. => Ardent Materials | organization | -',
    ]);
  });

  it('resolves surnames that open with a particle to the full name', () => {
    const text =
      '"Nobody is ready," said Anke de Wit, a lawyer at Brandt & Vos in Amsterdam.\nDe Wit said the rules were "unworkable." "Read them twice," von Hagen told the panel.';
    expect(who(text).slice(0, 2)).toEqual([
      'Nobody is ready, => Anke de Wit | person | lawyer at Brandt & Vos in Amsterdam',
      'unworkable. => Anke de Wit | person | lawyer at Brandt & Vos in Amsterdam',
    ]);
    // "von Hagen" was never named in full: not guessed.
    expect(who(text)).toHaveLength(2);
  });

  it('gives "one of them" the singular role of the group', () => {
    expect(
      who(
        'The fund is in talks with three banks, three executives involved in the deal said. "It will close in June," one of them said.',
      ),
    ).toEqual(['It will close in June, => - | unnamed | executive involved in the deal']);
  });

  it('keeps a restrictive description of an unnamed source, not its anonymity clause', () => {
    expect(
      who(
        '"Prices doubled overnight," said a broker who supplies servers to universities and asked not to be named.',
      ),
    ).toEqual(['Prices doubled overnight, => - | unnamed | broker who supplies servers to universities']);
  });

  it("stops a named person's role before a relative clause once the role has an affiliation", () => {
    expect(
      who('"It is a tax," said Rosa Kim, an analyst at Pell Partners who follows memory makers.'),
    ).toEqual(['It is a tax, => Rosa Kim | person | analyst at Pell Partners']);
  });

  it('gives no speaker to a passive label or to two people writing together', () => {
    expect(who('The startup, often described as "the next Arm," raised $90 million.')).toEqual([]);
    expect(
      who(
        'Two former diplomats, Ana Ruiz and Tom Wells, wrote that the deal was "a mistake we will regret."',
      ),
    ).toEqual([]);
  });

  it('reads the speaker named in the next paragraph by "So says" or "That is how"', () => {
    expect(
      who(
        '"You do not rebuild a supply chain in a year."\nSo says Grace Obi, who ran procurement at a Dutch toolmaker for a decade.',
      ),
    ).toEqual(['You do not rebuild a supply chain in a year. => Grace Obi | person | -']);
    // Anything else after a lone quotation paragraph names nobody.
    expect(who('"You do not rebuild a supply chain in a year."\nGrace Obi ran procurement.')).toEqual([]);
  });

  it('does not take the outlet of "was quoted by X as saying" for the speaker', () => {
    expect(
      who(
        'Li Qiang, a trade official, was quoted by the China Daily as saying the talks were "constructive."',
      ),
    ).toEqual(['constructive. => Li Qiang | person | trade official']);
  });

  it('leaves "the president" unnamed when two presidents have spoken', () => {
    const text =
      '"We will build," said Joan Park, president of Altus Chips. "We will buy," said Omar Diaz, president of Brightline Cloud.\n"Both of us need the rule to be clear," the president said.';
    expect(who(text)[2]).toBe('Both of us need the rule to be clear, => - | unnamed | president');
  });
});
