/**
 * Sets the exit code once a command has ended. Everything a command opens is closed when it ends;
 * should a library still hold the event loop open (a Redis client reconnecting to a server that went
 * away), do not hang — a container would wait for SIGKILL: exit anyway a moment later.
 */
export function exitAfterCommand(code: number, graceMs = 3_000): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), graceMs).unref();
}
