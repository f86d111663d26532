import type { CommandSink, InboundCommand } from '../src/ports.js';
import { answerJobId } from './job-id.js';
import type { JobQueues } from './job-queues.js';

/**
 * The CommandSink of service mode: an adapter's `submit` enqueues an `answer` job keyed by the
 * platform's event id, so a redelivered event (Slack retries, a Discord reconnect) is answered once.
 * Resolves once Redis has the job — one round trip, well inside the platforms' 3 s ack window.
 */
export function queueCommandSink(queues: JobQueues): CommandSink {
  return {
    async submit(command: InboundCommand): Promise<void> {
      await queues.add('answer', answerJobId(command.ctx.platform, command.eventId), command);
    },
  };
}
