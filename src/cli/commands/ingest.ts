import { loadFeed } from '../../articles/load-input.js';
import { ChipbriefError, oneLine, toChipbriefError } from '../../errors.js';
import type { IngestResult } from '../../ingest/ingest-draft.js';
import { ingestInput } from '../../ingest/ingest-input.js';
import { systemClock } from '../../ports.js';
import type { Store } from '../../store/port.js';
import type { AppContext } from '../app-context.js';
import { fetcherFromConfig } from '../fetcher-from-config.js';
import { Progress } from '../progress.js';

export interface IngestSummary {
  stored: number;
  seen: number;
  failed: number;
  stories: Set<string>;
  quotes: number;
  results: IngestResult[];
}

/** Ingests inputs one by one; a bad input is reported and skipped, never losing what was stored. */
export async function ingestAll(
  app: AppContext,
  store: Store,
  inputs: readonly string[],
): Promise<IngestSummary> {
  const fetcher = fetcherFromConfig(app.config);
  const summary: IngestSummary = {
    stored: 0,
    seen: 0,
    failed: 0,
    stories: new Set(),
    quotes: 0,
    results: [],
  };
  const progress = new Progress(app, inputs.length, 'ingest');
  let inputErrors = 0;
  for (const input of inputs) {
    try {
      const r = await ingestInput(input, { store, fetcher, clock: systemClock, cwd: app.cli.cwd });
      summary.results.push(r);
      if (r.status === 'new') {
        summary.stored++;
        summary.quotes += r.quotes;
      } else summary.seen++;
      if (r.storyId) summary.stories.add(r.storyId);
    } catch (err) {
      summary.failed++;
      const e = toChipbriefError(err);
      if (e.code.startsWith('INPUT_') || e.code === 'FETCH_REFUSED') inputErrors++;
      progress.end();
      app.err(`chipbrief: ${input}: ${oneLine(e)}`);
    }
    progress.tick(input);
  }
  progress.end();
  if (summary.failed) app.exitCode = Math.max(app.exitCode, inputErrors === summary.failed ? 2 : 1);
  return summary;
}

/** `chipbrief ingest <inputs...>` or `--feed <url>`: articles into the local store. */
export async function ingestCommand(
  app: AppContext,
  inputs: string[],
  opts: { feed?: string },
): Promise<void> {
  if (!opts.feed && inputs.length === 0) {
    throw new ChipbriefError('COMMAND_INVALID', 'ingest needs files or URLs, or --feed <url>');
  }
  const store = await app.store();
  let all = [...inputs];
  if (opts.feed) {
    const feed = await loadFeed(opts.feed, { fetcher: fetcherFromConfig(app.config), cwd: app.cli.cwd });
    all = [...all, ...feed.items.map((i) => i.url)];
    if (feed.items.length === 0) app.err(`chipbrief: ${opts.feed}: the feed lists no articles`);
  }
  const s = await ingestAll(app, store, all);
  const stats = await store.stats();
  app.out(
    `ingested ${s.stored} new article${s.stored === 1 ? '' : 's'} (${s.quotes} quotes), ${s.seen} already stored, ` +
      `${s.failed} failed; ${s.stories.size} stor${s.stories.size === 1 ? 'y' : 'ies'} touched — ` +
      `store: ${stats.articles} articles in ${stats.stories} stories`,
  );
}
