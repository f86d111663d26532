import type { BriefView } from '../../src/briefs/brief.js';
import { outletName } from '../../src/chat/display-text.js';
import type { Digest } from '../../src/digests/digest.js';
import { digestRef, overviewFooter, partMark } from './digest-ref.js';
import { COLORS, type Embed, type EmbedField, embedChars, LIMITS, type OutMessage } from './limits.js';
import { cutEscaped, inline, link, plain, prose } from './markdown.js';
import { embedUrl, outletList, quoteEmbeds, shortDate, titleOf } from './render-parts.js';
import { DEFAULT_PACK, type PackLimits, packEmbeds, textEmbeds } from './split.js';

/** The overview (channel message, thread starter) and the thread messages, in order. */
export interface DigestPlan {
  ref: string;
  overview: OutMessage;
  threadName: string;
  parts: OutMessage[];
}

export interface DigestRenderOptions {
  pack?: PackLimits;
  /** The bot's user id, to tell readers whom to mention in the thread. */
  botUserId?: string | null;
}

/** One story: numbered linked headline, bullets, source, other outlets; then its verbatim quotes. */
export function storyEmbeds(view: BriefView, n: number, total: number): Embed[] {
  const bullets = view.bullets.map((b) => `\u2022 ${prose(b)}`).join('\n');
  const fields: EmbedField[] = [];
  const date = shortDate(view.source.publishedAt);
  fields.push({
    name: 'Source',
    value: cutEscaped(
      `${link(view.source.url, outletName(view.source))}${date ? ` \u00b7 ${date}` : ''}`,
      LIMITS.fieldValue,
    ),
    inline: true,
  });
  if (view.alsoReportedBy.length > 0) {
    fields.push({ name: 'Also reported by', value: outletList(view.alsoReportedBy), inline: true });
  }
  const summary = view.summarizer === 'llm' ? 'AI-written summary' : 'extractive summary';
  const head: Omit<Embed, 'description'> = {
    title: titleOf(`${n}. ${view.headline}`),
    ...embedUrl(view.source.url),
    color: COLORS.digest,
    fields,
    footer: { text: `Story ${n} of ${total} \u00b7 ${summary} \u00b7 quotes verbatim` },
  };
  const main = textEmbeds(bullets, head);
  const quotes = quoteEmbeds(view.quotes.map((q) => ({ q }))).flat();
  return [...main, ...quotes];
}

function headlineList(stories: readonly BriefView[], budget: number): string {
  const lines: string[] = [];
  let used = 0;
  for (const [i, s] of stories.entries()) {
    const line = `**${i + 1}.** ${link(s.source.url, s.headline.slice(0, 200))} \u00b7 *${inline(outletName(s.source))}*`;
    const more = `\u2026and ${stories.length - i} more in the thread.`;
    if (used + line.length + 1 + more.length > budget) {
      lines.push(more);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return lines.join('\n');
}

/**
 * Discord rendering of a digest: an overview message (the day's line, numbered linked headlines, a
 * footer with the digest reference) that starts a thread, and thread messages holding one embed (or
 * more, for long ones) per story, packed within Discord's limits. Each thread message says in small
 * print which part it is, so a retried delivery can see what is already there and post only the rest.
 */
export function planDigest(digest: Digest, options: DigestRenderOptions = {}): DigestPlan {
  const pack = options.pack ?? DEFAULT_PACK;
  const ref = digestRef(digest.id);
  const n = digest.stories.length;
  const groups = digest.stories.map((s, i) => storyEmbeds(s, i + 1, n));
  // Each part message needs room for its small-print marker, not counted in the embed limits.
  const messages = packEmbeds(groups, pack);
  const storyRanges = rangesOf(messages, groups);
  const parts: OutMessage[] = messages.map((embeds, i) => ({
    content: partMark(i + 1, messages.length, ref, storyRanges[i]!),
    embeds,
  }));

  const ask =
    options.botUserId && /^\d+$/.test(options.botUserId)
      ? `Mention <@${options.botUserId}> in the thread to ask about these stories.`
      : 'Mention the bot in the thread to ask about these stories.';
  const intro = digest.overview.trim() ? prose(digest.overview) : '';
  const countLine = `**${n} ${n === 1 ? 'story' : 'stories'}** \u2014 full briefs with verbatim quotes in the thread. ${ask}`;
  const fixed = [intro, countLine].filter(Boolean).join('\n\n');
  const footer = { text: overviewFooter(digest.date, parts.length, ref) };
  const title = titleOf(`Semiconductor policy digest \u2014 ${digest.date}`);
  const budget = LIMITS.description - fixed.length - 2;
  const list = n > 0 && budget > 200 ? headlineList(digest.stories, budget) : '';
  let description = [intro, list, countLine].filter(Boolean).join('\n\n');
  if (description.length > LIMITS.description) description = cutEscaped(description, LIMITS.description);
  const overviewEmbed: Embed = { title, description, color: COLORS.digest, footer };
  if (embedChars(overviewEmbed) > LIMITS.embedCharsPerMessage) {
    overviewEmbed.description = cutEscaped(
      description,
      LIMITS.embedCharsPerMessage - title.length - footer.text.length,
    );
  }
  return {
    ref,
    overview: { embeds: [overviewEmbed] },
    threadName: plain(`Digest ${digest.date} \u00b7 ${n} ${n === 1 ? 'story' : 'stories'}`).slice(
      0,
      LIMITS.threadName,
    ),
    parts,
  };
}

/** "Stories 1–3 of 8" for each message: which stories' embeds it holds. */
function rangesOf(messages: Embed[][], groups: Embed[][]): string[] {
  const owner = new Map<Embed, number>();
  groups.forEach((g, i) => {
    for (const e of g) owner.set(e, i + 1);
  });
  const total = groups.length;
  return messages.map((embeds) => {
    const ns = embeds.map((e) => owner.get(e) ?? 0).filter((x) => x > 0);
    const a = Math.min(...ns);
    const b = Math.max(...ns);
    return a === b ? `Story ${a} of ${total}` : `Stories ${a}\u2013${b} of ${total}`;
  });
}
