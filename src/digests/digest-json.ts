import type { SourceLink } from '../briefs/brief.js';
import type { Digest } from './digest.js';

export interface DigestJsonQuote {
  text: string;
  /** The speaker's name, or "unnamed source". */
  speaker: string;
  role: string | null;
  kind: 'person' | 'organization' | 'unnamed';
  articleId: string;
  articleUrl: string;
}

export interface DigestJsonSource {
  articleId: string;
  title: string;
  url: string;
  siteName: string | null;
  publishedAt: string | null;
}

export interface DigestJsonStory {
  storyId: string;
  headline: string;
  bullets: string[];
  quotes: DigestJsonQuote[];
  source: DigestJsonSource;
  members: DigestJsonSource[];
  entities: { firms: string[]; people: string[]; policies: string[]; chips: string[] };
  summarizer: 'extractive' | 'llm';
}

/** `chipbrief digest --json`: the contract scripts rely on. */
export interface DigestJson {
  id: string;
  date: string;
  overview: string;
  stories: DigestJsonStory[];
}

const link = (l: SourceLink): DigestJsonSource => ({
  articleId: l.articleId,
  title: l.title,
  url: l.url,
  siteName: l.siteName,
  publishedAt: l.publishedAt,
});

/** The JSON form of a digest: per story headline, bullets, verbatim quotes with speaker, source and members. */
export function digestToJson(d: Digest): DigestJson {
  return {
    id: d.id,
    date: d.date,
    overview: d.overview,
    stories: d.stories.map((s) => ({
      storyId: s.storyId,
      headline: s.headline,
      bullets: s.bullets,
      quotes: s.quotes.map((q) => ({
        text: q.text,
        speaker: q.speaker.name ?? 'unnamed source',
        role: q.speaker.role,
        kind: q.speaker.kind,
        articleId: q.articleId,
        articleUrl: q.articleUrl,
      })),
      source: link(s.source),
      members: (s.members ?? [s.source, ...s.alsoReportedBy]).map(link),
      entities: s.entities,
      summarizer: s.summarizer,
    })),
  };
}
