import { canonicalUrl, sha256 } from '../../src/articles/identity.js';
import type { AppContext } from '../../src/cli/app-context.js';
import { ChipbriefError } from '../../src/errors.js';
import { checkedArticleInput } from '../article-input.js';
import { articleJobId, pollJobId } from '../job-id.js';
import { openQueueRuntime } from '../queue-runtime.js';

/**
 * `chipbrief enqueue <inputs...>` / `chipbrief enqueue --feed <url>`: the work of `ingest`, through the
 * queue. Every input is checked first (a missing file fails the command and enqueues nothing); the
 * summary line says how many jobs were new and how many were already queued (same article id).
 */
export async function enqueueCommand(
  app: AppContext,
  inputs: string[],
  opts: { feed?: string },
): Promise<void> {
  if (inputs.length === 0 && !opts.feed) {
    throw new ChipbriefError('COMMAND_INVALID', 'nothing to enqueue — give files or URLs, or --feed <url>');
  }
  let feedUrl: string | null = null;
  if (opts.feed) {
    if (!/^https?:\/\//i.test(opts.feed) || !URL.canParse(opts.feed)) {
      throw new ChipbriefError('INPUT_UNSUPPORTED', `--feed needs an http(s) URL, got ${opts.feed}`);
    }
    feedUrl = new URL(opts.feed).href;
  }
  const articles = inputs.map((raw) => checkedArticleInput(raw, app.cli.cwd));
  const { queues } = await openQueueRuntime(app, 'command');

  let added = 0;
  let queued = 0;
  const seen = new Set<string>();
  for (const a of articles) {
    if (seen.has(a.articleId)) {
      queued++;
      continue;
    }
    seen.add(a.articleId);
    const r = await queues.add('article', articleJobId(a.articleId), { input: a.input });
    if (r.added) added++;
    else queued++;
  }
  const parts: string[] = [];
  if (articles.length)
    parts.push(`${added} article job${added === 1 ? '' : 's'} added, ${queued} already queued`);
  if (feedUrl) {
    // One poll of this feed per minute, however often the command is repeated.
    const feedKey = `feed-${sha256(canonicalUrl(feedUrl)).slice(0, 12)}`;
    const minute = Math.floor(Date.now() / 60_000);
    const r = await queues.add('poll', pollJobId(feedKey, minute), { feedUrl });
    parts.push(r.added ? `feed poll added (${feedUrl})` : `feed poll already queued (${feedUrl})`);
  }
  app.out(`enqueue: ${parts.join('; ')} — run \`chipbrief worker\` to process them`);
}
