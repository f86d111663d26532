import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { LlmRequest } from '../../src/ports.js';

/**
 * `json_schema`: structured outputs (OpenAI, recent vLLM, Ollama). `json_object`: JSON mode with the
 * schema described in the system message, for servers without json_schema (llama.cpp, older vLLM).
 */
export type ResponseMode = 'json_schema' | 'json_object';

export interface RequestShape {
  model: string;
  /** Servers other than api.openai.com often know only `max_tokens`; OpenAI prefers `max_completion_tokens`. */
  tokenParam: 'max_tokens' | 'max_completion_tokens';
}

/** Chat completion parameters for one structured request. */
export function toChatParams<T>(
  request: LlmRequest<T>,
  jsonSchema: Record<string, unknown>,
  mode: ResponseMode,
  shape: RequestShape,
): ChatCompletionCreateParamsNonStreaming {
  const system =
    mode === 'json_schema'
      ? request.system
      : `${request.system}\n\nReply with a single JSON object that validates against this JSON Schema, and nothing else:\n${JSON.stringify(jsonSchema)}`;
  const params: ChatCompletionCreateParamsNonStreaming = {
    model: shape.model,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: request.user },
    ],
    response_format:
      mode === 'json_schema'
        ? { type: 'json_schema', json_schema: { name: request.schemaName, strict: true, schema: jsonSchema } }
        : { type: 'json_object' },
  };
  if (request.maxOutputTokens !== undefined) params[shape.tokenParam] = request.maxOutputTokens;
  return params;
}
