/** A sentence of an article with its offsets in the article's cleaned text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
}

/**
 * Words that end in a period without ending the sentence. Checked case-insensitively against the
 * token before the period, without the period.
 */
const ABBREVIATIONS = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'sr',
    'jr',
    'st',
    'gen',
    'gov',
    'sen',
    'rep',
    'rev',
    'lt',
    'col',
    'sgt',
    'capt',
    'pres',
    'co',
    'corp',
    'inc',
    'ltd',
    'llc',
    'plc',
    'bros',
    'dept',
    'univ',
    'no',
    'nos',
    'vs',
    'etc',
    'approx',
    'est',
    'fig',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'mon',
    'tue',
    'wed',
    'thu',
    'fri',
    'sat',
    'sun',
  ].map((w) => w.toLowerCase()),
);

/** Closing marks that may follow the terminal punctuation and still belong to the sentence. */
const TRAILERS = '"\'\u201D\u2019\u00BB)]\u300D\u300F';

/** Whether the period at `dot` ends an abbreviation rather than the sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1]!)) s--;
  const token = text.slice(s, dot);
  if (token === '') return false;
  // Dotted initialisms ("U.S", "e.g", "a.m") and single initials ("J" in "Jack G. Smith").
  if (token.includes('.') || /^\p{Lu}$/u.test(token)) return true;
  return ABBREVIATIONS.has(token.toLowerCase());
}

/**
 * Splits cleaned article text (paragraphs separated by "\n") into sentences. Respects abbreviations
 * ("U.S.", "Co.", "Dr.", initials) and decimals; a sentence ends at . ! ? (plus closing quotes or
 * brackets) followed by whitespace and a capital, digit or opening mark. Errs toward merging: a
 * missed split costs a longer bullet, a wrong split cuts one in half.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let pos = 0;
  for (const line of text.split('\n')) {
    const base = pos;
    pos += line.length + 1;
    let start = 0;
    const push = (end: number) => {
      const raw = line.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) {
        const s = base + start + lead;
        out.push({ text: trimmed, start: s, end: s + trimmed.length, paragraph });
      }
    };
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (ch !== '.' && ch !== '!' && ch !== '?') continue;
      let j = i + 1;
      while (j < line.length && (line[j] === '.' || line[j] === '!' || line[j] === '?')) j++;
      while (j < line.length && TRAILERS.includes(line[j]!)) j++;
      if (j >= line.length || !/\s/.test(line[j]!)) continue;
      let k = j;
      while (k < line.length && /\s/.test(line[k]!)) k++;
      const next = line[k];
      if (next === undefined || !/[\p{Lu}\p{N}"\u201C\u2018'(\u00AB\u300C]/u.test(next)) continue;
      if (ch === '.' && j === i + 1 && isAbbreviation(line, i)) continue;
      push(j);
      start = k;
      i = k - 1;
    }
    push(line.length);
    paragraph++;
  }
  return out;
}
