import type { AppContext } from '../../src/cli/app-context.js';
import { type FailedJob, JOB_STATES } from '../job-queues.js';
import { QUEUE_NAMES } from '../queue-names.js';
import { openQueueRuntime } from '../queue-runtime.js';

/** `chipbrief queues [--json] [--failed]`: job counts per queue and state; `--failed` adds reasons. */
export async function queuesCommand(
  app: AppContext,
  opts: { json?: boolean; failed?: boolean },
): Promise<void> {
  const { queues } = await openQueueRuntime(app, 'command');
  const counts = await queues.counts();
  const failed: FailedJob[] = [];
  if (opts.failed) for (const q of QUEUE_NAMES) failed.push(...(await queues.failed(q)));
  if (opts.json) {
    app.out(JSON.stringify({ prefix: queues.prefix, queues: counts, ...(opts.failed ? { failed } : {}) }));
    return;
  }
  const cols = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
  const others = JOB_STATES.filter((s) => !(cols as readonly string[]).includes(s));
  app.out(['queue'.padEnd(8), ...cols.map((c) => c.padStart(10)), '  other'].join(''));
  for (const q of QUEUE_NAMES) {
    const c = counts[q];
    const other = others.reduce((n, s) => n + c[s], 0);
    app.out([q.padEnd(8), ...cols.map((s) => String(c[s]).padStart(10)), String(other).padStart(7)].join(''));
  }
  for (const f of failed) app.out(`failed  ${f.id}  (${f.attempts} attempts) ${f.reason}`);
}
