import type { AppContext } from './app-context.js';

/**
 * A progress bar on a terminal (stderr, redrawn in place); nothing on pipes and in CI, where the
 * command prints a one-line summary instead.
 */
export class Progress {
  private done = 0;
  private last = 0;

  constructor(
    private readonly app: AppContext,
    private readonly total: number,
    private readonly label: string,
  ) {}

  tick(what: string): void {
    this.done++;
    if (!this.app.interactive) return;
    const now = Date.now();
    if (now - this.last < 50 && this.done < this.total) return;
    this.last = now;
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    const name = what.length > 40 ? `…${what.slice(-39)}` : what;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.app.cli.stderr.write(`\r\x1b[2K${this.label} ${bar} ${this.done}/${this.total} ${name}`);
  }

  end(): void {
    if (this.app.interactive) this.app.cli.stderr.write('\r\x1b[2K');
  }
}
