import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toStrictJsonSchema } from '../../../adapters/openai/convert-schema.js';
import { isResponseFormatUnsupported, mapOpenAiError } from '../../../adapters/openai/map-openai-error.js';
import { OpenAiLlm, openAiLlmFromConfig } from '../../../adapters/openai/openai-llm.js';
import { briefOutputSchema } from '../../../src/briefs/llm-brief.js';
import { loadConfig } from '../../../src/config.js';
import { ChipbriefError } from '../../../src/errors.js';

const headers = new Headers();

describe('mapOpenAiError', () => {
  it('maps the SDK error classes to LLM_* codes', () => {
    expect(mapOpenAiError(new APIConnectionTimeoutError()).code).toBe('LLM_TIMEOUT');
    expect(mapOpenAiError(new APIConnectionError({ message: 'ECONNREFUSED' })).code).toBe('LLM_FAILED');
    expect(
      mapOpenAiError(APIError.generate(429, { error: { message: 'slow down' } }, 'slow down', headers)).code,
    ).toBe('LLM_RATE_LIMITED');
    const auth = mapOpenAiError(
      APIError.generate(401, { error: { message: 'bad key' } }, 'bad key', headers),
    );
    expect(auth.code).toBe('LLM_FAILED');
    expect(auth.permanent).toBe(true);
    expect(auth.message).toMatch(/OPENAI_API_KEY/);
    const server = mapOpenAiError(
      APIError.generate(503, { error: { message: 'overloaded' } }, 'overloaded', headers),
    );
    expect([server.code, server.permanent]).toEqual(['LLM_FAILED', false]);
    expect(mapOpenAiError(new SyntaxError('Unexpected end of JSON input')).code).toBe('LLM_INVALID_OUTPUT');
    const own = new ChipbriefError('LLM_INVALID_OUTPUT', 'x');
    expect(mapOpenAiError(own)).toBe(own);
  });

  it('recognises a server that does not support json_schema', () => {
    const err = APIError.generate(
      400,
      { error: { message: "response_format 'json_schema' unsupported" } },
      undefined,
      headers,
    );
    expect(isResponseFormatUnsupported(err)).toBe(true);
    const other = APIError.generate(400, { error: { message: 'messages too long' } }, undefined, headers);
    expect(isResponseFormatUnsupported(other)).toBe(false);
  });
});

describe('toStrictJsonSchema', () => {
  it('makes every object closed and every property required', () => {
    const schema = z.object({
      a: z.string().min(3),
      nested: z.object({ b: z.array(z.number()), c: z.string().nullable() }),
    });
    const s = toStrictJsonSchema(schema) as Record<string, unknown> & {
      properties: Record<string, Record<string, unknown>>;
    };
    expect(s).toMatchObject({ type: 'object', additionalProperties: false, required: ['a', 'nested'] });
    expect(s.properties.a).toEqual({ type: 'string' });
    expect(s.properties.nested).toMatchObject({ additionalProperties: false, required: ['b', 'c'] });
    expect(s.$schema).toBeUndefined();
    expect(toStrictJsonSchema(briefOutputSchema)).toMatchObject({
      required: ['headline', 'bullets', 'quoteIds'],
    });
  });
});

describe('openAiLlmFromConfig', () => {
  it('is null when the LLM is off and an OpenAiLlm when a key or base URL is set', () => {
    const dir = '/nonexistent-cwd';
    expect(openAiLlmFromConfig(loadConfig({}, dir))).toBeNull();
    expect(openAiLlmFromConfig(loadConfig({ OPENAI_API_KEY: 'sk-x', CHIPBRIEF_LLM: 'off' }, dir))).toBeNull();
    const llm = openAiLlmFromConfig(
      loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'qwen' }, dir),
    );
    expect(llm).toBeInstanceOf(OpenAiLlm);
    expect(llm!.model).toBe('qwen');
  });
});
