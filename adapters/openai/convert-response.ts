import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { z } from 'zod';
import type { LlmResult } from '../../src/ports.js';
import { llmError } from './map-openai-error.js';

/** Some servers wrap JSON in a markdown fence even in JSON mode. */
function unfence(s: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(s);
  return m ? m[1]! : s;
}

/**
 * The validated value of a chat completion, with its token usage. Refusals, truncated or empty
 * answers, non-JSON and schema mismatches are LLM_INVALID_OUTPUT carrying the usage they cost.
 */
export function fromChatCompletion<T>(
  completion: ChatCompletion,
  schema: z.ZodType<T>,
  model: string,
): LlmResult<T> {
  const usage = {
    tokensIn: completion.usage?.prompt_tokens ?? 0,
    tokensOut: completion.usage?.completion_tokens ?? 0,
  };
  const choice = completion.choices?.[0];
  const message = choice?.message;
  if (message?.refusal) {
    throw llmError('LLM_INVALID_OUTPUT', `the model refused: ${message.refusal.slice(0, 160)}`, { usage });
  }
  if (choice?.finish_reason === 'length') {
    throw llmError('LLM_INVALID_OUTPUT', 'the answer was cut off at the token limit', { usage });
  }
  if (choice?.finish_reason === 'content_filter') {
    throw llmError('LLM_INVALID_OUTPUT', 'the answer was withheld by a content filter', { usage });
  }
  const content = message?.content;
  if (typeof content !== 'string' || content.trim() === '') {
    throw llmError('LLM_INVALID_OUTPUT', 'the answer was empty', { usage });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(unfence(content));
  } catch (err) {
    throw llmError('LLM_INVALID_OUTPUT', `the answer is not JSON (${(err as Error).message.slice(0, 80)})`, {
      usage,
      cause: err,
    });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'answer';
    throw llmError(
      'LLM_INVALID_OUTPUT',
      `the answer does not fit the schema (${where}: ${issue?.message ?? 'invalid'})`,
      {
        usage,
      },
    );
  }
  return { value: parsed.data, ...usage, model: completion.model || model };
}
