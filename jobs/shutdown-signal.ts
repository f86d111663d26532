import type { Logger } from '../src/log.js';

/**
 * Resolves on the first SIGTERM or SIGINT (graceful stop). A second signal while stopping exits at
 * once: an operator pressing Ctrl-C twice means it. So does a stop that takes longer than `deadlineMs`
 * (Redis unreachable while closing): locks expire and other workers take the jobs over.
 */
export function shutdownSignal(
  log: Logger,
  deadlineMs: number,
): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let resolve!: (s: NodeJS.Signals) => void;
  const received = new Promise<NodeJS.Signals>((r) => {
    resolve = r;
  });
  let count = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      log.info({ signal }, 'shutting down');
      setTimeout(() => {
        log.warn({ deadlineMs }, 'graceful stop took too long: exiting');
        process.exit(1);
      }, deadlineMs).unref();
      resolve(signal);
    } else {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(130);
    }
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return {
    received,
    dispose() {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
    },
  };
}
