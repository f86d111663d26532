import { z } from 'zod';
import type { RenderedQuote } from '../briefs/brief.js';
import { fillTemplate, loadPrompt, type Prompt } from '../briefs/prompt.js';
import { neutralize, promptLine, trimToTokens } from '../briefs/prompt-text.js';
import { quotesAreVerbatim } from '../briefs/quote-marks.js';
import { cleanSummaryLine, hasMentionSyntax } from '../briefs/sanitize.js';
import { ChipbriefError } from '../errors.js';
import type { LlmRequest } from '../ports.js';
import type { AnswerDraft } from './draft.js';
import { marks, shortDate } from './format.js';

/** What the model answers; counts are trimmed by grounding rather than failing the whole answer. */
export const answerOutputSchema = z.object({
  sentences: z.array(z.object({ text: z.string(), cites: z.array(z.number()) })),
  quoteIds: z.array(z.string()),
});
export type AnswerOutput = z.infer<typeof answerOutputSchema>;

export const ANSWER_PROMPT = { name: 'answer', version: 1 } as const;
/** Article text sent per passage, in tokens (about four characters each). */
const PASSAGE_TOKENS = 450;
const MAX_SENTENCES = 5;
const MAX_QUOTES = 4;
const MAX_PROMPT_QUOTES = 12;
const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|ru|cn|xyz)\b/i;

/** The request: the question and only the draft's cited stories, as numbered data blocks. */
export function buildAnswerRequest(
  draft: AnswerDraft,
  prompt: Prompt = loadPrompt(ANSWER_PROMPT.name, ANSWER_PROMPT.version),
): { request: LlmRequest<AnswerOutput>; quoteKeys: Map<string, RenderedQuote> } {
  const passages = draft.cited.map((c) => {
    const a = c.story.canonical;
    const lines = [
      `<passage n="${c.n}">`,
      `title: ${promptLine(a.title)}`,
      `source: ${promptLine(a.siteName ?? '')}${c.story.members.length > 1 ? ` (and ${c.story.members.length - 1} other outlets)` : ''}`,
      `date: ${shortDate(a.publishedAt) ?? 'unknown'}`,
      `summary: ${promptLine(c.gist.headline)}. ${promptLine(c.gist.sentence)}`,
      'text:',
      neutralize(trimToTokens(a.text, PASSAGE_TOKENS)),
      '</passage>',
    ];
    return lines.join('\n');
  });
  const quoteKeys = new Map<string, RenderedQuote>();
  for (const [i, q] of draft.quotePool.slice(0, MAX_PROMPT_QUOTES).entries()) quoteKeys.set(`Q${i + 1}`, q);
  const quoteLines = [...quoteKeys].map(
    ([k, q]) =>
      `${k} | passage ${q.n ?? '?'} | ${promptLine(q.speaker.name ?? 'unnamed source')} | ${promptLine(q.speaker.role ?? '')} | ${promptLine(q.text)}`,
  );
  const user = fillTemplate(prompt.user, {
    question: promptLine(draft.question),
    passages: passages.join('\n'),
    quotes: quoteLines.length ? quoteLines.join('\n') : '(none)',
  });
  return {
    request: {
      promptId: prompt.id,
      system: prompt.system,
      user,
      schema: answerOutputSchema,
      schemaName: 'cited_answer',
      maxOutputTokens: 700,
    },
    quoteKeys,
  };
}

/**
 * Holds the model to the rules: a sentence is kept only when it cites at least one passage and only
 * passages that exist, carries no link or mention syntax, and puts quotation marks only around words
 * verbatim in the passages it cites. Quote ids not offered are dropped; quote text always comes from
 * the store. Throws LLM_INVALID_OUTPUT when no sentence survives.
 */
export function groundAnswerOutput(
  out: AnswerOutput,
  draft: AnswerDraft,
  quoteKeys: ReadonlyMap<string, RenderedQuote>,
): { parts: string[]; quotes: RenderedQuote[]; dropped: number } {
  const texts = new Map(draft.cited.map((c) => [c.n, c.story.members.map((m) => m.text).join('\n')]));
  const parts: string[] = [];
  let dropped = 0;
  for (const s of out.sentences) {
    const cites = [...new Set(s.cites)];
    const raw = s.text.replace(/\s*\[\d+(?:\s*,\s*\d+)*\]/g, '').trim();
    const ok =
      cites.length > 0 &&
      cites.every((n) => texts.has(n)) &&
      raw.length > 0 &&
      !LINK.test(raw) &&
      !hasMentionSyntax(raw) &&
      quotesAreVerbatim(raw, cites.map((n) => texts.get(n)!).join('\n'));
    const line = ok ? cleanSummaryLine(raw) : '';
    if (!line || parts.length >= MAX_SENTENCES) {
      dropped++;
      continue;
    }
    parts.push(`${line} ${marks(cites)}`);
  }
  if (parts.length === 0) {
    throw new ChipbriefError('LLM_INVALID_OUTPUT', `no usable sentence (${dropped} dropped)`);
  }
  const quotes: RenderedQuote[] = [];
  for (const id of out.quoteIds) {
    const q = quoteKeys.get(id.trim()) ?? quoteKeys.get(`Q${id.trim().replace(/^[#qQ]/, '')}`);
    if (!q || quotes.some((x) => x.id === q.id || x.text === q.text)) continue;
    quotes.push(q);
    if (quotes.length >= MAX_QUOTES) break;
  }
  return { parts, quotes, dropped };
}
