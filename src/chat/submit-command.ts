import type { Logger } from '../log.js';
import type { CommandSink, InboundCommand } from '../ports.js';

/** What the user is told when their command could not be queued. */
export const QUEUE_BUSY_TEXT =
  'chipbrief could not take this request right now (its queue is unavailable). Please try again in a minute.';

/**
 * Submits an inbound command; when the sink fails (its queue is down), logs it and runs `onFail`, the
 * platform's way of telling the user (QUEUE_BUSY_TEXT). A failure to tell them is logged, never thrown:
 * the event handler that called it has nothing left to do.
 */
export function commandSubmitter(deps: {
  sink: CommandSink;
  log: Logger;
  /** Prefix of the log messages: 'slack', 'discord'. */
  platform: string;
  /** Called on every submitted event (health). */
  onEvent?: () => void;
}): (cmd: InboundCommand, onFail: () => Promise<unknown>) => Promise<void> {
  const { sink, log, platform } = deps;
  return async (cmd, onFail) => {
    deps.onEvent?.();
    try {
      await sink.submit(cmd);
    } catch (err) {
      log.error({ err, eventId: cmd.eventId }, `${platform}: could not submit the command`);
      await onFail().catch((e) =>
        log.warn({ err: e }, `${platform}: could not tell the user about the failure`),
      );
    }
  };
}
