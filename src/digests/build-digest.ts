import type { Brief, BriefView } from '../briefs/brief.js';
import { renderBriefView } from '../briefs/brief-view.js';
import { type MakeBriefDeps, makeBrief } from '../briefs/make-brief.js';
import type { Store, Subscription } from '../store/port.js';
import type { Story } from '../stories/story.js';
import { type Digest, digestId } from './digest.js';
import { digestOverview } from './overview.js';
import { rankStories } from './rank-stories.js';
import { zonedInstant } from './zoned-time.js';

export const DEFAULT_MAX_STORIES = 8;
const HOUR = 3_600_000;

export interface DigestDeps {
  /** The brief of a story: `briefsWith(store, makeBriefDeps)` or a cached-only lookup. */
  brief: (storyId: string) => Promise<Brief>;
  /** CHIPBRIEF_DIGEST_MAX_STORIES (default 8). */
  maxStories?: number;
  /** The digest instant; default: `date` at the subscription's time in its time zone. */
  at?: Date;
  /** Look-back cap when the channel's last digest is old (default 7 days). */
  maxLookbackHours?: number;
}

/** The usual `brief` dependency: makeBrief (cache, LLM with budget and fallback) for each story. */
export function briefsWith(store: Store, deps: MakeBriefDeps): (storyId: string) => Promise<Brief> {
  return (storyId) => makeBrief(store, storyId, deps);
}

/**
 * The window of a digest: from the channel's last posted digest (its scheduled time, or when it was
 * posted if earlier), else 24 h before the digest instant; never further back than the look-back cap.
 */
export async function digestWindow(
  store: Store,
  sub: Subscription,
  date: string,
  at: Date,
  maxLookbackHours = 24 * 7,
): Promise<{ from: Date; to: Date }> {
  const last = await store.lastDigest(sub.platform, sub.channelId, date);
  let from = new Date(at.getTime() - 24 * HOUR);
  if (last) {
    const scheduled = zonedInstant(last.date, sub.time, sub.tz);
    const posted = last.postedAt ? new Date(last.postedAt) : scheduled;
    from = new Date(Math.min(scheduled.getTime(), posted.getTime()));
  }
  const floor = at.getTime() - maxLookbackHours * HOUR;
  return { from: new Date(Math.max(from.getTime(), floor)), to: at };
}

/** The stories of a digest, best first: the claimed ones when this date's digest exists (retries post the same). */
async function chooseStories(
  store: Store,
  sub: Subscription,
  date: string,
  deps: DigestDeps,
  at: Date,
): Promise<Story[]> {
  const id = digestId(sub.platform, sub.channelId, date);
  const claimed = await store.getDigest(id);
  if (claimed) {
    const stories = await Promise.all(claimed.storyIds.map((s) => store.getStory(s)));
    return stories.filter((s): s is Story => s !== null);
  }
  const { from, to } = await digestWindow(store, sub, date, at, deps.maxLookbackHours);
  const seen = await store.storiesFirstSeen(from.toISOString(), to.toISOString());
  const done = await store.digestedStoryIds(sub.platform, sub.channelId);
  const unique = [...new Map(seen.filter((s) => !done.has(s.id)).map((s) => [s.id, s])).values()];
  const ranked = await rankStories(store, unique, sub.filters);
  return ranked.slice(0, deps.maxStories ?? DEFAULT_MAX_STORIES).map((r) => r.story);
}

/**
 * A day's digest for one subscription: stories first seen since the channel's last digest (or in the
 * 24 h before the digest time), none already digested in the channel, each once, ranked by filter
 * match then coverage, capped, with a one-line overview. Deterministic for a store state and date
 * (the window comes from `date` and the subscription, not the clock). When this date's digest was
 * already claimed, it is rebuilt from the claimed story ids so a retry posts the same stories.
 */
export async function buildDigest(
  store: Store,
  sub: Subscription,
  date: string,
  deps: DigestDeps,
): Promise<Digest> {
  const at = deps.at ?? zonedInstant(date, sub.time, sub.tz);
  const stories = await chooseStories(store, sub, date, deps, at);
  const views: BriefView[] = [];
  for (const s of stories) views.push(await renderBriefView(store, await deps.brief(s.id)));
  return {
    id: digestId(sub.platform, sub.channelId, date),
    platform: sub.platform,
    channelId: sub.channelId,
    date,
    overview: digestOverview(views),
    stories: views,
  };
}
