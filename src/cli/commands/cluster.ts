import { loadInput } from '../../articles/load-input.js';
import { ChipbriefError, oneLine } from '../../errors.js';
import { analyseDraft } from '../../ingest/analyse-draft.js';
import { clusterInputs } from '../../stories/cluster.js';
import type { StoryInput } from '../../stories/story-input.js';
import type { AppContext } from '../app-context.js';
import { fetcherFromConfig } from '../fetcher-from-config.js';

/**
 * `chipbrief cluster <inputs...> [--json]`: which inputs are the same story. Every input lands in
 * exactly one cluster, named as given; an input that cannot be read fails the command (a cluster list
 * missing an input would be a wrong answer, not a partial one).
 */
export async function clusterCommand(
  app: AppContext,
  inputs: string[],
  opts: { json?: boolean },
): Promise<void> {
  if (inputs.length === 0)
    throw new ChipbriefError('COMMAND_INVALID', 'cluster needs at least one file or URL');
  const fetcher = fetcherFromConfig(app.config);
  const story: StoryInput[] = [];
  const failures: string[] = [];
  for (const input of [...new Set(inputs)]) {
    try {
      const draft = await loadInput(input, { fetcher, cwd: app.cli.cwd });
      const a = analyseDraft(draft);
      story.push({
        id: input,
        url: draft.url,
        title: draft.title,
        text: draft.text,
        quotes: a.quotes.map((q) => q.text),
        publishedAt: draft.publishedAt,
        siteName: draft.siteName,
      });
    } catch (err) {
      failures.push(`${input}: ${oneLine(err)}`);
    }
  }
  if (failures.length) {
    for (const f of failures.slice(1)) app.err(`chipbrief: ${f}`);
    throw new ChipbriefError('INPUT_UNSUPPORTED', `cannot cluster — ${failures[0]}`);
  }
  const { clusters } = clusterInputs(story);
  if (opts.json) {
    app.out(JSON.stringify({ clusters }, null, 2));
    return;
  }
  clusters.forEach((c, i) => {
    app.out(`story ${i + 1} (${c.members.length}): ${c.canonical}`);
    for (const m of c.members) if (m !== c.canonical) app.out(`  also: ${m}`);
  });
}
