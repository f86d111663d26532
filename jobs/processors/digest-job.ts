import { briefsWith, buildDigest } from '../../src/digests/build-digest.js';
import { type DeliveryStatus, deliverDigest } from '../../src/digests/deliver-digest.js';
import { digestId } from '../../src/digests/digest.js';
import { ChipbriefError } from '../../src/errors.js';
import type { PlatformPort } from '../../src/ports.js';
import type { JobContext } from '../job-context.js';
import { timed } from '../observability/metered.js';
import { processMetrics } from '../observability/process-metrics.js';
import type { DigestPayload } from '../payloads.js';

export type DigestJobResult =
  | { status: DeliveryStatus; digestId: string; messageRef: string; stories: number }
  | { status: 'no-subscription' | 'empty'; digestId: string };

/**
 * subscription + date -> digest -> platform, exactly once (see src/digests/deliver-digest.ts).
 * A digest already recorded as posted is not rebuilt; a day with no new story posts nothing.
 */
export async function runDigestJob(payload: DigestPayload, ctx: JobContext): Promise<DigestJobResult> {
  const { store, clock, platforms } = ctx.services;
  const id = digestId(payload.platform, payload.channelId, payload.date);
  const record = await store.getDigest(id);
  if (record?.postedAt && record.messageRef) {
    return {
      status: 'already-posted',
      digestId: id,
      messageRef: record.messageRef,
      stories: record.storyIds.length,
    };
  }
  const subscription = await store.getSubscription(payload.platform, payload.channelId);
  if (!subscription) return { status: 'no-subscription', digestId: id };
  const platform = platforms.get(payload.platform);
  if (!platform) {
    throw new ChipbriefError(
      'PLATFORM_FAILED',
      `no ${payload.platform} connection in this worker — configure its token where workers run, then retry the job`,
      { permanent: true },
    );
  }
  const { llm, config } = ctx.services;
  // Stories are those first seen before the digest's scheduled instant: a late run (catch-up, retry)
  // posts what the on-time run would have, and a retry after a claim rebuilds the claimed stories.
  const digest = await buildDigest(store, subscription, payload.date, {
    brief: briefsWith(store, {
      llm,
      clock,
      dailyTokenBudget: config.CHIPBRIEF_LLM_DAILY_TOKENS,
      ...(llm ? { model: llm.model } : {}),
    }),
    maxStories: config.CHIPBRIEF_DIGEST_MAX_STORIES,
  });
  // A retry after a crash must finish what was started even if the rebuilt digest came out empty.
  if (digest.stories.length === 0 && !record) return { status: 'empty', digestId: id };
  // Posting latency: the whole digest (overview and per-story messages), as the channel sees it.
  const timedPlatform: PlatformPort = {
    platform: platform.platform,
    findPostedDigest: (channelId, id, since) => platform.findPostedDigest(channelId, id, since),
    postDigest: (d) =>
      timed(
        () => platform.postDigest(d),
        (seconds, ok) => processMetrics().posted(platform.platform, 'digest', seconds, ok),
      ),
    reply: (target, answer, delivery) => platform.reply(target, answer, delivery),
  };
  const delivery = await deliverDigest(digest, { store, platform: timedPlatform, clock });
  return { ...delivery, digestId: id, stories: digest.stories.length };
}
