import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../src/log.js';

function line(msg: unknown[]): string {
  return msg
    .map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : JSON.stringify(m)))
    .join(' ');
}

/**
 * The Slack SDKs' logger interface over our pino logger (which redacts secrets). The SDKs' info lines
 * (connections, retries) go to debug: a running `serve` logs what it does, not what its SDK does.
 */
export function slackLogger(log: Logger): SlackLogger {
  const child = log.child({ component: 'slack-sdk' });
  return {
    debug: (...m: unknown[]) => child.trace(line(m)),
    info: (...m: unknown[]) => child.debug(line(m)),
    warn: (...m: unknown[]) => child.warn(line(m)),
    error: (...m: unknown[]) => child.error(line(m)),
    setLevel: () => {},
    getLevel: () => {
      const level = child.level;
      if (level === 'trace') return LogLevel.DEBUG;
      if (level === 'debug') return LogLevel.INFO;
      if (level === 'warn') return LogLevel.WARN;
      if (level === 'error' || level === 'fatal' || level === 'silent') return LogLevel.ERROR;
      return LogLevel.WARN;
    },
    setName: () => {},
  };
}
