import type { Job } from 'bullmq';
import { ChipbriefError } from '../src/errors.js';
import { toJobError } from './job-error.js';
import { PAYLOADS, type Payloads } from './payloads.js';
import type { QueueName } from './queue-names.js';

export type Handler<Q extends QueueName> = (payload: Payloads[Q], job: Job) => Promise<unknown>;

/**
 * Wraps a handler for a BullMQ Worker: validates the payload with its zod schema (a payload that does
 * not parse fails for good) and maps errors with `toJobError`.
 */
export function jobProcessor<Q extends QueueName>(
  name: Q,
  handler: Handler<Q>,
): (job: Job) => Promise<unknown> {
  return async (job) => {
    try {
      const parsed = PAYLOADS[name].safeParse(job.data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        throw new ChipbriefError(
          'COMMAND_INVALID',
          `invalid ${name} payload${where}: ${issue?.message ?? 'unknown'}`,
        );
      }
      return await handler(parsed.data as Payloads[Q], job);
    } catch (err) {
      throw toJobError(err);
    }
  };
}
