/**
 * Article text is data (promise 3): whatever a summary line carries over from an article or a model
 * must not ping anyone or inject markup. Adapters escape again for their platform; this is the
 * platform-neutral first pass applied to every headline and bullet before it is stored.
 */

/** Slack (`<!channel>`, `<@U123>`, `<#C1|x>`, `<!subteam^S1>`) and Discord (`<@123>`, `<@&123>`, `<#123>`) tokens. */
const ANGLE_TOKEN = /<\s*[!@#][^<>]*>/g;
/** Broadcast mentions written out, in any case, with an optional zero-width or fullwidth at sign. */
const BROADCAST = /[@\uFF20][\u200B-\u200D\uFEFF]*(everyone|here|channel)\b/giu;
/** Any remaining tag-like markup (`<b>`, `</article>`, `<https://x|click>`). */
const TAG = /<\/?[a-z!][^<>]{0,200}>/gi;
/** Control characters (terminal escapes included) and bidi overrides that could reorder a line. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Removes mention syntax and markup from one line of summary text, collapsing whitespace. */
export function stripMentions(line: string): string {
  return line
    .replace(CONTROL, ' ')
    .replace(ANGLE_TOKEN, ' ')
    .replace(BROADCAST, ' ')
    .replace(TAG, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

/** True when the line still carries something a platform would treat as a mention. */
export function hasMentionSyntax(line: string): boolean {
  return /<\s*[!@#]/.test(line) || /[@\uFF20][\u200B-\u200D\uFEFF]*(everyone|here|channel)\b/iu.test(line);
}

/** A summary line as it is stored: no mentions, no markup, no list marker, bounded length. */
export function cleanSummaryLine(line: string, maxChars = 400): string {
  let s = stripMentions(line).replace(/^([-*\u2022\u2023\u25E6\u2043\u2219]|\d+[.)])\s+/, '');
  if (s.length > maxChars) {
    const cut = s.lastIndexOf(' ', maxChars - 1);
    s = `${s.slice(0, cut > maxChars / 2 ? cut : maxChars - 1).trimEnd()}\u2026`;
  }
  return s;
}
