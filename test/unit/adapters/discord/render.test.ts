import { describe, expect, it } from 'vitest';
import { digestRef, parseOverviewFooter, parsePartMark } from '../../../../adapters/discord/digest-ref.js';
import { renderAnswer } from '../../../../adapters/discord/render-answer.js';
import { planDigest } from '../../../../adapters/discord/render-digest.js';
import type { Answer } from '../../../../src/answers/answer.js';
import type { BriefView, RenderedQuote, SourceLink } from '../../../../src/briefs/brief.js';
import type { Digest } from '../../../../src/digests/digest.js';
import { validateMessage } from '../../../fakes/discord-rest.js';
import { allText, rendered } from './rendered.js';

const SPEAKERS = ['Maren Lindqvist', 'Priya Natarajan', 'Daniel Okafor', 'Hu Jiaming', 'Alana Brooks'];

function quote(i: number, words: number): RenderedQuote {
  const phrase = 'the licensing backlog will shape which fabs can keep their scanners running next year';
  const text = `${i}: ${Array.from({ length: words }, (_, k) => phrase.split(' ')[k % 14]).join(' ')} **@everyone**`;
  return {
    id: `a${i % 7}:${i * 10}`,
    text,
    speaker: {
      name: SPEAKERS[i % SPEAKERS.length]!,
      role: i % 2 ? 'analyst at Meridian' : null,
      kind: 'person',
    },
    articleId: `a${i % 7}`,
    articleUrl: `https://outlet${i % 7}.example/story/${i}`,
    publishedAt: '2026-11-16T09:00:00.000Z',
    n: (i % 7) + 1,
  };
}

function source(i: number): SourceLink {
  return {
    articleId: `a${i}`,
    title: `Servicing rule, part ${i} [see](https://phish.example) <@&1>`,
    url: `https://outlet${i}.example/story/${i}`,
    siteName: `Outlet ${i}`,
    publishedAt: '2026-11-16T09:00:00.000Z',
  };
}

function hugeAnswer(): Answer {
  return {
    kind: 'answer',
    title: `${'Who said what about export controls '.repeat(12)}`,
    parts: Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i}: ${'the rule reaches servicing and spare parts [1]. '.repeat(20)}`,
    ),
    quotes: Array.from({ length: 60 }, (_, i) => quote(i, 40 + (i % 5) * 200)),
    citations: Array.from({ length: 7 }, (_, i) => ({
      ...source(i),
      n: i + 1,
      storyId: `s${i}`,
      alsoReportedBy: Array.from({ length: 30 }, (_, k) => source(100 + k)),
    })),
    suggestions: ['firm SMIC', 'policy Entity List'],
    visibility: 'channel',
    storyIds: ['s0', 's1'],
  };
}

describe('renderAnswer', () => {
  it('splits a huge answer into messages Discord accepts, losing no quote', () => {
    const answer = hugeAnswer();
    const messages = renderAnswer(answer);
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(validateMessage({ ...m })).toBeNull();
    // What a reader sees, with block-quote markers and line wrapping taken out.
    const seen = rendered(allText(messages).replace(/(^|\n)> ?/g, '$1')).replace(/\s+/g, ' ');
    let from = 0;
    for (const q of answer.quotes) {
      // Verbatim (modulo escaping, and line wrapping in a block quote), in order.
      const at = seen.indexOf(q.text.replace(/\s+/g, ' '), from);
      expect(at).toBeGreaterThanOrEqual(0);
      from = at;
    }
    const raw = allText(messages);
    expect(raw).not.toMatch(/@everyone/);
    expect(raw).not.toContain('[see](https://phish.example)');
    expect(raw).not.toMatch(/(?<!\\)<@&/);
  });

  it('puts suggestions in a field and uses the notice colour for refusals', () => {
    const [m] = renderAnswer({
      kind: 'refused',
      title: 'Only admins can do that',
      parts: ['Try `/chipbrief help`.'],
      quotes: [],
      citations: [],
      suggestions: ['help'],
      visibility: 'ephemeral',
      storyIds: [],
    });
    expect(m!.embeds[0]).toMatchObject({ title: 'Only admins can do that', color: 0xf59e0b });
    expect(m!.embeds[0]!.fields).toEqual([{ name: 'Try', value: '`help`' }]);
    expect(m!.embeds[0]!.description).toBe('Try `/chipbrief help`.');
  });
});

function view(i: number): BriefView {
  return {
    storyId: `story-${i}`,
    headline: `${i % 3 === 0 ? '@everyone ' : ''}Toolmakers weigh the servicing rule ${'at length '.repeat(i % 4 ? 1 : 40)}`,
    bullets: Array.from(
      { length: 3 },
      (_, k) => `Bullet ${k}: ${'licence applications pile up '.repeat(i % 5 === 0 ? 60 : 3)}`,
    ),
    quotes: Array.from({ length: i % 4 }, (_, k) => quote(i * 10 + k, 30 + (i % 3) * 300)),
    source: source(i),
    alsoReportedBy: Array.from({ length: i % 6 === 0 ? 80 : 2 }, (_, k) => source(200 + k)),
    entities: { firms: [], people: [], policies: [], chips: [] },
    summarizer: i % 2 ? 'llm' : 'extractive',
  };
}

function digest(n: number): Digest {
  return {
    id: `digest:discord:930000000000000001:2026-11-17`,
    platform: 'discord',
    channelId: '930000000000000001',
    date: '2026-11-17',
    overview: 'Export controls reach servicing; @here memory tariffs under review.',
    stories: Array.from({ length: n }, (_, i) => view(i)),
  };
}

describe('planDigest', () => {
  it('a 50-story digest: overview and every thread message within limits, each story once, marked', () => {
    const d = digest(50);
    const plan = planDigest(d, { botUserId: '900000000000000001' });
    expect(validateMessage({ ...plan.overview })).toBeNull();
    const footer = parseOverviewFooter(plan.overview.embeds[0]!.footer!.text);
    expect(footer).toEqual({ date: '2026-11-17', parts: plan.parts.length, ref: digestRef(d.id) });
    expect(plan.overview.embeds[0]!.description).toMatch(/more in the thread\.|\*\*50\.\*\*/);
    expect(plan.threadName.length).toBeLessThanOrEqual(100);
    plan.parts.forEach((p, i) => {
      expect(validateMessage({ ...p })).toBeNull();
      expect(parsePartMark(p.content!)).toEqual({ part: i + 1, parts: plan.parts.length, ref: plan.ref });
    });
    const titles = plan.parts.flatMap((p) => p.embeds.map((e) => e.title)).filter(Boolean);
    expect(titles).toHaveLength(50);
    expect(titles.map((t) => /^(\d+)\\\. /.exec(t!)?.[1])).toEqual(titles.map((_, i) => String(i + 1)));
    const text = rendered(allText(plan.parts).replace(/(^|\n)> ?/g, '$1')).replace(/\s+/g, ' ');
    for (const s of d.stories) for (const q of s.quotes) expect(text).toContain(q.text.replace(/\s+/g, ' '));
    expect(JSON.stringify(plan)).not.toMatch(/@everyone|@here/);
  });

  it('is deterministic: the same digest gives the same plan (a retry posts the same parts)', () => {
    expect(planDigest(digest(12))).toEqual(planDigest(digest(12)));
  });
});
