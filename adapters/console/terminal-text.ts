/** Options every console renderer takes. */
export interface ConsoleOptions {
  /** Columns to wrap at (default 80, at least 40). */
  width?: number;
  /** ANSI bold/dim for headings (default off: plain text for pipes and files). */
  color?: boolean;
}

/** ANSI/OSC escape sequences and control characters: article text must not drive the terminal. */
const ESCAPES = /\u001B(?:\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/g;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text from the store made safe for a terminal: no escape sequences, control or bidi characters. */
export function terminalSafe(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROL, ' ');
}

export function widthOf(o: ConsoleOptions): number {
  return Math.max(40, Math.floor(o.width ?? 80));
}

/**
 * Word-wraps one paragraph. `first` prefixes the first line, `rest` the following ones (hanging
 * indent); words longer than a line (URLs) stay whole on their own line.
 */
export function wrap(text: string, width: number, first = '', rest = first): string[] {
  const words = terminalSafe(text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const w of words) {
    const prefixLen = lines.length === 0 ? first.length : rest.length;
    if (!empty && line.length + 1 + w.length > width && line.length > prefixLen) {
      lines.push(line);
      line = rest + w;
    } else {
      line = empty ? line + w : `${line} ${w}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

export function bold(s: string, o: ConsoleOptions): string {
  return o.color ? `\u001B[1m${s}\u001B[22m` : s;
}

export function dim(s: string, o: ConsoleOptions): string {
  return o.color ? `\u001B[2m${s}\u001B[22m` : s;
}
