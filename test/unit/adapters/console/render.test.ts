import { describe, expect, it } from 'vitest';
import { renderAnswerConsole } from '../../../../adapters/console/render-answer.js';
import { renderBriefConsole } from '../../../../adapters/console/render-brief.js';
import { renderDigestConsole } from '../../../../adapters/console/render-digest.js';
import { terminalSafe, wrap } from '../../../../adapters/console/terminal-text.js';
import type { Answer } from '../../../../src/answers/answer.js';
import type { BriefView } from '../../../../src/briefs/brief.js';
import type { Digest } from '../../../../src/digests/digest.js';

const view: BriefView = {
  storyId: 's1',
  headline: 'U.S. widens export curbs on AI chips to cover cloud access',
  bullets: [
    'The U.S. Commerce Department on Tuesday widened its export controls on advanced AI accelerators, extending licence requirements to remote cloud access for companies headquartered in China.',
    'Cloud operators have 60 days to put screening procedures in place.',
  ],
  quotes: [
    {
      id: 'a1:376',
      text: 'This is the loophole everyone in the industry has been talking about for two years,',
      speaker: {
        name: 'Maria Okafor',
        role: 'a trade lawyer at Hollis & Grant in Washington',
        kind: 'person',
      },
      articleId: 'a1',
      articleUrl: 'https://chippolicywire.example/2026/11/cloud-export-curbs',
      publishedAt: null,
    },
    {
      id: 'a1:912',
      text: 'We will comply, but nobody knows yet how to verify the end user.',
      speaker: { name: null, role: 'an executive at a Singapore data-centre operator', kind: 'unnamed' },
      articleId: 'a2',
      articleUrl: 'https://tradedesk.example/x',
      publishedAt: null,
    },
  ],
  source: {
    articleId: 'a1',
    title: 'U.S. widens export curbs on AI chips to cover cloud access',
    url: 'https://chippolicywire.example/2026/11/cloud-export-curbs',
    siteName: 'Chip Policy Wire',
    publishedAt: null,
  },
  alsoReportedBy: [
    {
      articleId: 'a2',
      title: 't',
      url: 'https://tradedesk.example/x',
      siteName: 'Trade Desk News',
      publishedAt: null,
    },
    {
      articleId: 'a3',
      title: 't',
      url: 'https://www.contentfarm-two.example/p/1',
      siteName: null,
      publishedAt: null,
    },
  ],
  entities: { firms: ['Nvidia'], people: [], policies: ['export controls'], chips: [] },
  summarizer: 'extractive',
};

describe('console rendering', () => {
  it('renders a brief wrapped, with verbatim quotes, speaker, role, link and also-reported-by', () => {
    const out = renderBriefConsole(view, { width: 72 });
    const lines = out.split('\n');
    expect(lines.every((l) => l.length <= 72)).toBe(true);
    expect(lines[0]).toBe('U.S. widens export curbs on AI chips to cover cloud access');
    expect(out).toContain('\u2022 The U.S. Commerce Department');
    // Quote words are unchanged (wrapping only changes where lines break).
    expect(out.replace(/\s+/g, ' ')).toContain(`\u201C${view.quotes[0]!.text}\u201D`);
    expect(out).toContain('\u2014 Maria Okafor, a trade lawyer at Hollis & Grant in Washington');
    expect(out).toContain('\u2014 unnamed source (an executive at a Singapore data-centre operator)');
    expect(out.replace(/\s+/g, ' ')).toContain(
      'Source: Chip Policy Wire https://chippolicywire.example/2026/11/cloud-export-curbs',
    );
    // A quote from another copy links to that copy; one from the source does not repeat its link.
    expect(out).toMatch(/operator\)\n +https:\/\/tradedesk\.example\/x/);
    expect(out.split('https://chippolicywire.example/2026/11/cloud-export-curbs')).toHaveLength(2);
    expect(out).toContain('Also reported by: Trade Desk News, contentfarm-two.example');
    expect(out).not.toMatch(/\u001B/);
  });

  it('renders a digest with its overview and numbered stories', () => {
    const d: Digest = {
      id: 'digest:console:cli:2026-11-18',
      platform: 'console',
      channelId: 'cli',
      date: '2026-11-18',
      overview: '1 story: export controls (1) \u00B7 3 outlets',
      stories: [view],
    };
    const out = renderDigestConsole(d, { width: 80 });
    expect(out.split('\n').slice(0, 2)).toEqual([
      'chipbrief digest \u00B7 2026-11-18',
      '1 story: export controls (1) \u00B7 3 outlets',
    ]);
    expect(out).toContain('1. U.S. widens export curbs');
    expect(out).toContain('   \u2022 Cloud operators have 60 days');
  });

  it('renders an answer with citations and suggestions', () => {
    const a: Answer = {
      kind: 'answer',
      title: 'What Maria Okafor said',
      parts: ['Okafor called the cloud rule a closed loophole [1].'],
      quotes: [{ ...view.quotes[0]!, n: 1 }],
      citations: [{ ...view.source, n: 1, storyId: 's1', alsoReportedBy: view.alsoReportedBy }],
      suggestions: ['firm Nvidia'],
      visibility: 'channel',
      storyIds: ['s1'],
    };
    const out = renderAnswerConsole(a, { width: 80 });
    expect(out).toContain('[1] \u201CThis is the loophole');
    expect(out).toContain('[1] Chip Policy Wire \u2014 U.S. widens export curbs');
    expect(out).toContain('also reported by Trade Desk News');
    expect(out).toContain('Try: firm Nvidia');
  });

  it('neutralises terminal escapes in stored text and keeps long URLs whole', () => {
    expect(terminalSafe('a\u001B[2Jb\u001B]8;;http://x\u0007c\u202Ed')).toBe('abc d');
    const lines = wrap(
      'see https://example.com/a/very/long/path/that/does/not/fit/anywhere/at/all ok',
      40,
      '  ',
    );
    expect(lines).toEqual([
      '  see',
      '  https://example.com/a/very/long/path/that/does/not/fit/anywhere/at/all',
      '  ok',
    ]);
    const hostile = { ...view, headline: 'Chips \u001B[31mred\u001B[0m alert', bullets: ['x\u0007y'] };
    expect(renderBriefConsole(hostile)).not.toMatch(/[\u0000-\u0008\u001B]/);
  });

  it('uses ANSI only when color is on', () => {
    expect(renderBriefConsole(view, { color: true })).toContain('\u001B[1m');
  });
});
