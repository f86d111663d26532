import { z } from 'zod';
import { ChipbriefError } from '../errors.js';
import type { Llm, LlmRequest } from '../ports.js';
import type { StoredQuote } from '../store/port.js';
import type { BriefDraft } from './extractive.js';
import { cleanHeadline } from './headline.js';
import { distinctQuotes } from './key-quotes.js';
import { fillTemplate, loadPrompt, type Prompt } from './prompt.js';
import { neutralize, promptLine, trimToTokens } from './prompt-text.js';
import { hasQuotationMarks, quotesAreVerbatim } from './quote-marks.js';
import { cleanSummaryLine } from './sanitize.js';
import type { StoryMaterial } from './story-material.js';

/**
 * What the model answers. Counts are not constrained here: a fifth bullet or a fourth id is trimmed
 * by grounding rather than failing the whole answer.
 */
export const briefOutputSchema = z.object({
  headline: z.string(),
  bullets: z.array(z.string()),
  quoteIds: z.array(z.string()),
});
export type BriefOutput = z.infer<typeof briefOutputSchema>;

export const BRIEF_PROMPT = { name: 'brief', version: 1 } as const;
/** Tokens of article text sent at most; a token is about four characters of English. */
export const DEFAULT_ARTICLE_TOKENS = 3000;
const MAX_PROMPT_QUOTES = 15;
const MAX_QUOTE_CHARS = 400;

/** The quotes offered to the model, keyed q1..qN (short keys cost fewer tokens and are hard to garble). */
export function promptQuotes(m: StoryMaterial): Map<string, StoredQuote> {
  const keyed = new Map<string, StoredQuote>();
  for (const [i, q] of distinctQuotes(m.quotes, m.articles).slice(0, MAX_PROMPT_QUOTES).entries()) {
    keyed.set(`q${i + 1}`, q);
  }
  return keyed;
}

/** Builds the request for one story brief. */
export function buildBriefRequest(
  m: StoryMaterial,
  options: { prompt?: Prompt; maxArticleTokens?: number } = {},
): { request: LlmRequest<BriefOutput>; quoteKeys: Map<string, StoredQuote> } {
  const prompt = options.prompt ?? loadPrompt(BRIEF_PROMPT.name, BRIEF_PROMPT.version);
  const quoteKeys = promptQuotes(m);
  const quoteLines = [...quoteKeys].map(([key, q]) => {
    const who = q.speaker.name ?? 'unnamed source';
    const text = q.text.length > MAX_QUOTE_CHARS ? `${q.text.slice(0, MAX_QUOTE_CHARS)}\u2026` : q.text;
    return `${key} | ${promptLine(who)} | ${promptLine(q.speaker.role ?? '')} | ${promptLine(text)}`;
  });
  const user = fillTemplate(prompt.user, {
    title: promptLine(m.canonical.title),
    site: promptLine(m.canonical.siteName ?? ''),
    article: neutralize(trimToTokens(m.canonical.text, options.maxArticleTokens ?? DEFAULT_ARTICLE_TOKENS)),
    quotes: quoteLines.length ? quoteLines.join('\n') : '(none)',
  });
  return {
    request: {
      promptId: prompt.id,
      system: prompt.system,
      user,
      schema: briefOutputSchema,
      schemaName: 'story_brief',
      maxOutputTokens: 600,
    },
    quoteKeys,
  };
}

/**
 * Holds a model's answer to promise 1 and 3: mention syntax and markup removed, any bullet whose
 * quotation marks enclose words not verbatim in the article removed, unknown quote ids dropped,
 * at most four bullets and three quotes. Throws LLM_INVALID_OUTPUT when fewer than two bullets remain.
 */
export function groundBriefOutput(
  out: BriefOutput,
  m: StoryMaterial,
  quoteKeys: ReadonlyMap<string, StoredQuote>,
): BriefDraft & { dropped: { bullets: number; quoteIds: number } } {
  const article = m.canonical.text;
  const bullets: string[] = [];
  let droppedBullets = 0;
  for (const raw of out.bullets) {
    const b = cleanSummaryLine(raw);
    if (!b) continue;
    if (!quotesAreVerbatim(b, article) || bullets.includes(b)) {
      droppedBullets++;
      continue;
    }
    bullets.push(b);
  }
  if (bullets.length < 2) {
    throw new ChipbriefError(
      'LLM_INVALID_OUTPUT',
      `only ${bullets.length} usable bullet(s) after grounding (${droppedBullets} removed)`,
    );
  }
  const ids: string[] = [];
  const texts = new Set<string>();
  let droppedIds = 0;
  for (const key of out.quoteIds) {
    const q = quoteKeys.get(key.trim()) ?? quoteKeys.get(`q${key.trim().replace(/^#/, '')}`);
    if (!q || ids.includes(q.id) || texts.has(q.text)) {
      droppedIds++;
      continue;
    }
    ids.push(q.id);
    texts.add(q.text);
  }
  const fallbackHeadline = cleanHeadline(m.canonical.title, m.canonical.siteName, bullets[0]);
  let headline = cleanSummaryLine(out.headline, 160);
  if (!headline || (hasQuotationMarks(headline) && !quotesAreVerbatim(headline, article))) {
    headline = fallbackHeadline;
  }
  return {
    headline,
    bullets: bullets.slice(0, 4),
    quoteIds: ids.slice(0, 3),
    dropped: {
      bullets: droppedBullets + Math.max(0, bullets.length - 4),
      quoteIds: droppedIds + Math.max(0, ids.length - 3),
    },
  };
}

/** One LLM brief: request, validated answer, grounding. Throws LLM_* ChipbriefErrors. */
export async function llmBrief(
  llm: Llm,
  m: StoryMaterial,
  options: { prompt?: Prompt; maxArticleTokens?: number } = {},
): Promise<{ draft: BriefDraft; tokensIn: number; tokensOut: number; promptId: string }> {
  const { request, quoteKeys } = buildBriefRequest(m, options);
  const res = await llm.complete(request);
  try {
    const { dropped: _dropped, ...draft } = groundBriefOutput(res.value, m, quoteKeys);
    return { draft, tokensIn: res.tokensIn, tokensOut: res.tokensOut, promptId: request.promptId };
  } catch (err) {
    // The call happened and cost tokens even though its answer is unusable.
    if (err instanceof ChipbriefError)
      Object.assign(err, { usage: { tokensIn: res.tokensIn, tokensOut: res.tokensOut } });
    throw err;
  }
}
