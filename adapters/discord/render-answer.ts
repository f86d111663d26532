import type { Answer, Citation } from '../../src/answers/answer.js';
import type { BriefView } from '../../src/briefs/brief.js';
import { outletName } from '../../src/chat/display-text.js';
import { COLORS, type Embed, LIMITS, type OutMessage } from './limits.js';
import { cutEscaped, engineText, inline, link, oneLine } from './markdown.js';
import { storyEmbeds } from './render-digest.js';
import { outletList, quoteEmbeds, shortDate, titleOf } from './render-parts.js';
import { DEFAULT_PACK, type PackLimits, packEmbeds, textEmbeds } from './split.js';

function citationLine(c: Citation): string {
  const date = shortDate(c.publishedAt);
  const meta = [inline(outletName(c)), date].filter(Boolean).join(', ');
  const also = c.alsoReportedBy?.length
    ? ` \u00b7 also reported by ${outletList(c.alsoReportedBy, 600)}`
    : '';
  return `**[${c.n}]** ${link(c.url, c.title || c.url)} \u2014 ${meta}${also}`;
}

/**
 * Discord rendering of an answer: the title and paragraphs citing [n] in the first embed, the verbatim
 * quotes with their speakers, then the numbered sources and suggestions. Packed into as many messages
 * as Discord's limits need (10 embeds, 6000 characters each); nothing is dropped. Refusals and help
 * get the notice colour.
 */
export function renderAnswer(
  answer: Answer,
  pack: PackLimits = DEFAULT_PACK,
  stories: readonly BriefView[] = [],
): OutMessage[] {
  const color = answer.kind === 'refused' || answer.kind === 'help' ? COLORS.notice : COLORS.answer;
  const groups: Embed[][] = [];
  const body = answer.parts
    .map((p) => engineText(p))
    .filter(Boolean)
    .join('\n\n');
  const head: Omit<Embed, 'description'> = { color };
  if (answer.title.trim()) head.title = titleOf(answer.title);
  if (answer.suggestions.length > 0) {
    // Code spans render their content literally: nothing inside one can ping, link or restyle.
    const tries = answer.suggestions
      .slice(0, 5)
      .map((s) => `\`${oneLine(s).replace(/`/g, "'").slice(0, 150)}\``);
    head.fields = [{ name: 'Try', value: cutEscaped(tries.join(' \u00b7 '), LIMITS.fieldValue) }];
  }
  const main = textEmbeds(body, head);
  if (main.length > 0) groups.push(main);

  // A `digest` answer names the digest; its stories (when the replier could load them) follow in full.
  stories.forEach((v, i) => {
    groups.push(storyEmbeds(v, i + 1, stories.length));
  });

  const quoted = answer.quotes.map((q) => ({ q, ...(q.n === undefined ? {} : { n: q.n }) }));
  groups.push(...quoteEmbeds(quoted, answer.quotes.length > 0 ? 'What they said' : undefined));

  if (answer.citations.length > 0) {
    const lines = [...answer.citations].sort((a, b) => a.n - b.n).map(citationLine);
    groups.push(textEmbeds(lines.join('\n'), { title: 'Sources', color: COLORS.sources }));
  }
  if (groups.length === 0) groups.push([{ description: 'Nothing to show.', color }]);
  return packEmbeds(groups, pack).map((embeds) => ({ embeds }));
}
