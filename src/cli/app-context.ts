import { type Config, loadConfig } from '../config.js';
import { ChipbriefError, oneLine } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import { settlesWithin } from '../settles-within.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/port.js';

export interface CliStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export interface CliEnv extends CliStreams {
  argv: string[];
  /** Environment to configure from; the process environment when absent (config.ts reads it). */
  env?: Record<string, string | undefined>;
  cwd: string;
}

/** Longest wait for one resource to close when a command ends. */
const CLOSE_MS = 3_000;

/**
 * What every command gets: lazily parsed config, a logger, the store, and output that never shows a
 * stack trace. Resources opened through it are closed when the command ends.
 */
export class AppContext {
  private cfg: Config | undefined;
  private logger: Logger | undefined;
  private readonly closers: (() => Promise<void>)[] = [];
  exitCode = 0;

  constructor(readonly cli: CliEnv) {}

  get config(): Config {
    this.cfg ??= loadConfig(this.cli.env, this.cli.cwd);
    return this.cfg;
  }

  get log(): Logger {
    this.logger ??= createLogger(this.config.LOG_LEVEL ?? 'warn');
    return this.logger;
  }

  out(line: string): void {
    this.cli.stdout.write(line.endsWith('\n') ? line : `${line}\n`);
  }

  err(line: string): void {
    this.cli.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
  }

  get interactive(): boolean {
    return Boolean(this.cli.stderr.isTTY) && !this.config.CI;
  }

  async store(): Promise<Store> {
    const s = await openStore(this.config);
    this.onClose(() => s.close());
    return s;
  }

  onClose(fn: () => Promise<void>): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers.splice(0).reverse()) {
      // A client of a server that went away (Redis mid-restart) may wait forever to close; the command
      // has ended, so each resource gets a bounded moment and the rest still close.
      const closing = Promise.resolve()
        .then(fn)
        .catch((err: unknown) => this.err(`warning: ${oneLine(err)}`));
      if (!(await settlesWithin(closing, CLOSE_MS)))
        this.err(`warning: a connection did not close within ${CLOSE_MS / 1000} s; left behind`);
    }
  }

  /** Runs a command body: errors become one line on stderr and an exit code (2 = bad input, 1 = failure). */
  async run(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (err) {
      this.fail(err);
    } finally {
      await this.close();
    }
  }

  fail(err: unknown): void {
    this.err(`chipbrief: ${oneLine(err)}`);
    const usage =
      err instanceof ChipbriefError &&
      (err.code.startsWith('INPUT_') || err.code === 'CONFIG_INVALID' || err.code === 'COMMAND_INVALID');
    this.exitCode = Math.max(this.exitCode, usage ? 2 : 1);
  }
}
