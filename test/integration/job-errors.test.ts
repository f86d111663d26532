import { type Job, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { toJobError } from '../../jobs/job-error.js';
import { jobProcessor } from '../../jobs/job-processor.js';
import { ChipbriefError, FetchRefusedError } from '../../src/errors.js';

const job = (data: unknown) => ({ data }) as Job;

describe('job errors', () => {
  it('fails permanent errors for good, with a one-line reason', () => {
    const e = toJobError(new FetchRefusedError('http://10.0.0.5/admin resolves to a private address'));
    expect(e).toBeInstanceOf(UnrecoverableError);
    expect(e.message).toBe('FETCH_REFUSED: http://10.0.0.5/admin resolves to a private address');
    expect(toJobError(new ChipbriefError('INPUT_BINARY', 'scan.pdf is PDF data'))).toBeInstanceOf(
      UnrecoverableError,
    );
  });

  it('lets transient errors retry, still as one line without a stack', () => {
    const e = toJobError(new ChipbriefError('FETCH_TIMEOUT', 'no answer\n  within 15000 ms'));
    expect(e).not.toBeInstanceOf(UnrecoverableError);
    expect(e.message).toBe('FETCH_TIMEOUT: no answer within 15000 ms');
    expect(e.stack).toBe(e.message);
    expect(toJobError(new Error('SQLITE_BUSY: database is locked')).message).toBe(
      'INTERNAL: SQLITE_BUSY: database is locked',
    );
  });

  it('rejects a payload that does not parse without running the handler', async () => {
    let ran = false;
    const run = jobProcessor('digest', async () => {
      ran = true;
    });
    const err = await run(job({ platform: 'slack', channelId: 'C1', date: '3 March' })).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(
      /^COMMAND_INVALID: invalid digest payload at date: date must be YYYY-MM-DD$/,
    );
    expect(ran).toBe(false);
  });

  it('hands the handler the parsed payload with defaults applied', async () => {
    const run = jobProcessor('article', async (p) => p);
    expect(await run(job({ input: '/data/a.txt' }))).toEqual({
      input: '/data/a.txt',
      sourceId: null,
      sourcePriority: 0,
    });
  });
});
