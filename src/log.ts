import pino, { type Logger } from 'pino';
import { SECRET_KEYS } from './config.js';

export type { Logger };

/**
 * Structured logs on stderr (stdout stays for command output, e.g. --json). Secrets are redacted
 * wherever they appear in a logged object, including nested config and request headers.
 */
export function createLogger(level = 'info', destination: pino.DestinationStream | number = 2): Logger {
  const paths = [
    ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
    'token',
    '*.token',
    'apiKey',
    '*.apiKey',
    'headers.authorization',
    '*.headers.authorization',
    'password',
    '*.password',
  ];
  const dest =
    typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination;
  return pino({ level, redact: { paths, censor: '[redacted]' }, base: { app: 'chipbrief' } }, dest);
}
