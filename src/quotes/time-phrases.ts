import { type Tok, WORD } from './tokens.js';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');
const MONTHS = words(
  'january february march april may june july august september october november december jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.',
);
const PERIODS = words('week weekend month year quarter morning afternoon evening night');
const DAY_WORDS = words('yesterday today tonight');
const RELATIVE = words('last this next');
const PART_OF_DAY = words('late early');

/** A weekday or a month name ("Tuesday", "June", "Sept."). */
export function isDateWord(t: Tok | undefined): boolean {
  return t !== undefined && t.k === WORD && (WEEKDAYS.has(t.lc) || MONTHS.has(t.lc));
}

/**
 * Skips a time adverbial ending at token k, read backwards, and returns the index before it:
 * "The Commerce Department on Tuesday said", "Huang last week told", "the ministry late on Monday
 * said". Returns k when there is none. A date is never part of a speaker's name.
 */
export function skipTimeBack(toks: readonly Tok[], k: number, lo: number): number {
  for (let round = 0; round < 2; round++) {
    let j = k;
    const lc = (i: number) => (i >= lo ? (toks[i]?.k === WORD ? toks[i]!.lc : '') : '');
    if (/^\d{1,2}$/.test(lc(j)) && MONTHS.has(lc(j - 1))) j--;
    else if (PERIODS.has(lc(j)) && (WEEKDAYS.has(lc(j - 1)) || RELATIVE.has(lc(j - 1)))) j--;
    const w = lc(j);
    if (RELATIVE.has(w) && j < k) j--;
    else if (WEEKDAYS.has(w) || (MONTHS.has(w) && (j < k || lc(j - 1) === 'on'))) {
      // A bare month is left alone: "Theresa May said".
      j--;
      if (lc(j) === 'on') j--;
      if (PART_OF_DAY.has(lc(j))) j--;
    } else if (DAY_WORDS.has(w)) j--;
    else return k;
    if (j < lo - 1) return k;
    k = j;
  }
  return k;
}
