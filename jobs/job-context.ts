import type { Services } from '../src/ingest/services.js';
import type { JobQueues } from './job-queues.js';
import type { QueueHooks, WorkerTuning } from './queue-hooks.js';

/** What every job processor gets: the pipeline's services and the queues to hand follow-on work to. */
export interface JobContext {
  services: Services;
  /** Where follow-on jobs go: the queues in a worker, a plain list in the in-process benchmark. */
  queues: Pick<JobQueues, 'add'>;
  tuning: WorkerTuning;
  answer?: QueueHooks['answer'];
}
