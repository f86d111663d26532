/**
 * Errors as data: every failure a caller may branch on or a user may see carries a stable `code`.
 * Codes are part of the contract (logs, job failure reasons, CLI exit status); never rename one.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNSUPPORTED'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'FETCH_REFUSED'
  | 'FETCH_FAILED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_HTTP_STATUS'
  | 'FEED_INVALID'
  | 'STORE_FAILED'
  | 'LLM_FAILED'
  | 'LLM_TIMEOUT'
  | 'LLM_RATE_LIMITED'
  | 'LLM_INVALID_OUTPUT'
  | 'LLM_BUDGET_SPENT'
  | 'QUEUE_UNAVAILABLE'
  | 'PLATFORM_FAILED'
  | 'PLATFORM_RATE_LIMITED'
  | 'NOT_ALLOWED'
  | 'COMMAND_INVALID'
  | 'INTERNAL';

/** Codes that describe the input itself: retrying the same work cannot succeed. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CONFIG_INVALID',
  'INPUT_NOT_FOUND',
  'INPUT_UNSUPPORTED',
  'INPUT_EMPTY',
  'INPUT_BINARY',
  'FETCH_REFUSED',
  'FETCH_TOO_LARGE',
  'FEED_INVALID',
  'NOT_ALLOWED',
  'COMMAND_INVALID',
]);

export class ChipbriefError extends Error {
  readonly code: ErrorCode;
  /** True when the same work retried later cannot succeed (workers then fail the job for good). */
  readonly permanent: boolean;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; permanent?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChipbriefError';
    this.code = code;
    this.permanent = options.permanent ?? PERMANENT.has(code);
  }
}

/** A bad configuration value; the message names the variable and says how to fix it. */
export class ConfigError extends ChipbriefError {
  constructor(message: string) {
    super('CONFIG_INVALID', message, { permanent: true });
    this.name = 'ConfigError';
  }
}

/** A URL the fetcher will not contact (scheme, private address, too many redirects). */
export class FetchRefusedError extends ChipbriefError {
  constructor(message: string) {
    super('FETCH_REFUSED', message, { permanent: true });
    this.name = 'FetchRefusedError';
  }
}

export function isChipbriefError(err: unknown): err is ChipbriefError {
  return err instanceof ChipbriefError;
}

/** Wraps anything thrown into a ChipbriefError, keeping the original as `cause`. */
export function toChipbriefError(err: unknown, fallback: ErrorCode = 'INTERNAL'): ChipbriefError {
  if (err instanceof ChipbriefError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ChipbriefError(fallback, message, { cause: err });
}

/** One line for a terminal or a job's failure reason: never a stack trace. */
export function oneLine(err: unknown): string {
  const e = toChipbriefError(err);
  const msg = e.message.replace(/\s+/g, ' ').trim();
  return `${e.code}: ${msg}`;
}
