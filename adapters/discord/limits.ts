/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer text and author name of all embeds. */
  embedCharsPerMessage: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  threadName: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

/** The subset of Discord's embed object this adapter sends. */
export interface Embed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: { text: string };
  author?: { name: string };
}

/** A message before it is sent: where it goes and `allowed_mentions` are the sender's business. */
export interface OutMessage {
  content?: string;
  embeds: Embed[];
}

/** Characters of an embed that count toward the 6000 per message. */
export function embedChars(e: Embed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0);
  n += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export const COLORS = {
  answer: 0x3b82f6,
  quote: 0x64748b,
  sources: 0x94a3b8,
  digest: 0x0ea5e9,
  notice: 0xf59e0b,
} as const;
