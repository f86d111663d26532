/**
 * Quotation marks in model-written text. Promise 1 says a quotation is always verbatim; a bullet may
 * paraphrase, but any words it puts between quotation marks must be words of the article.
 */

/** Openers and the closers each accepts. Straight `"` is handled separately (it opens and closes). */
const PAIRS: Record<string, string> = {
  '\u201C': '\u201D\u201C', // “ … ” (some sites close with “ again)
  '\u201E': '\u201C\u201D', // „ … “ / „ … ”
  '\u00AB': '\u00BB', // « … »
  '\u00BB': '\u00AB', // » … « (Danish, German)
  '\u300C': '\u300D', // 「 … 」
  '\u300E': '\u300F', // 『 … 』
  '\u2018': '\u2019', // ‘ … ’ (only when it opens a word: see below)
};
const CLOSERS = new Set(['\u201D', '\u300D', '\u300F']);
const WORD = /[\p{L}\p{N}]/u;

export type QuotedSpans = { ok: true; spans: string[] } | { ok: false; reason: string };

/**
 * The texts a line encloses in quotation marks. `ok: false` when a mark is left unbalanced: text
 * that looks quoted but cannot be checked is treated as unverifiable. Curly single marks count only
 * when `‘` opens at a word start, so apostrophes (`China’s`, `chipmakers’`) are not quotes.
 */
export function quotedSpans(line: string): QuotedSpans {
  const spans: string[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === '"') {
      const close = line.indexOf('"', i + 1);
      if (close < 0) return { ok: false, reason: 'unbalanced "' };
      spans.push(line.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    const closers = PAIRS[ch];
    if (closers !== undefined) {
      if (ch === '\u2018' && i > 0 && WORD.test(line[i - 1]!)) {
        i++;
        continue;
      }
      let close = -1;
      for (let j = i + 1; j < line.length; j++) {
        if (!closers.includes(line[j]!)) continue;
        // A closing ’ followed by a letter is an apostrophe inside the quoted words.
        if (line[j] === '\u2019' && j + 1 < line.length && WORD.test(line[j + 1]!)) continue;
        close = j;
        break;
      }
      if (close < 0) {
        if (ch === '\u2018') {
          i++; // a lone ‘ is an elision mark ('90s), not a quote
          continue;
        }
        return { ok: false, reason: `unbalanced ${ch}` };
      }
      spans.push(line.slice(i + 1, close));
      i = close + 1;
      continue;
    }
    if (CLOSERS.has(ch)) return { ok: false, reason: `unbalanced ${ch}` };
    i++;
  }
  return { ok: true, spans };
}

/** Apostrophe and whitespace forms vary between a page and a model; the words must not. */
function comparable(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Trims what a writer may legitimately move across a closing mark: edge punctuation and ellipses. */
function core(span: string): string {
  return comparable(span)
    .replace(/^(\.\.\.|\u2026|[\s,;:])+/u, '')
    .replace(/(\.\.\.|\u2026|[\s,.;:!?])+$/u, '')
    .trim();
}

/**
 * True when every quoted span of `line` appears verbatim in `articleText` (modulo apostrophe style,
 * whitespace and edge punctuation). Lines without quotation marks pass.
 */
export function quotesAreVerbatim(line: string, articleText: string): boolean {
  const found = quotedSpans(line);
  if (!found.ok) return false;
  if (found.spans.length === 0) return true;
  const hay = comparable(articleText);
  return found.spans.every((s) => {
    const c = core(s);
    return c.length === 0 || hay.includes(c);
  });
}

/** True when the line contains any double or guillemet/corner quotation mark. */
export function hasQuotationMarks(line: string): boolean {
  return /["\u201C\u201D\u201E\u00AB\u00BB\u300C\u300D\u300E\u300F]/.test(line);
}
