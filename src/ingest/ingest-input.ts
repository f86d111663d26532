import { loadInput } from '../articles/load-input.js';
import type { Clock, Fetcher } from '../ports.js';
import type { Store } from '../store/port.js';
import { type IngestOptions, type IngestResult, ingestDraft } from './ingest-draft.js';

/** Loads a file or URL and ingests it: what `chipbrief ingest` and the `article` job both do. */
export async function ingestInput(
  input: string,
  deps: { store: Store; fetcher: Fetcher; clock: Clock; cwd?: string },
  options: IngestOptions = {},
): Promise<IngestResult> {
  const draft = await loadInput(input, { fetcher: deps.fetcher, cwd: deps.cwd });
  return ingestDraft(draft, deps, options);
}
