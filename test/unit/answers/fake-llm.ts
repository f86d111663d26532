import { ChipbriefError } from '../../../src/errors.js';
import type { Llm, LlmRequest } from '../../../src/ports.js';

/** An Llm that answers with `respond(request)`, validated by the request's schema like the real adapter. */
export function fakeLlm(
  respond: (req: LlmRequest<unknown>) => unknown,
): Llm & { calls: LlmRequest<unknown>[] } {
  const calls: LlmRequest<unknown>[] = [];
  return {
    model: 'fake-model',
    calls,
    async complete<T>(req: LlmRequest<T>) {
      calls.push(req as LlmRequest<unknown>);
      const parsed = req.schema.safeParse(respond(req as LlmRequest<unknown>));
      if (!parsed.success) throw new ChipbriefError('LLM_INVALID_OUTPUT', 'schema mismatch');
      return { value: parsed.data, tokensIn: 300, tokensOut: 40, model: 'fake-model' };
    },
  };
}
