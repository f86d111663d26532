import { describe, expect, it } from 'vitest';
import type { BriefView, SourceLink } from '../../../src/briefs/brief.js';
import { digestOverview } from '../../../src/digests/overview.js';

const link = (site: string | null, url: string): SourceLink => ({
  articleId: url,
  title: 't',
  url,
  siteName: site,
  publishedAt: null,
});
const view = (policies: string[], firms: string[], sites: (string | null)[]): BriefView => {
  const members = sites.map((s, i) => link(s, `https://o${i}-${s ?? 'x'}.example/a`));
  return {
    storyId: sites.join(','),
    headline: 'h',
    bullets: [],
    quotes: [],
    source: members[0]!,
    alsoReportedBy: members.slice(1),
    members,
    entities: { firms, people: [], policies, chips: [] },
    summarizer: 'extractive',
  };
};

describe('digestOverview', () => {
  it('names the topics most stories share, then counts distinct outlets', () => {
    const line = digestOverview([
      view(['export controls'], ['Nvidia'], ['Wire A', 'Wire B', null]),
      view(['export controls'], ['Huawei'], ['Wire A', 'Wire C']),
      view(['export controls', 'Entity List'], ['Huawei'], ['Wire D']),
      view(['tariffs'], [], ['Wire B']),
    ]);
    expect(line).toBe('4 stories: export controls (3), Huawei (2), tariffs (1) · 5 outlets');
  });

  it('handles one story without topics', () => {
    expect(digestOverview([view([], [], ['Wire A'])])).toBe('1 story · 1 outlet');
  });
});
