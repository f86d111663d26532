import { linkableUrl } from '../../src/chat/link-url.js';

/**
 * mrkdwn escaping: article text is data (DESIGN promise 3). Everything that did not come from this
 * adapter — titles, quotes, bullets, speaker names, engine prose, user input — goes through `inline` or
 * `prose`, so `<!channel>`, `<@U…>`, `<#C…>` and `<https://evil|click>` reach Slack as `&lt;…&gt;` and
 * render as text. Links the adapter makes itself go through `link`.
 */

const ZWSP = '\u200b';

/** Escapes the three characters Slack reads as control syntax. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Makes `*`, `_` and `~` unable to open or close bold, italic or strike: each gets a zero-width space on
 * both sides, so the marker has a word character on one side and a non-space on the other whichever way
 * Slack classifies the zero-width space. The visible text is unchanged.
 */
function defuseEmphasis(text: string): string {
  return text.replace(/[*_~]/g, (c) => `${ZWSP}${c}${ZWSP}`);
}

/** Backticks open code spans regardless of word boundaries: shown as a look-alike modifier letter. */
function defuseCode(text: string): string {
  return text.replace(/`/g, '\u02cb');
}

/** Whitespace of one-line fields (titles, names): no newline can break the layout. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A piece of article or user text inside a line we format: escaped and with formatting defused. */
export function inline(text: string): string {
  return defuseCode(defuseEmphasis(escapeMrkdwn(oneLine(text))));
}

/**
 * Multi-line untrusted text (quotes, engine prose): escaped, formatting defused, runs of blank lines
 * collapsed so a hostile article cannot push the rest of a message out of view.
 */
export function prose(text: string): string {
  return defuseCode(proseKeepingBackticks(text));
}

/**
 * The answers engine's own paragraphs: like `prose`, except that a short inline code span on one line
 * stays code — the engine writes commands that way (`/chipbrief help`). A code span cannot mention
 * anyone or link anywhere; unbalanced or long runs of backticks are still defused.
 */
export function engineProse(text: string): string {
  return proseKeepingBackticks(text)
    .split(/(`[^`\n]{1,100}`)/g)
    .map((part, i) => (i % 2 === 1 ? part : defuseCode(part)))
    .join('');
}

function proseKeepingBackticks(text: string): string {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return defuseEmphasis(escapeMrkdwn(tidy));
}

/** The URL if it is http(s) and parses, normalised so it cannot close or split a `<url|label>` link. */
export function safeUrl(raw: string): string | null {
  const u = linkableUrl(raw);
  if (!u) return null;
  // Slack truncates long links badly and a link longer than a section cannot be split: show no link.
  if (u.href.length > 1000) return null;
  // URL serialisation percent-encodes spaces, quotes and angle brackets but not '|'.
  return u.href.replace(/\|/g, '%7C').replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/** `<url|label>` for an http(s) URL, else just the label: a link we make, with an inert label. */
export function link(url: string, label: string): string {
  const safe = safeUrl(url);
  const shown = label.trim() ? label : url;
  const text = inline(shown.length > 300 ? `${shown.slice(0, 300)}…` : shown);
  return safe ? `<${safe}|${text}>` : text;
}

/** Removes `<@BOTID>` mentions of the bot (and a leading comma or colon after one) from a mention's text. */
export function stripBotMention(text: string, botUserId: string | null): string {
  let t = text;
  if (botUserId) {
    const re = new RegExp(`<@${botUserId.replace(/[^A-Z0-9]/gi, '')}(\\|[^>]*)?>[,:]?`, 'g');
    t = t.replace(re, ' ');
  }
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * Slack sends user text with its own escaping (`&amp;`, `&lt;`, `&gt;`) and links as `<url|label>` or
 * `<url>` (even for a bare `example.com`, which it links as `<http://example.com|example.com>`): the
 * engine wants the text with the link target. Mentions stay as they are (the engine treats them as words).
 */
export function unescapeSlackInput(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>/g, (_m, url: string) => url.replace(/^mailto:/, ''))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
