/** Words that carry no topic in a question ("what did he say about ..."). */
const STOP = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in ' +
    'into is it its me my new news of on or our say said says she should so than that the their them then ' +
    'there these they this those to up us was we were what whats when where which who whom whose why will ' +
    'with would you your about any anything latest tell show give me happened happening going on'
  ).split(' '),
);

/** The topic words of a free-text query, lower-cased, stop words removed, at most `max`. */
export function queryTerms(query: string, max = 12): string[] {
  const words =
    query
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (const w of words) {
    if (STOP.has(w) || out.includes(w)) continue;
    out.push(w);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * An FTS5 MATCH expression for a user's words: each term quoted (so no user text is FTS syntax), OR'd so
 * partial matches rank instead of vanishing. Null when the query has no topic words.
 */
export function toFtsMatch(query: string): string | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ');
}
