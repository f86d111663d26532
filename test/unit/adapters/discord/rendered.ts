import type { Embed, OutMessage } from '../../../../adapters/discord/limits.js';

/** What a reader sees of escaped text: Discord drops a backslash before punctuation; word joiners are invisible. */
export function rendered(md: string): string {
  return md.replace(/\\([^\p{L}\p{N}\s])/gu, '$1').replace(/\u2060/g, '');
}

/** Index of the first markdown-significant character in `md` that is not backslash-escaped, or -1. */
export function firstUnescaped(md: string, chars = '*_~`|[]<>'): number {
  for (let i = 0; i < md.length; i += 1) {
    if (md[i] === '\\') {
      i += 1;
      continue;
    }
    if (chars.includes(md[i]!)) return i;
  }
  return -1;
}

export function embedTexts(e: Embed): string[] {
  return [
    e.title ?? '',
    e.description ?? '',
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    e.footer?.text ?? '',
  ];
}

/** All visible text of messages, in order. */
export function allText(messages: readonly OutMessage[]): string {
  return messages.flatMap((m) => [m.content ?? '', ...m.embeds.flatMap(embedTexts)]).join('\n');
}
