import type { Services } from '../ingest/services.js';

/**
 * What the answers engine needs from the process: the store, the clock and the (optional) LLM; the
 * config and logger when there are any. The pipeline's `Services` fits as is.
 */
export type AnswerServices = Pick<Services, 'store' | 'llm' | 'clock'> &
  Partial<Pick<Services, 'config' | 'log'>>;
