import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RateLimitError,
} from 'openai';
import { ChipbriefError, type ErrorCode } from '../../src/errors.js';

/** Tokens a failed call still cost; read by makeBrief for the day's accounting. */
export interface LlmUsageOnError {
  tokensIn: number;
  tokensOut: number;
}

/** An LLM_* error, optionally carrying the usage of the call that produced an unusable answer. */
export function llmError(
  code: Extract<ErrorCode, `LLM_${string}`>,
  message: string,
  options: { cause?: unknown; usage?: LlmUsageOnError; permanent?: boolean } = {},
): ChipbriefError {
  const err = new ChipbriefError(code, message, { cause: options.cause, permanent: options.permanent });
  if (options.usage) Object.assign(err, { usage: options.usage });
  return err;
}

/** The server's own words, without echoing request content back at length. */
function brief(message: string): string {
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** True for a 400 that says the server does not understand the json_schema response format. */
export function isResponseFormatUnsupported(err: unknown): boolean {
  return (
    err instanceof APIError &&
    (err.status === 400 || err.status === 422) &&
    /response_format|json_schema|structured output/i.test(String(err.message))
  );
}

/**
 * Maps what the openai SDK throws (after its own retries) to ChipbriefError LLM_* codes:
 * timeout -> LLM_TIMEOUT, 429 -> LLM_RATE_LIMITED, bad answers -> LLM_INVALID_OUTPUT, the rest
 * (connection, 5xx, auth, bad request) -> LLM_FAILED. Auth and 4xx are permanent: retrying the same
 * request with the same key cannot succeed.
 */
export function mapOpenAiError(err: unknown): ChipbriefError {
  if (err instanceof ChipbriefError) return err;
  if (err instanceof APIConnectionTimeoutError) {
    return llmError('LLM_TIMEOUT', 'the model did not answer in time', { cause: err });
  }
  if (err instanceof APIUserAbortError) {
    return llmError('LLM_TIMEOUT', 'the request was aborted', { cause: err });
  }
  if (err instanceof APIConnectionError) {
    return llmError('LLM_FAILED', `cannot reach the model endpoint: ${brief(err.message)}`, { cause: err });
  }
  if (err instanceof RateLimitError) {
    return llmError('LLM_RATE_LIMITED', `rate limited after retries: ${brief(err.message)}`, { cause: err });
  }
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    if (status === 408) return llmError('LLM_TIMEOUT', 'the model endpoint timed out (408)', { cause: err });
    const permanent = status === 400 || status === 401 || status === 403 || status === 404 || status === 422;
    const hint =
      status === 401 || status === 403
        ? ' — check OPENAI_API_KEY'
        : status === 404
          ? ' — check OPENAI_MODEL and OPENAI_BASE_URL'
          : '';
    return llmError('LLM_FAILED', `model endpoint answered ${status}: ${brief(err.message)}${hint}`, {
      cause: err,
      permanent,
    });
  }
  if (err instanceof SyntaxError) {
    return llmError('LLM_INVALID_OUTPUT', `answer is not JSON: ${brief(err.message)}`, { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return llmError('LLM_FAILED', brief(message), { cause: err });
}
