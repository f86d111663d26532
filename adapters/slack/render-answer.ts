import type { Answer, Citation } from '../../src/answers/answer.js';
import type { BriefView } from '../../src/briefs/brief.js';
import { outletName } from '../../src/chat/display-text.js';
import { context, fallbackText, type SlackBlock, type SlackMessage, sections } from './blocks.js';
import { engineProse, inline, link } from './mrkdwn.js';
import { DEFAULT_PACK, type PackLimits, packMessages } from './pack.js';
import { storyBlocks } from './render-digest.js';
import { markStories, outletList, outletsOf, quoteBlocks, shortDate } from './render-parts.js';

function citationLine(c: Citation): string {
  const date = shortDate(c.publishedAt);
  const meta = [inline(outletName(c)), date].filter(Boolean).join(', ');
  const also = c.alsoReportedBy?.length ? ` \u00b7 also reported by ${outletList(c.alsoReportedBy, 3)}` : '';
  return `[${c.n}] ${link(c.url, c.title || c.url)} \u2014 ${meta}${also}`;
}

/**
 * Slack rendering of an answer: title, short paragraphs citing [n] (for a `digest` answer, the digest's
 * stories), the verbatim quotes with their speakers, then the numbered sources and suggestions. Split into several messages when long; the
 * first message carries the answer's story ids in its block ids (thread context, see thread-context.ts).
 */
export function renderAnswer(
  answer: Answer,
  pack: PackLimits = DEFAULT_PACK,
  stories: readonly BriefView[] = [],
): SlackMessage[] {
  const groups: SlackBlock[][] = [];
  const title = answer.title.trim() ? `*${inline(answer.title)}*` : '';
  const paragraphs = answer.parts.map((p) => engineProse(p)).filter(Boolean);
  const first = [title, paragraphs[0] ?? ''].filter(Boolean).join('\n');
  if (first) groups.push(sections(first));
  for (const p of paragraphs.slice(1)) groups.push(sections(p));
  // A `digest` answer: the stories themselves, as in the daily digest.
  stories.forEach((view, i) => {
    groups.push(storyBlocks(view, i + 1));
  });
  const outlets = outletsOf(answer.citations.flatMap((c) => [c, ...(c.alsoReportedBy ?? [])]));
  for (const q of answer.quotes)
    groups.push(quoteBlocks(q, { ...(q.n !== undefined ? { citation: q.n } : {}), outlets }));
  if (answer.citations.length > 0) {
    const lines = [...answer.citations].sort((a, b) => a.n - b.n).map(citationLine);
    groups.push(sections(`*Sources*\n${lines.join('\n')}`));
  }
  if (answer.suggestions.length > 0) {
    const tries = answer.suggestions.slice(0, 5).map((s) => `\`${inline(s)}\``);
    groups.push([context(`Try ${tries.join(' \u00b7 ')}`)]);
  }
  if (groups.length === 0) groups.push(sections('Nothing to show.'));
  const messages = packMessages(groups, pack);
  markStories(messages[0]!, answer.storyIds);
  return messages.map((blocks) => ({ text: fallbackText(blocks), blocks }));
}
