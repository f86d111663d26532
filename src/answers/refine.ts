import { toChipbriefError } from '../errors.js';
import type { Answer } from './answer.js';
import type { AnswerDraft } from './draft.js';
import { buildAnswerRequest, groundAnswerOutput } from './llm-answer.js';
import type { AnswerServices } from './services.js';

/**
 * The draft's answer, with its synthesis rewritten by the LLM when one is configured, the daily budget
 * allows it and the draft is a synthesis (not a list). Any LLM failure — transport, invalid JSON, no
 * grounded sentence — returns the offline answer: an answer never fails because of the model.
 */
export async function refineWithLlm(draft: AnswerDraft, services: AnswerServices): Promise<Answer> {
  const { llm, store, clock } = services;
  const offline = draft.answer;
  if (!llm || !draft.synthesize || offline.kind !== 'answer' || draft.cited.length === 0) return offline;
  const day = clock.now().toISOString().slice(0, 10);
  const budget = services.config?.CHIPBRIEF_LLM_DAILY_TOKENS ?? 0;
  if (budget > 0) {
    const used = await store.llmUsage(day);
    if (used.tokensIn + used.tokensOut >= budget) {
      await store.recordLlmUsage(day, { calls: 0, tokensIn: 0, tokensOut: 0, fallbacks: 1 });
      return offline;
    }
  }
  let tokensIn = 0;
  let tokensOut = 0;
  try {
    const { request, quoteKeys } = buildAnswerRequest(draft);
    const res = await llm.complete(request);
    tokensIn = res.tokensIn;
    tokensOut = res.tokensOut;
    const grounded = groundAnswerOutput(res.value, draft, quoteKeys);
    await store.recordLlmUsage(day, { calls: 1, tokensIn, tokensOut, fallbacks: 0 });
    return {
      ...offline,
      parts: grounded.parts,
      quotes: grounded.quotes.length ? grounded.quotes : offline.quotes,
    };
  } catch (err) {
    services.log?.warn(
      { err: toChipbriefError(err).message, code: toChipbriefError(err).code },
      'answer: LLM fallback',
    );
    await store.recordLlmUsage(day, { calls: 1, tokensIn, tokensOut, fallbacks: 1 });
    return offline;
  }
}
