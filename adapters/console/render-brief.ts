import type { BriefView, RenderedQuote, SourceLink } from '../../src/briefs/brief.js';
import { bold, type ConsoleOptions, dim, widthOf, wrap } from './terminal-text.js';

/** "Maria Okafor, a trade lawyer at Hollis & Grant" / "unnamed source (an industry analyst)". */
export function speakerLine(q: Pick<RenderedQuote, 'speaker'>): string {
  const { name, role } = q.speaker;
  if (name) return role ? `${name}, ${role}` : name;
  return role ? `unnamed source (${role})` : 'unnamed source';
}

function outlet(l: SourceLink): string {
  if (l.siteName) return l.siteName;
  try {
    const u = new URL(l.url);
    return u.protocol === 'file:' ? 'local file' : u.hostname.replace(/^www\./, '');
  } catch {
    return l.url;
  }
}

/**
 * A verbatim quote: the words exactly as stored, then who said it, then the article it is from
 * (left out when `sourceUrl` says it is the story's source link, printed anyway below).
 */
export function quoteLines(q: RenderedQuote, width: number, indent: string, sourceUrl?: string): string[] {
  const lines = wrap(`\u201C${q.text.trim()}\u201D`, width, indent, `${indent} `);
  lines.push(...wrap(`\u2014 ${speakerLine(q)}`, width, `${indent}    `, `${indent}      `));
  if (q.articleUrl !== sourceUrl) lines.push(...wrap(q.articleUrl, width, `${indent}      `));
  return lines;
}

/**
 * One story for the terminal: headline, bullets, key quotes with speaker, role and link, the source,
 * and the other outlets that carried it.
 */
export function renderBriefConsole(v: BriefView, o: ConsoleOptions = {}, label = ''): string {
  const width = widthOf(o);
  const pad = ' '.repeat(label.length);
  const out: string[] = wrap(v.headline, width, label, pad).map((l) => bold(l, o));
  for (const b of v.bullets) out.push(...wrap(b, width, `${pad}\u2022 `, `${pad}  `));
  for (const q of v.quotes) {
    out.push('');
    out.push(...quoteLines(q, width, pad, v.source.url));
  }
  out.push('');
  out.push(...wrap(`Source: ${outlet(v.source)} ${v.source.url}`, width, pad, `${pad}  `));
  if (v.alsoReportedBy.length) {
    out.push(
      ...wrap(`Also reported by: ${v.alsoReportedBy.map(outlet).join(', ')}`, width, pad, `${pad}  `).map(
        (l) => dim(l, o),
      ),
    );
  }
  const topics = [...v.entities.policies, ...v.entities.firms, ...v.entities.chips];
  if (topics.length)
    out.push(...wrap(`Topics: ${topics.join(', ')}`, width, pad, `${pad}  `).map((l) => dim(l, o)));
  return out.map((l) => l.trimEnd()).join('\n');
}
