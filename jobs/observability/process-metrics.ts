import { ChipbriefMetrics } from './metrics.js';

let instance: ChipbriefMetrics | undefined;

/**
 * The metrics of this process: what the job processors count and GET /metrics serves. One per process
 * because the processors run inside BullMQ workers, which hand them nothing but the job context.
 */
export function processMetrics(): ChipbriefMetrics {
  instance ??= new ChipbriefMetrics();
  return instance;
}
