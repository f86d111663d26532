import { ChipbriefError } from '../../../src/errors.js';
import type { Llm, LlmRequest, LlmResult } from '../../../src/ports.js';

/**
 * A scripted implementation of the Llm port for core tests (the adapter over the real openai SDK is
 * tested against the fake HTTP server in test/e2e/openai). Each call takes the next step; the last
 * step repeats.
 */
export type Step = { answer: unknown } | { fail: ChipbriefError } | ((req: LlmRequest<unknown>) => unknown);

export class ScriptedLlm implements Llm {
  readonly model: string;
  calls = 0;
  requests: LlmRequest<unknown>[] = [];

  constructor(
    private readonly steps: Step[],
    model = 'test-model',
  ) {
    this.model = model;
  }

  async complete<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    this.calls++;
    this.requests.push(request as LlmRequest<unknown>);
    const step = this.steps[Math.min(this.calls - 1, this.steps.length - 1)]!;
    let raw: unknown;
    if (typeof step === 'function') raw = step(request as LlmRequest<unknown>);
    else if ('fail' in step) throw step.fail;
    else raw = step.answer;
    const parsed = request.schema.safeParse(raw);
    if (!parsed.success) {
      throw Object.assign(new ChipbriefError('LLM_INVALID_OUTPUT', 'answer does not fit the schema'), {
        usage: { tokensIn: 100, tokensOut: 10 },
      });
    }
    return {
      value: parsed.data,
      tokensIn: Math.ceil(request.user.length / 4),
      tokensOut: 50,
      model: this.model,
    };
  }
}

/** The quote keys ("q1 | name | role | text") a request offers, in order. */
export function offeredKeys(req: LlmRequest<unknown>): string[] {
  return [...req.user.matchAll(/^(q\d+) \|/gm)].map((m) => m[1]!);
}
