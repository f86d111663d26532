import { ChipbriefError } from '../errors.js';
import type { ArticleDraft } from './article.js';
import { cleanParagraphs } from './boilerplate.js';
import { isDateLine } from './date-line.js';
import { toIsoDate } from './metadata.js';

const BYLINE = /^(by|written by|words by)\s+(\S.{1,100})$/i;
const DATE_LABEL = /^(published|updated|posted|date)\s*:?\s*/i;
const TITLE_MAX_WORDS = 20;

/** A headline: short, one line, no sentence-ending full stop, not a byline or a date. */
function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return (
    words <= TITLE_MAX_WORDS &&
    line.length <= 200 &&
    !/[.;,]$/.test(line) &&
    !BYLINE.test(line) &&
    !isDateLine(line)
  );
}

function shortTitle(line: string): string {
  if (line.length <= 100) return line;
  const cut = line.slice(0, 100);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 100)}…`;
}

/**
 * A plain-text article: one paragraph per line. The first line is the title when it reads like a
 * headline; a "By ..." line and a date line right after it become byline and publishedAt; the rest is
 * cleaned of boilerplate. Throws INPUT_EMPTY when no text is left.
 */
export function textToDraft(text: string, url: string): ArticleDraft {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
  let title: string | null = null;
  let byline: string | null = null;
  let publishedAt: string | null = null;
  let i = 0;
  if (lines.length > 1 && looksLikeHeadline(lines[0]!)) title = lines[i++]!;
  // Byline and date may follow the title in either order.
  for (let k = 0; k < 2 && i < lines.length; k++) {
    const line = lines[i]!;
    const by = line.match(BYLINE);
    if (!byline && by && by[2]!.split(/\s+/).length <= 12) {
      // "By Jane Doe | Nov 4, 2025": the part after a spaced separator may be the date.
      const [name, after] = by[2]!.split(/\s+[|–—-]\s+|\s*\|\s*/, 2) as [string, string | undefined];
      byline = name.trim();
      publishedAt ??= toIsoDate(after?.replace(DATE_LABEL, ''));
      i++;
    } else if (!publishedAt && isDateLine(line)) {
      publishedAt = toIsoDate(line.replace(DATE_LABEL, ''));
      i++;
    } else break;
  }
  const paragraphs = cleanParagraphs(lines.slice(i));
  if (paragraphs.length === 0) throw new ChipbriefError('INPUT_EMPTY', `no article text in ${url}`);
  return {
    url,
    title: title ?? shortTitle(paragraphs[0]!),
    byline,
    publishedAt,
    text: paragraphs.join('\n'),
    siteName: null,
  };
}
