import { hasMentionSyntax as briefHasMention, stripMentions } from '../briefs/sanitize.js';

/**
 * Makes text that came from articles, users or the model safe to put in a message (promise 3): no
 * `@everyone`/`@here`/`@channel`, no Slack `<!...>`/`<@...>`/`<#...>` or Discord `<@&...>` mention, no
 * markup, control characters, code fences or line breaks that could break the layout. The same rules as
 * brief lines. Not for quotes: those stay verbatim and the adapters escape them (mentions disabled).
 */
export function defang(text: string): string {
  return stripMentions(text).replace(/`{3,}/g, '``').trim();
}

/** True when a string still holds something a platform would read as a mention. */
export function hasMentionSyntax(text: string): boolean {
  return briefHasMention(text);
}
