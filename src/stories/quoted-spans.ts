/** A run of text between quotation marks (marks excluded), as character offsets into the text. */
export interface QuotedSpan {
  start: number;
  end: number;
}

/**
 * Quoted runs of each paragraph. Straight quotes alternate; curly quotes say which side they are.
 * A quote left open at the end of a paragraph runs to its end, as multi-paragraph quotes do.
 */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      if (open >= 0) spans.push({ start: open, end: i });
      open = -1;
    } else if (c === '\u201c' || (c === '"' && open < 0)) {
      if (open >= 0) spans.push({ start: open, end: i });
      open = i + 1;
    } else if ((c === '\u201d' || c === '"') && open >= 0) {
      spans.push({ start: open, end: i });
      open = -1;
    }
  }
  if (open >= 0) spans.push({ start: open, end: text.length });
  return spans.filter((s) => s.end > s.start);
}
