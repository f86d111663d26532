import OpenAI from 'openai';
import type { z } from 'zod';
import type { Config } from '../../src/config.js';
import type { Llm, LlmRequest, LlmResult } from '../../src/ports.js';
import { type ResponseMode, toChatParams } from './convert-request.js';
import { fromChatCompletion } from './convert-response.js';
import { toStrictJsonSchema } from './convert-schema.js';
import { isResponseFormatUnsupported, mapOpenAiError } from './map-openai-error.js';

export interface OpenAiLlmOptions {
  /** Local servers (llama.cpp, vLLM, Ollama) accept any key. */
  apiKey?: string;
  /** Any OpenAI-compatible endpoint; api.openai.com when unset. */
  baseURL?: string;
  model: string;
  /** Per request, in ms. The SDK retries timeouts too, so the worst case is (retries + 1) x this. */
  timeoutMs: number;
  /** Retries of 408/409/429/5xx and connection errors, with the SDK's backoff (honours Retry-After). */
  maxRetries: number;
}

const OPENAI_URL = 'https://api.openai.com/v1';

/**
 * The Llm port over the openai SDK: `chat.completions.create` with a strict `json_schema` response
 * format generated from the request's zod schema. Servers that reject json_schema get one retry in
 * JSON mode with the schema in the prompt, and JSON mode is used for them from then on.
 */
export class OpenAiLlm implements Llm {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly tokenParam: 'max_tokens' | 'max_completion_tokens';
  private mode: ResponseMode = 'json_schema';
  private readonly schemas = new WeakMap<z.ZodType, Record<string, unknown>>();

  constructor(options: OpenAiLlmOptions) {
    this.model = options.model;
    const baseURL = options.baseURL ?? OPENAI_URL;
    this.client = new OpenAI({
      apiKey: options.apiKey ?? 'not-needed',
      baseURL,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      // Config is the only reader of the environment: no org/project/webhook defaults from it.
      organization: null,
      project: null,
      webhookSecret: null,
    });
    this.tokenParam = baseURL.replace(/\/+$/, '') === OPENAI_URL ? 'max_completion_tokens' : 'max_tokens';
  }

  private jsonSchema(schema: z.ZodType): Record<string, unknown> {
    let s = this.schemas.get(schema);
    if (!s) {
      s = toStrictJsonSchema(schema);
      this.schemas.set(schema, s);
    }
    return s;
  }

  async complete<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
    const jsonSchema = this.jsonSchema(request.schema);
    const shape = { model: this.model, tokenParam: this.tokenParam };
    const call = (mode: ResponseMode) =>
      this.client.chat.completions.create(toChatParams(request, jsonSchema, mode, shape));
    try {
      let completion: OpenAI.ChatCompletion;
      try {
        completion = await call(this.mode);
      } catch (err) {
        if (this.mode !== 'json_schema' || !isResponseFormatUnsupported(err)) throw err;
        this.mode = 'json_object';
        completion = await call('json_object');
      }
      return fromChatCompletion(completion, request.schema, this.model);
    } catch (err) {
      throw mapOpenAiError(err);
    }
  }
}

/** The configured LLM, or null when it is off (no key and no base URL, or CHIPBRIEF_LLM=off). */
export function openAiLlmFromConfig(
  config: Pick<
    Config,
    | 'llmEnabled'
    | 'OPENAI_API_KEY'
    | 'OPENAI_BASE_URL'
    | 'OPENAI_MODEL'
    | 'CHIPBRIEF_LLM_TIMEOUT_MS'
    | 'CHIPBRIEF_LLM_RETRIES'
  >,
): OpenAiLlm | null {
  if (!config.llmEnabled) return null;
  return new OpenAiLlm({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: config.CHIPBRIEF_LLM_TIMEOUT_MS,
    maxRetries: config.CHIPBRIEF_LLM_RETRIES,
  });
}
