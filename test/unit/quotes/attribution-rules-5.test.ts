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
    expect(
      who(
        'Seoul said it would wait, while the Ministry of Land, Infrastructure and Transport said it had "no view."',
      ),
    ).toEqual(['no view. => Ministry of Land, Infrastructure and Transport | organization | -']);
    // Officials at the body are not the body; a part of its name is nobody.
    expect(
      who('Officials at the Ministry of Land, Infrastructure and Transport said the plan was "on track."'),
    ).toEqual([]);
  });

  it('reads a capitalised word before a title as part of the role, so the name is the subject', () => {
    const text =
      'Planning Minister Omar Haddad spoke first. "We will build," Haddad said.\nOpposition lawmaker Dana Kowal accused the cabinet of secrecy. "Who decided this?" she asked.';
    expect(who(text)[1]).toBe('Who decided this? => Dana Kowal | person | Opposition lawmaker');
  });

  it('gives a forward attribution to the quotation paragraphs of its run, and only when no one else could be meant', () => {
    expect(
      who(
        '"We were the first to try."\n"We will not be the last."\nThose are the words of Ines Farah, who runs a foundry.',
      ),
    ).toEqual([
      'We were the first to try. => Ines Farah | person | -',
      'We will not be the last. => Ines Farah | person | -',
    ]);
    // A question may be someone else asking; a quotation in the paragraph before may be whose the run is.
    expect(who('"Was it worth it?"\n"Every cent."\nSo says Ines Farah, who runs a foundry.')).toEqual([
      'Every cent. => Ines Farah | person | -',
    ]);
    expect(
      who('"Start," said Bo Lin.\n"Go on."\n"Every cent."\nSo says Ines Farah, who runs a foundry.').slice(2),
    ).toEqual(['Every cent. => Ines Farah | person | -']);
  });
});
