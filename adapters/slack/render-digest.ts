import type { BriefView } from '../../src/briefs/brief.js';
import { outletName } from '../../src/chat/display-text.js';
import type { Digest } from '../../src/digests/digest.js';
import { context, fallbackText, LIMITS, type SlackBlock, type SlackMessage, sections } from './blocks.js';
import { escapeMrkdwn, inline, link, prose } from './mrkdwn.js';
import { DEFAULT_PACK, type PackLimits, packMessages } from './pack.js';
import { markStories, outletList, outletsOf, quoteBlocks, shortDate } from './render-parts.js';

export const DIGEST_EVENT = 'chipbrief_digest';
export const DIGEST_PART_EVENT = 'chipbrief_digest_part';

/** The parent message (overview, carries the digest id) and the thread replies (one or more per story). */
export interface DigestPlan {
  parent: SlackMessage;
  parts: SlackMessage[];
}

export interface DigestRenderOptions {
  pack?: PackLimits;
  /** Digests of at most this many stories go in one message when they fit (no thread replies). */
  inlineMaxStories?: number;
  /** The bot's user id, to tell readers how to ask follow-ups. */
  botUserId?: string | null;
}

const HEADLINE_MAX = 300;

/** One story: linked headline and bullets, its verbatim quotes, then source and other outlets. */
export function storyBlocks(view: BriefView, n: number): SlackBlock[] {
  const headline =
    view.headline.length > HEADLINE_MAX ? `${view.headline.slice(0, HEADLINE_MAX)}…` : view.headline;
  const bullets = view.bullets.map((b) => `\u2022 ${prose(b)}`).join('\n');
  const head = `*${n}. ${link(view.source.url, headline)}*${bullets ? `\n${bullets}` : ''}`;
  const blocks: SlackBlock[] = [...sections(head)];
  const outlets = outletsOf([view.source, ...view.alsoReportedBy, ...(view.members ?? [])]);
  for (const q of view.quotes) blocks.push(...quoteBlocks(q, { outlets }));
  const date = shortDate(view.source.publishedAt);
  const src = `Source: ${link(view.source.url, outletName(view.source))}${date ? ` \u00b7 ${date}` : ''}`;
  const also = view.alsoReportedBy.length > 0 ? `Also reported by ${outletList(view.alsoReportedBy)}` : '';
  blocks.push(context(src, also));
  return blocks;
}

function overviewLines(stories: readonly BriefView[]): string {
  return stories
    .map(
      (s, i) =>
        `*${i + 1}.* ${link(s.source.url, s.headline.slice(0, HEADLINE_MAX))} \u00b7 _${inline(outletName(s.source))}_`,
    )
    .join('\n');
}

/**
 * Slack rendering of a digest. Short digests are one message; longer ones are a compact parent (numbered,
 * linked headlines) with each story's full brief as a reply in its thread. Every message stays within
 * Slack's limits, splitting where needed. The parent carries `chipbrief_digest` metadata with the digest
 * id and the number of replies, and each reply `chipbrief_digest_part` with its index, so a retried
 * delivery can find what was already posted and finish it without posting anything twice.
 */
export function planDigest(digest: Digest, options: DigestRenderOptions = {}): DigestPlan {
  const pack = options.pack ?? DEFAULT_PACK;
  const n = digest.stories.length;
  const title = `*Semiconductor policy brief \u2014 ${escapeMrkdwn(digest.date)}*`;
  const intro: SlackBlock[] = sections(
    digest.overview.trim() ? `${title}\n${prose(digest.overview)}` : title,
  );
  const ask = options.botUserId
    ? `Mention <@${options.botUserId.replace(/[^A-Z0-9]/gi, '')}> in the thread to ask about these stories.`
    : 'Mention the bot in the thread to ask about these stories.';
  const storyGroups = digest.stories.map((s, i) => storyBlocks(s, i + 1));
  const storyIds = digest.stories.map((s) => s.storyId);

  const inlineMax = options.inlineMaxStories ?? 3;
  const countLine = `${n} ${n === 1 ? 'story' : 'stories'}`;
  if (n <= inlineMax) {
    const single = packMessages([intro, ...storyGroups, [context(`${countLine} \u00b7 ${ask}`)]], pack);
    if (single.length === 1) return { parent: finish(single[0]!, digest, 0, storyIds), parts: [] };
  }

  const list = n > 0 ? sections(overviewLines(digest.stories)) : [];
  const footer = context(`${countLine} \u00b7 Full briefs with verbatim quotes in the thread. ${ask}`);
  const parentMessages = packMessages([[...intro, ...list, footer]], pack);
  const replyBlocks = [
    ...parentMessages.slice(1),
    ...storyGroups.flatMap((g, i) =>
      packMessages([g], pack).map((blocks) => {
        markStories(blocks, [storyIds[i]!]);
        return blocks;
      }),
    ),
  ];
  const parts = replyBlocks.map((blocks, i) => ({
    text: fallbackText(blocks),
    blocks,
    metadata: { event_type: DIGEST_PART_EVENT, event_payload: { digest_id: digest.id, part: i + 1 } },
  }));
  return { parent: finish(parentMessages[0] ?? intro, digest, parts.length, storyIds), parts };
}

function finish(blocks: SlackBlock[], digest: Digest, parts: number, storyIds: string[]): SlackMessage {
  markStories(blocks, storyIds);
  return {
    text: fallbackText(blocks, LIMITS.fallbackText),
    blocks,
    metadata: { event_type: DIGEST_EVENT, event_payload: { digest_id: digest.id, parts, date: digest.date } },
  };
}
