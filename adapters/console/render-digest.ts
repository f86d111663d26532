import type { Digest } from '../../src/digests/digest.js';
import { renderBriefConsole } from './render-brief.js';
import { bold, type ConsoleOptions, widthOf, wrap } from './terminal-text.js';

/** A digest for the terminal: title, the one-line overview, then each story numbered. */
export function renderDigestConsole(d: Digest, o: ConsoleOptions = {}): string {
  const width = widthOf(o);
  const out: string[] = [bold(`chipbrief digest \u00B7 ${d.date}`, o), ...wrap(d.overview, width)];
  d.stories.forEach((s, i) => {
    out.push('\u2500'.repeat(Math.min(width, 60)));
    out.push(renderBriefConsole(s, o, `${i + 1}. `));
  });
  return `${out.join('\n')}\n`;
}
