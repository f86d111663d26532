import type { Brief } from '../../briefs/brief.js';
import { makeBrief } from '../../briefs/make-brief.js';
import { buildDigest } from '../../digests/build-digest.js';
import type { Digest } from '../../digests/digest.js';
import { digestToJson } from '../../digests/digest-json.js';
import { isIsoDate, localDate, zonedInstant } from '../../digests/zoned-time.js';
import { ChipbriefError } from '../../errors.js';
import { type Clock, type Llm, systemClock } from '../../ports.js';
import type { Store, Subscription } from '../../store/port.js';
import type { AppContext } from '../app-context.js';

export interface DigestCommandOptions {
  /** Local date YYYY-MM-DD (TZ_DEFAULT); today when absent. */
  date?: string;
  print?: boolean;
  json?: boolean;
}

export interface DigestCommandDeps {
  /** When given, stories without a brief for their current content get one from the LLM. */
  llm?: Llm | null;
  clock?: Clock;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Without an LLM: the newest stored brief of the story (an LLM brief the worker made, when there is
 * one), else the extractive brief. Printing a digest never spends tokens unless an LLM is passed.
 */
function briefSource(app: AppContext, store: Store, deps: DigestCommandDeps, clock: Clock) {
  const llm = deps.llm ?? null;
  const makeDeps = { llm, clock, dailyTokenBudget: app.config.CHIPBRIEF_LLM_DAILY_TOKENS, model: llm?.model };
  return async (storyId: string): Promise<Brief> => {
    if (!llm) {
      const stored = await store.latestBrief(storyId);
      if (stored) return stored;
    }
    return makeBrief(store, storyId, makeDeps);
  };
}

/**
 * `chipbrief digest [--date D] [--print|--json]`: the stories first seen on local day D (TZ_DEFAULT)
 * as a digest, from the store. A preview: it claims nothing, so it never stops a channel's digest.
 * `render` is the terminal renderer (adapters/console), passed in because src/ imports no adapter.
 */
export async function digestCommand(
  app: AppContext,
  opts: DigestCommandOptions,
  render: (d: Digest) => string,
  deps: DigestCommandDeps = {},
): Promise<void> {
  const clock = deps.clock ?? systemClock;
  const tz = app.config.TZ_DEFAULT;
  const date = opts.date ?? localDate(clock.now(), tz);
  if (!isIsoDate(date)) {
    throw new ChipbriefError(
      'COMMAND_INVALID',
      `--date "${date}" is not a date — use YYYY-MM-DD, e.g. 2026-11-18`,
    );
  }
  const store = await app.store();
  const sub: Subscription = {
    platform: 'console',
    workspaceId: '',
    channelId: 'cli',
    time: '00:00',
    tz,
    filters: { firms: [], policies: [], keywords: [] },
    createdBy: null,
  };
  const digest = await buildDigest(store, sub, date, {
    brief: briefSource(app, store, deps, clock),
    maxStories: app.config.CHIPBRIEF_DIGEST_MAX_STORIES,
    // The whole local day: the 24 h before the following midnight.
    at: zonedInstant(nextDay(date), '00:00', tz),
  });
  if (opts.json) {
    app.out(JSON.stringify(digestToJson(digest)));
    return;
  }
  app.out(render(digest));
}
