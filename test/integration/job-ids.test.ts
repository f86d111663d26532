import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { articleInput } from '../../jobs/article-input.js';
import { articleJobId, briefJobId, bullJobId, logicalJobId } from '../../jobs/job-id.js';
import { digestId } from '../../src/digests/digest.js';
import { closeQueues, testQueues } from '../support/queue-redis.js';

describe('job id mapping', () => {
  it('maps the design ids to ids BullMQ accepts, the same way every time', () => {
    const id = digestId('slack', 'C0POLICY', '2025-03-04');
    expect(bullJobId(id)).toBe('digest|slack|C0POLICY|2025-03-04');
    expect(bullJobId(id)).toBe(bullJobId(digestId('slack', 'C0POLICY', '2025-03-04')));
    expect(bullJobId(briefJobId('st_1', 'abc'))).toBe('brief|st_1|abc');
  });

  it('is injective, colon-free and reversible', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        const ja = bullJobId(a);
        expect(ja.includes(':')).toBe(false);
        expect(logicalJobId(ja)).toBe(a);
        if (a !== b) expect(bullJobId(b)).not.toBe(ja);
      }),
      { numRuns: 2000 },
    );
    // Characters the mapping itself uses cannot collide with a mapped colon.
    expect(bullJobId('a|b')).not.toBe(bullJobId('a:b'));
    expect(bullJobId('a%7Cb')).not.toBe(bullJobId('a|b'));
  });

  it('keys article jobs by the canonical URL, so tracking variants are one job', () => {
    const a = articleInput('https://www.example.test/news/chips-act?utm_source=x#top', '/');
    const b = articleInput('http://example.test/news/chips-act/', '/');
    expect(articleJobId(a.articleId)).toBe(articleJobId(b.articleId));
    const f1 = articleInput('corpus/a.txt', '/data');
    const f2 = articleInput('/data/corpus/a.txt', '/elsewhere');
    expect(f1).toEqual(f2);
    expect(f1.input).toBe('/data/corpus/a.txt');
  });
});

describe('repeated enqueue (real Redis)', () => {
  const queues = testQueues('ids');
  afterAll(() => closeQueues(queues));

  it('adds a job once under its mapped id; repeats are no-ops', async () => {
    const id = digestId('discord', '112233445566', '2025-03-04');
    const payload = { platform: 'discord' as const, channelId: '112233445566', date: '2025-03-04' };
    const first = await queues.add('digest', id, payload);
    const second = await queues.add('digest', id, payload);
    expect(first).toEqual({ logicalId: id, jobId: 'digest|discord|112233445566|2025-03-04', added: true });
    expect(second.added).toBe(false);
    const counts = await queues.counts();
    expect(counts.digest.waiting).toBe(1);
    const job = await queues.queue('digest').getJob(first.jobId);
    expect(job?.data).toEqual(payload);
  });

  it('rejects an invalid payload before it reaches Redis', async () => {
    await expect(
      queues.add('digest', 'digest:slack:C1:2025-13', {
        platform: 'slack',
        channelId: 'C1',
        date: 'tomorrow',
      }),
    ).rejects.toThrow(/YYYY-MM-DD/);
    expect((await queues.counts()).digest.waiting).toBe(1);
  });
});
