import { describe, expect, it } from 'vitest';
import { blockChars, LIMITS, type SlackMessage, splitMrkdwn } from '../../../../adapters/slack/blocks.js';
import { DIGEST_EVENT, DIGEST_PART_EVENT, planDigest } from '../../../../adapters/slack/render-digest.js';
import { storyIdsFromBlocks } from '../../../../adapters/slack/render-parts.js';
import { briefView, digest, HOSTILE, quote } from '../../../fakes/slack-fixtures.js';
import { checkMessage } from '../../../fakes/slack-server.js';

function allText(m: SlackMessage): string {
  return [
    m.text,
    ...m.blocks.flatMap((b) =>
      b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
    ),
  ].join('\n');
}

function expectWithinLimits(m: SlackMessage): void {
  expect(checkMessage({ text: m.text, blocks: m.blocks })).toBeNull();
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  expect(m.blocks.reduce((n, b) => n + blockChars(b), 0)).toBeLessThanOrEqual(LIMITS.messageChars);
  expect(m.text.length).toBeLessThanOrEqual(LIMITS.fallbackText + 1);
}

/** Readable text of a message: escapes decoded, blockquote marks and zero-width spaces removed. */
function readable(m: SlackMessage): string {
  return allText({ ...m, text: '' })
    .replace(/\u200b/g, '')
    .replace(/^>/gm, '')
    .replace(/\n/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('planDigest', () => {
  it('puts a short digest in one message carrying the digest id', () => {
    const plan = planDigest(digest([briefView(), briefView()]), { botUserId: 'UBOT0001' });
    expect(plan.parts).toEqual([]);
    expect(plan.parent.metadata).toEqual({
      event_type: DIGEST_EVENT,
      event_payload: { digest_id: 'digest:slack:C0POLICY:2025-03-14', parts: 0, date: '2025-03-14' },
    });
    expectWithinLimits(plan.parent);
    const text = allText(plan.parent);
    expect(text).toContain('Dana Whitfield, a Commerce Department spokesperson');
    expect(text).toContain('<https://policywire.example/2025/');
    expect(text).toContain('<@UBOT0001>');
  });

  it('gives a longer digest a compact parent and one thread reply per story, numbered in metadata', () => {
    const stories = Array.from({ length: 6 }, () => briefView());
    const plan = planDigest(digest(stories));
    expect(plan.parts).toHaveLength(6);
    expect(plan.parent.metadata?.event_payload.parts).toBe(6);
    plan.parts.forEach((p, i) => {
      expect(p.metadata).toEqual({
        event_type: DIGEST_PART_EVENT,
        event_payload: { digest_id: 'digest:slack:C0POLICY:2025-03-14', part: i + 1 },
      });
      expect(storyIdsFromBlocks(p.blocks)).toEqual([stories[i]!.storyId]);
      expectWithinLimits(p);
    });
    expect(storyIdsFromBlocks(plan.parent.blocks)).toEqual(stories.map((s) => s.storyId));
    // The parent is compact: headlines, not quotes.
    expect(allText(plan.parent)).not.toContain('Dana Whitfield');
  });

  it('renders hostile article text inert everywhere, fallback text included', () => {
    const hostile = briefView({
      headline: HOSTILE,
      bullets: [HOSTILE],
      quotes: [
        quote({ text: HOSTILE, speaker: { name: '<!channel>', role: '<@U0VICTIM>', kind: 'person' } }),
      ],
      source: {
        articleId: 'x',
        title: HOSTILE,
        url: 'https://news.example/x',
        siteName: '<!here>',
        publishedAt: null,
      },
      alsoReportedBy: [
        {
          articleId: 'y',
          title: 't',
          url: 'javascript:alert(1)',
          siteName: '<#C0SECRET>',
          publishedAt: null,
        },
      ],
    });
    const plan = planDigest(digest([hostile], { overview: HOSTILE }));
    for (const m of [plan.parent, ...plan.parts]) {
      const text = allText(m);
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toContain('<https://evil');
      expect(text).not.toContain('javascript:');
      expect(text).toContain('&lt;!channel&gt;');
    }
  });

  it('splits a huge digest so every message fits Slack, keeping every quote word for word', () => {
    const longQuote = `${'The licensing backlog has grown every quarter, and exporters say reviews now take months. '.repeat(70)}End.`;
    const stories = Array.from({ length: 50 }, (_, i) =>
      briefView({
        headline: `${'Very long headline about subsidies and tariffs '.repeat(12)}${i}`,
        bullets: Array.from(
          { length: 8 },
          () => `${'A detailed bullet on fab incentives & <tariffs>. '.repeat(15)}`,
        ),
        quotes: Array.from({ length: 6 }, () => quote({ text: longQuote })),
        alsoReportedBy: Array.from({ length: 30 }, (_, j) => ({
          articleId: `r${j}`,
          title: 'Reprint',
          url: `https://reprint${j}.example/story`,
          siteName: `Reprint ${j}`,
          publishedAt: null,
        })),
      }),
    );
    const plan = planDigest(digest(stories, { overview: 'x'.repeat(8000) }));
    const messages = [plan.parent, ...plan.parts];
    expect(messages.length).toBeGreaterThan(50);
    for (const m of messages) expectWithinLimits(m);
    expect(plan.parent.metadata?.event_payload.parts).toBe(plan.parts.length);
    expect(plan.parts.map((p) => p.metadata?.event_payload.part)).toEqual(plan.parts.map((_, i) => i + 1));
    // Each story's quotes survive in full across its messages.
    const story0 = plan.parts.filter((p) => storyIdsFromBlocks(p.blocks)[0] === stories[0]!.storyId);
    const text0 = story0.map(readable).join(' ').replace(/\s+/g, ' ');
    const whole = `\u201c${longQuote.trim()}\u201d`;
    expect(text0.split(whole).length - 1).toBe(6);
  });

  it('handles an empty digest', () => {
    const plan = planDigest(digest([], { overview: '' }));
    expect(plan.parts).toEqual([]);
    expectWithinLimits(plan.parent);
  });
});

describe('splitMrkdwn', () => {
  it('never cuts inside an entity or a link, and loses no visible text', () => {
    const text = `${'Fab &amp; subsidy &lt;news&gt; <https://a.example/x|a link label> '.repeat(300)}`;
    for (const limit of [50, 97, 1000, 2800]) {
      const pieces = splitMrkdwn(text, limit);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(limit);
        expect(p).not.toMatch(/&(a|am|amp|l|lt|g|gt)?$/);
        expect(p.split('<').length).toBe(p.split('>').length);
      }
      expect(pieces.join(' ').replace(/\s+/g, ' ').trim()).toBe(text.replace(/\s+/g, ' ').trim());
    }
  });
});
