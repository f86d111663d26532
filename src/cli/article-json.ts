import { summarizeMentions } from '../entities/mention.js';
import type { AnalysedDraft } from '../ingest/analyse-draft.js';

/** The `extract --json` shape of DESIGN.md's command-line contract. */
export function articleJson(a: AnalysedDraft) {
  return {
    id: a.id,
    title: a.draft.title,
    url: a.draft.url,
    publishedAt: a.draft.publishedAt,
    byline: a.draft.byline,
    siteName: a.draft.siteName,
    text: a.draft.text,
    quotes: a.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      speaker: { name: q.speaker.name, role: q.speaker.role, kind: q.speaker.kind },
      cue: q.cue,
      verified: q.verified,
    })),
    entities: summarizeMentions(a.mentions),
  };
}

/** A short human reading of an extracted article for the terminal. */
export function articleText(a: AnalysedDraft): string {
  const e = summarizeMentions(a.mentions);
  const lines = [
    a.draft.title,
    `${a.draft.url}${a.draft.publishedAt ? `  (${a.draft.publishedAt.slice(0, 10)})` : ''}`,
    `${a.draft.text.split('\n').length} paragraphs, ${a.quotes.length} quotes`,
  ];
  for (const q of a.quotes) {
    const who = q.speaker.name ?? 'unnamed source';
    lines.push(`  “${q.text}” — ${who}${q.speaker.role ? `, ${q.speaker.role}` : ''}`);
  }
  const ent = Object.entries(e)
    .filter(([, v]) => v.length)
    .map(([k, v]) => `${k}: ${v.join(', ')}`);
  if (ent.length) lines.push(...ent.map((l) => `  ${l}`));
  return lines.join('\n');
}
