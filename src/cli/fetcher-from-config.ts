import { createHttpFetcher } from '../articles/fetcher.js';
import type { Config } from '../config.js';
import type { Fetcher } from '../ports.js';

/** The fetcher every command and job uses, with the operator's network policy. */
export function fetcherFromConfig(config: Config): Fetcher {
  return createHttpFetcher({
    allowPrivateNetworks: config.CHIPBRIEF_ALLOW_PRIVATE_NETWORKS,
    maxBytes: config.CHIPBRIEF_FETCH_MAX_BYTES,
    timeoutMs: config.CHIPBRIEF_FETCH_TIMEOUT_MS,
  });
}
