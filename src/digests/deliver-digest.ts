import type { Clock, PlatformPort } from '../ports.js';
import type { Store } from '../store/port.js';
import type { Digest } from './digest.js';

export type DeliveryStatus =
  /** Posted now. */
  | 'posted'
  /** An earlier attempt had posted it (found on the platform); recorded now, not posted again. */
  | 'recovered'
  /** The record already says posted. */
  | 'already-posted';

export interface Delivery {
  status: DeliveryStatus;
  messageRef: string;
}

/**
 * How far before the recorded attempt the platform is searched: the platform's clock and ours may
 * disagree a little, and a post that started just before the attempt was recorded must still be found.
 */
const SEARCH_MARGIN_MS = 10 * 60_000;

/**
 * Posts a digest exactly once per (platform, channel, date), whatever retries, crashes or replicas.
 *
 * 1. Claim the record: the store's unique constraint picks one record for the channel-day.
 * 2. Already posted: done.
 * 3. Record the attempt BEFORE posting. A retry that finds an attempt recorded but no message cannot
 *    know whether the crash came before or after the platform call, so it asks the platform
 *    (`findPostedDigest`: Slack message metadata, Discord nonce) and posts only when nothing is found.
 * 4. Post, then record the message.
 *
 * A crash after posting and before recording therefore yields one message: the retry finds it.
 * Two runs of the same digest at the same instant are excluded by the queue (one job id, one lock).
 */
export async function deliverDigest(
  digest: Digest,
  deps: { store: Store; platform: PlatformPort; clock: Clock },
): Promise<Delivery> {
  const { store, platform, clock } = deps;
  const record = await store.claimDigest({
    id: digest.id,
    platform: digest.platform,
    channelId: digest.channelId,
    date: digest.date,
    storyIds: digest.stories.map((s) => s.storyId),
  });
  if (record.postedAt && record.messageRef)
    return { status: 'already-posted', messageRef: record.messageRef };

  if (record.attemptedAt) {
    const since = new Date(Date.parse(record.attemptedAt) - SEARCH_MARGIN_MS);
    const found = await platform.findPostedDigest(digest.channelId, record.id, since);
    if (found) {
      await store.markDigestPosted(record.id, found, clock.now().toISOString());
      return { status: 'recovered', messageRef: found };
    }
  } else {
    await store.markDigestAttempt(record.id, clock.now().toISOString());
  }

  const messageRef = await platform.postDigest(digest);
  await store.markDigestPosted(record.id, messageRef, clock.now().toISOString());
  return { status: 'posted', messageRef };
}
