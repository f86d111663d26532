import type { Article } from '../../src/articles/article.js';
import type { Brief } from '../../src/briefs/brief.js';
import type { Mention } from '../../src/entities/mention.js';
import type { Quote } from '../../src/quotes/quote.js';
import type { Store } from '../../src/store/port.js';
import { prng, quoteRanges } from './spinner.js';
import { BASE_STORIES, copiesOf } from './story-corpus.js';

/** One article of the parity corpus with what putArticle takes. */
export interface CorpusArticle {
  article: Article;
  quotes: Quote[];
  mentions: Mention[];
}

const SPEAKERS: [string | null, string | null][] = [
  ['Talia Brennan', 'senior fellow at a Washington think tank'],
  ['Jorge Alvarez-Núñez', 'trade lawyer'],
  ['Zhang Wei', null],
  [null, 'an industry analyst'],
  ['Ministry of Commerce', null],
  ['Élodie Marchand', 'analyst at a Paris brokerage'],
];

/**
 * Text that stresses the tokenizer: diacritics, curly quotes, CJK, digits glued to letters, a word
 * repeated hundreds of times, code points FTS5 splits a word at (U+19B0..U+19C9, U+1CF2).
 */
const EDGE_TEXTS: [string, string][] = [
  [
    'Naïve café tariffs — Müller’s “résumé”',
    'Les contrôles à l’exportation: déjà vu, coöperation, Ærø, ﬁnance.',
  ],
  ['中国 半导体 出口管制', 'Huawei 华为 said 3nm and 5nm nodes; H20 and H200 chips; x² ≠ x2.'],
  ['Repeated word', Array.from({ length: 700 }, (_, i) => (i % 3 ? 'wafer' : 'fab')).join(' ')],
  ['Tai Lue', 'ᦀᦰᦁ ᦀ ᦁ ᦀᦰᦁ words aᦰb a b and aᳲb vedic'],
  ['', 'An article with an empty title about export licences and licensing.'],
  ['Licences licensing licensed', 'Licence licences licensing: the stems run together under Porter.'],
];

function isoHours(base: string, h: number): string {
  return new Date(Date.parse(base) + h * 3_600_000).toISOString();
}

/** A seeded corpus: every copy of the story fixtures (reprints, spun copies) plus the edge texts. */
export function parityCorpus(seed = 7): CorpusArticle[] {
  const rnd = prng(seed);
  const out: CorpusArticle[] = [];
  const add = (id: string, title: string, text: string, publishedAt: string | null, url: string) => {
    const quotes: Quote[] = quoteRanges(text).map(([s, e], k) => {
      const [name, role] = SPEAKERS[Math.floor(rnd() * SPEAKERS.length)]!;
      return {
        id: `q${k}`,
        start: s,
        end: e,
        text: text.slice(s, e),
        speaker: { name, role, kind: name ? 'person' : 'unnamed' },
        cue: 'said',
        verified: true,
      };
    });
    const mentions: Mention[] = [];
    for (const [kind, canonical] of [
      ['firm', 'Huawei'],
      ['firm', 'Nvidia'],
      ['policy', 'export controls'],
    ] as const) {
      const at = text.toLowerCase().indexOf(canonical.toLowerCase());
      if (at >= 0)
        mentions.push({
          kind,
          canonical,
          surface: text.slice(at, at + canonical.length),
          start: at,
          count: 1,
        });
    }
    out.push({
      article: {
        id,
        url,
        sourceId: null,
        title,
        byline: null,
        siteName: null,
        publishedAt,
        fetchedAt: '2026-11-20T09:00:00.000Z',
        text,
        contentHash: `hash-${id}`,
        storyId: null,
      },
      quotes,
      mentions,
    });
  };
  BASE_STORIES.forEach((base, b) => {
    for (const c of copiesOf(base, seed + b * 10)) {
      add(`${base.key}-${c.variant}`, c.title, c.text, c.publishedAt ?? null, c.url);
    }
  });
  EDGE_TEXTS.forEach(([title, text], k) => {
    add(`edge-${k}`, title, text, isoHours('2026-11-19T00:00:00.000Z', k), `https://edge.example/${k}`);
  });
  return out;
}

/** Questions over the corpus: title words, random word mixes, stems, stop words only, edge scripts. */
export function parityQueries(corpus: readonly CorpusArticle[], count: number, seed = 11): string[] {
  const rnd = prng(seed);
  const words = [
    ...new Set(corpus.flatMap((c) => `${c.article.title} ${c.article.text}`.split(/\s+/))),
  ].filter((w) => w.length > 0);
  const pick = () => words[Math.floor(rnd() * words.length)]!;
  const fixed = [
    'what is new on Huawei?',
    'export controls',
    'licence licensing licences',
    'what is the',
    '") OR NEAR(',
    'wafer fab',
    'naive cafe',
    'naïve café',
    'CAFÉ',
    '华为',
    '出口管制',
    'aᦰb',
    'ᦰ',
    'aᳲb vedic',
    'h200 3nm',
    'x²',
    'Talia Brennan',
    'trade lawyer Zhang',
  ];
  const random = Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 4) }, pick).join(' '),
  );
  return [...fixed, ...corpus.slice(0, count).map((c) => c.article.title), ...random];
}

/** Stores the corpus, in order. */
export async function putCorpus(store: Store, corpus: readonly CorpusArticle[]): Promise<void> {
  for (const c of corpus) await store.putArticle(c.article, c.quotes, c.mentions);
}

/**
 * Briefs over the corpus, as an extractive summarizer makes them: the article's title as headline and
 * its first sentences as bullets. Stories group three articles each, so most stories hold several
 * briefs (one per content hash), as a story that grew does.
 */
export function parityBriefs(corpus: readonly CorpusArticle[]): Brief[] {
  return corpus.map(({ article: a }, k) => ({
    id: `brief-${a.id}`,
    storyId: `story-${Math.floor(k / 3)}`,
    contentHash: a.contentHash,
    promptVersion: 'extractive@1',
    model: 'extractive',
    summarizer: 'extractive',
    headline: a.title,
    bullets: a.text
      .split(/(?<=[.!?])\s+|\n+/)
      .filter((x) => x.trim())
      .slice(0, 3)
      .map((x) => x.slice(0, 240)),
    quoteIds: [],
    tokensIn: 0,
    tokensOut: 0,
    fallbackReason: null,
    createdAt: '2026-11-20T10:00:00.000Z',
  }));
}

/** Stores the briefs, in order. */
export async function putBriefs(store: Store, briefs: readonly Brief[]): Promise<void> {
  for (const b of briefs) await store.putBrief(b);
}
