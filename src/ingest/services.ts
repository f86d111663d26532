import type { Config } from '../config.js';
import type { Platform } from '../digests/digest.js';
import type { Logger } from '../log.js';
import type { Clock, Fetcher, Llm, PlatformPort } from '../ports.js';
import type { Store } from '../store/port.js';

/** Everything the pipeline needs from outside, built once per process by the composition root. */
export interface Services {
  config: Config;
  store: Store;
  fetcher: Fetcher;
  /** Null when the LLM is off: everything works with the extractive summarizer. */
  llm: Llm | null;
  clock: Clock;
  log: Logger;
  /** Posting side of each connected platform (empty in CLI-only runs). */
  platforms: Map<Platform, PlatformPort>;
}
