import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BriefView } from '../../src/briefs/brief.js';
import { deliverDigest } from '../../src/digests/deliver-digest.js';
import { type Digest, digestId } from '../../src/digests/digest.js';
import type { PlatformPort } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { CapturingPlatform } from '../fakes/capturing-platform.js';

function view(storyId: string): BriefView {
  const link = {
    articleId: `a-${storyId}`,
    title: 'Dutch licence rules tighten for DUV tools',
    url: `https://example.test/${storyId}`,
    siteName: 'Example Wire',
    publishedAt: null,
  };
  return {
    storyId,
    headline: 'Dutch licence rules tighten for DUV tools',
    bullets: ['The trade ministry widened the licence requirement to older immersion scanners.'],
    quotes: [],
    source: link,
    alsoReportedBy: [],
    entities: { firms: ['ASML'], people: [], policies: ['export controls'], chips: [] },
    summarizer: 'extractive',
  };
}

function digest(date: string, stories = ['s1', 's2']): Digest {
  return {
    id: digestId('slack', 'C0POLICY', date),
    platform: 'slack',
    channelId: 'C0POLICY',
    date,
    overview: `${stories.length} stories on export controls`,
    stories: stories.map(view),
  };
}

let dir: string;
let store: Store;
const clock = { now: () => new Date() };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'chipbrief-deliver-'));
  store = openSqliteStore(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('deliverDigest (exactly once)', () => {
  it('posts once, records the message, and a repeat posts nothing', async () => {
    const platform = new CapturingPlatform();
    const first = await deliverDigest(digest('2025-03-04'), { store, platform, clock });
    expect(first.status).toBe('posted');
    const again = await deliverDigest(digest('2025-03-04'), { store, platform, clock });
    expect(again).toEqual({ status: 'already-posted', messageRef: first.messageRef });
    expect(platform.digests()).toHaveLength(1);
    const rec = await store.getDigest(digestId('slack', 'C0POLICY', '2025-03-04'));
    expect(rec).toMatchObject({ messageRef: first.messageRef, storyIds: ['s1', 's2'] });
    expect(rec?.attemptedAt).not.toBeNull();
    expect(platform.findCalls).toBe(0);
  });

  it('a crash between posting and recording still yields one message', async () => {
    const platform = new CapturingPlatform({ crashAfterPost: { mode: 'throw' } });
    await expect(deliverDigest(digest('2025-03-05'), { store, platform, clock })).rejects.toThrow(
      /injected crash/,
    );
    const mid = await store.getDigest(digestId('slack', 'C0POLICY', '2025-03-05'));
    expect(mid?.attemptedAt).not.toBeNull();
    expect(mid?.postedAt).toBeNull();

    const retry = await deliverDigest(digest('2025-03-05'), { store, platform, clock });
    expect(retry.status).toBe('recovered');
    expect(platform.digests()).toHaveLength(1);
    expect(retry.messageRef).toBe(platform.digests()[0]!.ref);
    expect((await store.getDigest(digest('2025-03-05').id))?.messageRef).toBe(retry.messageRef);
  });

  it('a crash after recording the attempt but before the platform call posts on retry', async () => {
    const inner = new CapturingPlatform();
    let fail = true;
    const platform: PlatformPort = {
      platform: 'slack',
      findPostedDigest: (c, d, s) => inner.findPostedDigest(c, d, s),
      reply: (t, a) => inner.reply(t, a),
      async postDigest(d) {
        if (fail) {
          fail = false;
          throw new Error('connection reset before the request was sent');
        }
        return inner.postDigest(d);
      },
    };
    await expect(deliverDigest(digest('2025-03-06'), { store, platform, clock })).rejects.toThrow();
    const retry = await deliverDigest(digest('2025-03-06'), { store, platform, clock });
    expect(retry.status).toBe('posted');
    expect(inner.findCalls).toBe(1);
    expect(inner.digests()).toHaveLength(1);
  });

  it('two replicas with their own store handles on one file post once', async () => {
    const other = openSqliteStore(join(dir, 'db.sqlite'));
    try {
      const file = join(dir, 'platform.jsonl');
      const a = new CapturingPlatform({ file });
      const b = new CapturingPlatform({ file });
      await deliverDigest(digest('2025-03-07'), { store, platform: a, clock });
      const second = await deliverDigest(digest('2025-03-07', ['s3']), { store: other, platform: b, clock });
      expect(second.status).toBe('already-posted');
      expect(a.digests()).toHaveLength(1);
      // The first claim decides which stories the channel-day holds.
      expect((await other.getDigest(digest('2025-03-07').id))?.storyIds).toEqual(['s1', 's2']);
    } finally {
      await other.close();
    }
  });

  it('other days and channels are separate digests', async () => {
    const platform = new CapturingPlatform();
    await deliverDigest(digest('2025-03-08'), { store, platform, clock });
    await deliverDigest(digest('2025-03-09'), { store, platform, clock });
    await deliverDigest(
      { ...digest('2025-03-09'), id: digestId('slack', 'C0OTHER', '2025-03-09'), channelId: 'C0OTHER' },
      { store, platform, clock },
    );
    expect(platform.digests().map((d) => d.digestId)).toEqual([
      'digest:slack:C0POLICY:2025-03-08',
      'digest:slack:C0POLICY:2025-03-09',
      'digest:slack:C0OTHER:2025-03-09',
    ]);
  });
});
