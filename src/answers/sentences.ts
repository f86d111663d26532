/** One sentence of an article's cleaned text, with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  /** Index of the paragraph (line) it sits in. */
  paragraph: number;
}

const ABBREV =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Inc|Corp|Co|Ltd|Jr|Sr|St|No|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b(?:[A-Z]\.)+[A-Z]?)$/;

/**
 * Splits cleaned article text into sentences: paragraphs are lines; a sentence ends at . ! or ? (with any
 * closing quote or bracket) before a space and an upper-case letter, digit or opening quote, unless the
 * period ends an abbreviation or initials ("U.S.", "Dr.").
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, paragraph) => {
    const re = /[.!?]+["\u201d\u2019')\]]*\s+(?=["\u201c\u2018(]?[A-Z0-9])/g;
    let from = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const stop = m.index + m[0].trimEnd().length;
      const before = line.slice(from, m.index + 1).replace(/\.$/, '');
      if (line[m.index] === '.' && ABBREV.test(before)) continue;
      push(out, line, from, stop, offset, paragraph);
      from = m.index + m[0].length;
    }
    push(out, line, from, line.length, offset, paragraph);
    offset += line.length + 1;
  });
  return out;
}

function push(
  out: Sentence[],
  line: string,
  from: number,
  to: number,
  offset: number,
  paragraph: number,
): void {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (!t) return;
  out.push({ start: offset + from + lead, end: offset + from + lead + t.length, text: t, paragraph });
}

/** True when a sentence carries quotation marks (so it is not the reporter's own words). */
export function hasQuoteMarks(s: string): boolean {
  return /["\u201c\u201d]/.test(s) || /(^|\s)[\u2018']\S[^\u2019']*[\u2019'](\s|[,.;:]|$)/.test(s);
}

/** The paragraph holding [start, end) and the one before it: where a quote's topic is usually named. */
export function quoteContext(text: string, start: number, end: number): string {
  const paraStart = text.lastIndexOf('\n', start - 1) + 1;
  const prevStart = paraStart > 0 ? text.lastIndexOf('\n', paraStart - 2) + 1 : paraStart;
  let paraEnd = text.indexOf('\n', end);
  if (paraEnd < 0) paraEnd = text.length;
  return text.slice(prevStart, paraEnd);
}
