import type { StoryInput } from '../../src/stories/story-input.js';
import type { BaseStory } from '../fixtures/stories/base-story.js';
import { CORPUS_A } from '../fixtures/stories/corpus-a.js';
import { CORPUS_B } from '../fixtures/stories/corpus-b.js';
import { CORPUS_C } from '../fixtures/stories/corpus-c.js';
import { prng, quoteRanges, spin } from './spinner.js';

export const BASE_STORIES: BaseStory[] = [...CORPUS_A, ...CORPUS_B, ...CORPUS_C];

export type Variant = 'original' | 'reprint' | 'syndicated' | 'wire' | 'spun' | 'spun-site' | 'spun-trimmed';

/** A corpus input labelled with the base story it is a copy of. */
export interface LabelledInput extends StoryInput {
  story: string;
  topic: string;
  variant: Variant;
  /** Share of prose words the spinner replaced (0 for unspun copies). */
  spinRate: number;
}

/** Quotations of at least five words: what the quote extractor would hand clustering. */
export function quotesOf(text: string): string[] {
  return quoteRanges(text)
    .map(([s, e]) => text.slice(s + 1, text[e - 1] === '"' ? e - 1 : e))
    .filter((q) => q.split(/\s+/).length >= 5);
}

const SITES = ['Global Chip Times', 'Tech Trade Digest', 'Silicon Street', 'Wafer Watch', 'Policy Byte'];
const COPY_SITES = [
  'newsbeat24.example',
  'trendingtechnow.example',
  'allnewsdaily.example',
  'bizworldhub.example',
];

function shift(iso: string | null, hours: number): string | null {
  return iso ? new Date(Date.parse(iso) + hours * 3600_000).toISOString() : null;
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A syndicated reprint: another headline, a byline and dateline, the outlet's boilerplate around the
 * body, and (when `trim`) the last paragraph cut.
 */
export function syndicate(
  base: BaseStory,
  seed: number,
  trim: boolean,
): { title: string; text: string; site: string } {
  const rnd = prng(seed);
  const site = SITES[Math.floor(rnd() * SITES.length)]!;
  const heads = [`UPDATE 1-${base.title}`, `${base.title}, sources say`, `Analysis: ${base.title}`];
  const title = heads[Math.floor(rnd() * heads.length)]!;
  const body = trim ? base.paragraphs.slice(0, -1) : [...base.paragraphs];
  const text = [
    `By Staff Reporters, ${site}`,
    ...body,
    `This article was first published by ${base.site} and is republished here under a content partnership.`,
    `Subscribe to the ${site} morning briefing for the day's top technology and trade stories.`,
  ].join('\n');
  return { title, text, site };
}

/** A copy-site's frame around a spun body. */
function copySiteFrame(body: string, site: string): string {
  return [
    body,
    `Disclaimer: ${site} aggregates stories from around the web. Content may be edited for length.`,
    'Share this story with your friends and follow us for the latest updates.',
  ].join('\n');
}

/** Every copy of one base story: original, tracking-URL reprint, two syndicated, three spun. */
export function copiesOf(base: BaseStory, seed: number): LabelledInput[] {
  const original = base.paragraphs.join('\n');
  const label = { story: base.key, topic: base.topic };
  const mk = (
    variant: Variant,
    over: Partial<LabelledInput> & Pick<StoryInput, 'url' | 'text'>,
  ): LabelledInput => ({
    id: `${base.key}:${variant}`,
    title: base.title,
    quotes: quotesOf(over.text),
    publishedAt: base.publishedAt,
    siteName: base.site,
    spinRate: 0,
    variant,
    ...label,
    ...over,
  });
  const synd = syndicate(base, seed, false);
  const wire = syndicate(base, seed + 1, true);
  const s1 = spin(original, { seed: seed + 2, rate: 0.18 });
  const s2 = spin(original, { seed: seed + 3, rate: 0.27 });
  const s3 = spin(base.paragraphs.slice(0, -1).join('\n'), { seed: seed + 4, rate: 0.22 });
  const copySite = (i: number) => COPY_SITES[(seed + i) % COPY_SITES.length]!;
  return [
    mk('original', { url: base.url, text: original }),
    mk('reprint', {
      url: `${base.url}?utm_source=newsletter&utm_medium=email#comments`,
      text: original,
      publishedAt: shift(base.publishedAt, 0.5),
    }),
    mk('syndicated', {
      url: `https://${slug(synd.site)}.example/${slug(base.title)}`,
      title: synd.title,
      text: synd.text,
      siteName: synd.site,
      publishedAt: shift(base.publishedAt, 2),
    }),
    mk('wire', {
      url: `https://${slug(wire.site)}.example/wire/${seed}`,
      title: wire.title,
      text: wire.text,
      siteName: wire.site,
      publishedAt: shift(base.publishedAt, 3),
    }),
    mk('spun', {
      url: `https://${copySite(0)}/${slug(base.title)}`,
      title: `${base.title} (report)`,
      text: s1.text,
      siteName: copySite(0),
      publishedAt: shift(base.publishedAt, 20),
      spinRate: s1.rate,
    }),
    mk('spun-site', {
      url: `https://${copySite(1)}/news/${seed}`,
      title: base.title.toUpperCase(),
      text: copySiteFrame(s2.text, copySite(1)),
      siteName: copySite(1),
      publishedAt: null,
      spinRate: s2.rate,
    }),
    mk('spun-trimmed', {
      url: `https://${copySite(2)}/p/${seed}`,
      title: `Latest: ${base.title}`,
      text: copySiteFrame(s3.text, copySite(2)),
      siteName: copySite(2),
      publishedAt: shift(base.publishedAt, 30),
      spinRate: s3.rate,
    }),
  ];
}

/** The labelled corpus: every base story with all its copies. */
export function storyCorpus(bases: readonly BaseStory[] = BASE_STORIES): LabelledInput[] {
  return bases.flatMap((b, i) => copiesOf(b, 1000 + i * 17));
}

/** Pairwise precision and recall of a partition against the labels. */
export function pairwiseScores(
  inputs: readonly { id: string; story: string }[],
  clusters: readonly { members: readonly string[] }[],
): { precision: number; recall: number; truePairs: number; predictedPairs: number; correctPairs: number } {
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const m of c.members) clusterOf.set(m, i);
  });
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < inputs.length; i++) {
    for (let j = i + 1; j < inputs.length; j++) {
      const a = inputs[i]!;
      const b = inputs[j]!;
      const same = a.story === b.story;
      const together = clusterOf.get(a.id) === clusterOf.get(b.id);
      if (same) truePairs++;
      if (together) predictedPairs++;
      if (same && together) correctPairs++;
    }
  }
  return {
    precision: predictedPairs ? correctPairs / predictedPairs : 1,
    recall: truePairs ? correctPairs / truePairs : 1,
    truePairs,
    predictedPairs,
    correctPairs,
  };
}
