import type { Answer } from '../../src/answers/answer.js';
import { quoteLines } from './render-brief.js';
import { bold, type ConsoleOptions, dim, widthOf, wrap } from './terminal-text.js';

/** An answer for the terminal: title, paragraphs citing [n], verbatim quotes, the numbered sources. */
export function renderAnswerConsole(a: Answer, o: ConsoleOptions = {}): string {
  const width = widthOf(o);
  const out: string[] = wrap(a.title, width).map((l) => bold(l, o));
  for (const p of a.parts) {
    out.push('');
    out.push(...wrap(p, width));
  }
  for (const q of a.quotes) {
    out.push('');
    out.push(...quoteLines(q, width, q.n !== undefined ? `[${q.n}] ` : ''));
  }
  if (a.citations.length) {
    out.push('');
    out.push(bold('Sources', o));
    for (const c of a.citations) {
      const site = c.siteName ? `${c.siteName} \u2014 ` : '';
      const label = `[${c.n}] `;
      out.push(...wrap(`${site}${c.title}`, width, label, ' '.repeat(label.length)));
      out.push(...wrap(c.url, width, ' '.repeat(label.length)));
      const also = (c.alsoReportedBy ?? []).map((l) => l.siteName ?? l.url);
      if (also.length)
        out.push(
          ...wrap(`also reported by ${also.join(', ')}`, width, ' '.repeat(label.length)).map((l) =>
            dim(l, o),
          ),
        );
    }
  }
  if (a.suggestions.length) {
    out.push('');
    out.push(...wrap(`Try: ${a.suggestions.join(' \u00B7 ')}`, width).map((l) => dim(l, o)));
  }
  return `${out.map((l) => l.trimEnd()).join('\n')}\n`;
}
