import { linkableUrl } from '../../src/chat/link-url.js';

/**
 * Discord markdown for text that did not come from this adapter (DESIGN promise 3: article text is
 * data). Titles, bullets, quotes, speaker and outlet names, engine prose and user input go through
 * `inline`, `prose` or `engineText`, so `**`, `||`, `# heading`, `> quote`, `[x](y)` masked links,
 * `<@id>` / `<@&id>` / `<#id>` / `<t:…>` and `@everyone` / `@here` render as the characters they are.
 * Backslash escapes are invisible in Discord's renderer. Every message also carries
 * `allowed_mentions: { parse: [] }`, so even a mention that got through would ping no one.
 * Links the adapter makes go through `link`.
 */

/** Word joiner: invisible, and keeps `@everyone` / `@here` from being read as a mention. */
const WJ = '\u2060';

/** Characters Discord reads as inline syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\*_~`|[\]<>]/g;

/** Control and bidi-override characters: they can reorder or hide the rest of a message. */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${WJ}$1`);
}

/** Escapes line-start syntax: headings, `-#` subtext, lists, numbered lists, block quotes. */
function escapeLineStarts(text: string): string {
  return text
    .replace(/^([ \t]*)(#{1,3}|[-+])(?=[ \t#])/gm, (_m, sp: string, mark: string) => `${sp}\\${mark}`)
    .replace(/^([ \t]*)(\d+)\.(?=[ \t])/gm, '$1$2\\.');
}

/** Escapes every markdown and mention construct in `text`, keeping its characters and line breaks. */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(defuseMentions(text.replace(INVISIBLE, '').replace(INLINE_SYNTAX, '\\$&')));
}

/** Whitespace of one-line fields (titles, names): no newline can break the layout. */
export function oneLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** A piece of untrusted text inside a line we format. */
export function inline(text: string): string {
  return escapeMarkdown(oneLine(text));
}

/** Tidies line breaks of multi-line text: no more than one blank line in a row, no trailing spaces. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Multi-line untrusted text (quotes, bullets): escaped, runs of blank lines collapsed. */
export function prose(text: string): string {
  return escapeMarkdown(tidy(text));
}

/**
 * Prose written by the answers engine: escaped like `prose`, except that single-line inline code spans
 * (`/chipbrief firm SMIC` in help) stay code. Code renders nothing inside it, so it cannot ping, link
 * or restyle anything.
 */
export function engineText(text: string): string {
  const t = tidy(text);
  let out = '';
  let last = 0;
  for (const m of t.matchAll(/`([^`\n]{1,200})`/g)) {
    out += escapeMarkdown(t.slice(last, m.index));
    out += `\`${m[1]!.replace(INVISIBLE, '')}\``;
    last = m.index + m[0].length;
  }
  return out + escapeMarkdown(t.slice(last));
}

/** Text for places Discord shows without markdown (footers, author names, thread names): one line, no mentions. */
export function plain(text: string): string {
  return defuseMentions(oneLine(text));
}

/** The URL if it is http(s), parses and has no credentials, in a form that cannot close a `(…)` link. */
export function safeUrl(raw: string): string | null {
  const u = linkableUrl(raw);
  if (!u) return null;
  return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** `[label](url)` for an http(s) URL, else the escaped label: a link we make, with an inert label. */
export function link(url: string, label: string): string {
  const safe = safeUrl(url);
  const text = inline(label) || inline(url);
  return safe ? `[${text}](${safe})` : text;
}

/** Removes the bot's `<@id>` / `<@!id>` mentions (and a comma or colon after one) from a message's text. */
export function stripBotMention(text: string, botId: string | null): string {
  let t = text;
  if (botId && /^\d+$/.test(botId)) t = t.replace(new RegExp(`<@!?${botId}>[,:]?`, 'g'), ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/** Cuts escaped text to `max` characters without leaving a dangling backslash or half a surrogate pair. */
export function cutEscaped(text: string, max: number, ellipsis = '\u2026'): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ellipsis.length);
  while (end > 0 && isUnsafeCut(text, end)) end -= 1;
  return text.slice(0, end).trimEnd() + ellipsis;
}

/** True when cutting before index `i` would split an escape (`\x`) or a surrogate pair. */
export function isUnsafeCut(text: string, i: number): boolean {
  const prev = text.charCodeAt(i - 1);
  if (prev >= 0xd800 && prev <= 0xdbff) return true;
  // Count the backslashes just before the cut: an odd number means one escapes the next character.
  let n = 0;
  for (let j = i - 1; j >= 0 && text[j] === '\\'; j -= 1) n += 1;
  return n % 2 === 1;
}
