import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';
import { combinedRole, spelledTitle } from '../../../src/quotes/role-text.js';

const roles = (text: string) =>
  extractQuotes(text).map((q) => `${q.speaker.name} | ${q.speaker.role ?? '-'}`);

describe('titles written as newsroom abbreviations', () => {
  it('are spelled out, and a description after the name is kept with them', () => {
    expect(spelledTitle('Sen.')).toBe('Senator');
    expect(spelledTitle('Gov.')).toBe('Governor');
    expect(spelledTitle('CEO')).toBeNull();
    expect(spelledTitle('Commerce Secretary')).toBeNull();
    expect(combinedRole('Rep.', 'member of the budget committee')).toBe(
      'Representative, member of the budget committee',
    );
    expect(combinedRole('Commerce Secretary', 'a former banker')).toBe('Commerce Secretary');
    expect(combinedRole(null, 'a former banker')).toBe('a former banker');
  });

  it('give the speaker a readable role in running text, before or after the quotation', () => {
    expect(
      roles(
        'Gov. Maria Lang, a former trade lawyer, said the state would bid. "We want the fab," Lang said.',
      ),
    ).toEqual(['Maria Lang | Governor, former trade lawyer']);
    expect(roles('"The licences are late again," said Sen. Omar Whitcombe.')).toEqual([
      'Omar Whitcombe | Senator',
    ]);
    // A full title is kept as written.
    expect(roles('"We will review every licence," Commerce Secretary Jane Oduya said.')).toEqual([
      'Jane Oduya | Commerce Secretary',
    ]);
  });

  it('still lets "the senator" refer back to the person introduced as "Sen."', () => {
    expect(
      roles(
        'Sen. Omar Whitcombe opened the hearing on Tuesday. "This is a question of supply," the senator said.',
      ),
    ).toEqual(['Omar Whitcombe | Senator']);
  });
});
