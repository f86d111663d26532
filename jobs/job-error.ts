import { UnrecoverableError } from 'bullmq';
import { ChipbriefError, oneLine } from '../src/errors.js';

/**
 * What a processor throws to BullMQ: always a one-line reason (`CODE: message`, no stack), and an
 * `UnrecoverableError` when retrying cannot help (bad page, refused URL, binary input, bad payload),
 * so the job fails at once and stays in the failed set with its reason.
 */
export function toJobError(err: unknown): Error {
  if (err instanceof UnrecoverableError) return err;
  const line = oneLine(err);
  if (err instanceof ChipbriefError && err.permanent) return new UnrecoverableError(line);
  const e = new Error(line);
  e.stack = line;
  return e;
}
