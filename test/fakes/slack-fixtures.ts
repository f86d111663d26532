import type { Answer } from '../../src/answers/answer.js';
import type { BriefView, RenderedQuote } from '../../src/briefs/brief.js';
import type { Digest } from '../../src/digests/digest.js';

/** Hostile article text: every way a news page could try to ping, link or reformat in Slack. */
export const HOSTILE =
  'Alert <!channel> and <!here|here> and <!everyone>, ping <@U0VICTIM> in <#C0SECRET|secret>, ' +
  'see <https://evil.example/steal|the official notice> & *bold* _italics_ ~struck~ `code` ```block```';

let seq = 0;

export function quote(over: Partial<RenderedQuote> = {}): RenderedQuote {
  seq += 1;
  return {
    id: `a${seq}:120`,
    text: 'We will keep licensing advanced accelerators case by case, and the review will take time',
    speaker: { name: 'Dana Whitfield', role: 'a Commerce Department spokesperson', kind: 'person' },
    articleId: `a${seq}`,
    articleUrl: `https://policywire.example/2025/export-rules-${seq}`,
    publishedAt: '2025-03-14T08:00:00Z',
    ...over,
  };
}

export function briefView(over: Partial<BriefView> = {}): BriefView {
  seq += 1;
  return {
    storyId: `st_${String(seq).padStart(20, '0')}`,
    headline: `Commerce tightens licensing for advanced accelerators (${seq})`,
    bullets: [
      'New rules extend licence requirements to chips above a lower performance threshold.',
      'Cloud providers must report large training runs by overseas customers.',
    ],
    quotes: [quote()],
    source: {
      articleId: `a${seq}`,
      title: 'Commerce tightens licensing',
      url: `https://policywire.example/2025/rules-${seq}`,
      siteName: 'Policy Wire',
      publishedAt: '2025-03-14T08:00:00Z',
    },
    alsoReportedBy: [
      {
        articleId: `b${seq}`,
        title: 'Licensing tightened',
        url: `https://chipsdaily.example/r/${seq}`,
        siteName: 'Chips Daily',
        publishedAt: null,
      },
    ],
    entities: { firms: ['Nvidia'], people: [], policies: ['Export controls'], chips: [] },
    summarizer: 'extractive',
    ...over,
  };
}

export function digest(stories: BriefView[], over: Partial<Digest> = {}): Digest {
  return {
    id: 'digest:slack:C0POLICY:2025-03-14',
    platform: 'slack',
    channelId: 'C0POLICY',
    date: '2025-03-14',
    overview: `${stories.length} stories on export controls, subsidies and tariffs.`,
    stories,
    ...over,
  };
}

export function answer(over: Partial<Answer> = {}): Answer {
  return {
    kind: 'answer',
    title: 'Who said what about export controls',
    parts: ['Officials defended the licensing regime [1]; an analyst expected delays [2].'],
    quotes: [
      quote({ n: 1 }),
      quote({ n: 2, speaker: { name: null, role: 'an industry analyst', kind: 'unnamed' } }),
    ],
    citations: [
      {
        n: 1,
        storyId: 'st_00000000000000000001',
        articleId: 'a1',
        title: 'Commerce tightens licensing',
        url: 'https://policywire.example/2025/rules-1',
        siteName: 'Policy Wire',
        publishedAt: '2025-03-14T08:00:00Z',
      },
      {
        n: 2,
        storyId: 'st_00000000000000000002',
        articleId: 'a2',
        title: 'Analysts expect slower approvals',
        url: 'https://chipsdaily.example/analysts',
        siteName: 'Chips Daily',
        publishedAt: null,
      },
    ],
    suggestions: [],
    visibility: 'channel',
    storyIds: ['st_00000000000000000001', 'st_00000000000000000002'],
    ...over,
  };
}
