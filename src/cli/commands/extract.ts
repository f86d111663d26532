import { loadInput } from '../../articles/load-input.js';
import { analyseDraft } from '../../ingest/analyse-draft.js';
import type { AppContext } from '../app-context.js';
import { articleJson, articleText } from '../article-json.js';
import { fetcherFromConfig } from '../fetcher-from-config.js';

/** `chipbrief extract <file|url> [--json]`: one article, its quotes and entities; stores nothing. */
export async function extractCommand(
  app: AppContext,
  input: string,
  opts: { json?: boolean },
): Promise<void> {
  const draft = await loadInput(input, { fetcher: fetcherFromConfig(app.config), cwd: app.cli.cwd });
  const analysed = analyseDraft(draft);
  app.out(opts.json ? JSON.stringify(articleJson(analysed), null, 2) : articleText(analysed));
}
