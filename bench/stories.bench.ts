import { pathToFileURL } from 'node:url';
import { assignStory, findStoryMatches } from '../src/stories/assign.js';
import { WORD_TIERS } from '../src/stories/common-words.js';
import { MemoryStoryIndex } from '../src/stories/memory-index.js';
import { encodeSketch } from '../src/stories/sketch.js';
import type { StoryIndex } from '../src/stories/story-index.js';
import type { StoryInput } from '../src/stories/story-input.js';
import { type Bench, type Figure, percentile } from './figure.js';
import { seeded } from './generate/rng.js';

/**
 * Story lookup at scale: index N generated articles (one in ten a spun copy of an earlier one), then
 * time how long a later-arriving spun copy takes to find its story (sketch, candidate lookup, sketch
 * comparison, index write). `runStoryBench` takes any StoryIndex, so the SQLite store can be measured
 * with the same articles.
 */

const VOCAB = [...new Set(WORD_TIERS.flatMap((t) => t.split(/\s+/)).filter((w) => /^[a-z]+$/.test(w)))];
const SYLLABLES = [
  'ka',
  'ren',
  'to',
  'mi',
  'sa',
  'vel',
  'dor',
  'an',
  'li',
  'qu',
  'zen',
  'bra',
  'ho',
  'sti',
  'mar',
];

/** Generates articles and spun copies of them, deterministically. */
export class ArticleGenerator {
  private readonly rnd: () => number;
  private readonly names: string[];
  private readonly bodies: string[][] = [];

  constructor(seed: number) {
    this.rnd = seeded(seed).next;
    this.names = Array.from({ length: 5000 }, () => {
      const n = 2 + Math.floor(this.rnd() * 2);
      const s = Array.from({ length: n }, () => SYLLABLES[Math.floor(this.rnd() * SYLLABLES.length)]).join(
        '',
      );
      return s.charAt(0).toUpperCase() + s.slice(1);
    });
  }

  private word(): string {
    // Squaring skews towards the common end of the list, as real prose does.
    return VOCAB[Math.floor(this.rnd() ** 2 * VOCAB.length)]!;
  }

  private name(): string {
    return this.names[Math.floor(this.rnd() * this.names.length)]!;
  }

  private words(n: number): string {
    return Array.from({ length: n }, () => this.word()).join(' ');
  }

  private paragraph(): string {
    const r = this.rnd();
    if (r < 0.3)
      return `"${this.words(9 + Math.floor(this.rnd() * 8))}," ${this.name()} ${this.name()} said.`;
    const n = 1 + Math.floor(this.rnd() * 400);
    return `${this.name()} ${this.words(6)} ${n} ${this.words(5)} ${this.name()} ${this.words(8)}. The ${this.words(7)} ${this.name()} ${this.words(6)}.`;
  }

  /** A new article (stored so copies of it can be made). */
  article(i: number): StoryInput {
    const paragraphs = Array.from({ length: 6 }, () => this.paragraph());
    this.bodies[i] = paragraphs;
    return this.input(`a${i}`, paragraphs.join('\n'));
  }

  /** A spun copy of article `of`: ~20% of prose words swapped, quotes kept, boilerplate added. */
  copy(id: string, of: number): StoryInput {
    const body = this.bodies[of]!.map((p) =>
      p.startsWith('"') ? p : p.replace(/\b[a-z]+\b/g, (w) => (this.rnd() < 0.2 ? this.word() : w)),
    );
    return this.input(
      id,
      [`By ${this.name()} ${this.name()}`, ...body, `Read more news at ${this.name()} Daily.`].join('\n'),
    );
  }

  private input(id: string, text: string): StoryInput {
    const quotes = [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
    return { id, url: `https://news.example/${id}`, title: id, text, quotes, publishedAt: null };
  }
}

export interface StoryBenchOptions {
  articles: number;
  lookups: number;
  seed?: number;
}

/** Indexes `articles` generated articles into `index`, then times `lookups` later-arriving copies. */
export async function runStoryBench(index: StoryIndex, opts: StoryBenchOptions): Promise<Figure[]> {
  const gen = new ArticleGenerator(opts.seed ?? 7);
  const rnd = seeded((opts.seed ?? 7) + 1).next;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < opts.articles; i++) {
    let of = Math.floor(rnd() * i);
    if (of % 10 === 9) of -= 1;
    const input = i % 10 === 9 ? gen.copy(`a${i}`, of) : gen.article(i);
    await assignStory(index, input);
  }
  const indexMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const samples: number[] = [];
  const writes: number[] = [];
  let found = 0;
  for (let k = 0; k < opts.lookups; k++) {
    let of = Math.floor(rnd() * opts.articles);
    if (of % 10 === 9) of -= 1;
    const copy = gen.copy(`late${k}`, of);
    // Finding the story (sketch, candidates, comparison) is the lookup; indexing the copy is timed apart.
    const t = process.hrtime.bigint();
    const { sketched, matches } = await findStoryMatches(index, copy);
    const t1 = process.hrtime.bigint();
    await index.putSketch(copy.id, encodeSketch(sketched.sketch));
    await index.addIndexKeys(copy.id, sketched.keys);
    writes.push(Number(process.hrtime.bigint() - t1) / 1e6);
    samples.push(Number(t1 - t) / 1e6);
    if (matches.some((m) => m.articleId === `a${of}`)) found++;
  }
  const p95 = percentile(samples, 95);
  const ms = (x: number) => Math.round(x * 1000) / 1000;
  const tag = opts.articles >= 1000 ? `${Math.round(opts.articles / 1000)}k` : String(opts.articles);
  return [
    {
      name: `stories.lookup.p95_${tag}`,
      value: ms(p95),
      unit: 'ms',
      budget: '< 5 ms',
      ok: p95 < 5,
      detail: {
        articles: opts.articles,
        lookups: opts.lookups,
        p50: ms(percentile(samples, 50)),
        p99: ms(percentile(samples, 99)),
        foundRate: found / opts.lookups,
      },
    },
    {
      name: `stories.index_write.p95_${tag}`,
      value: ms(percentile(writes, 95)),
      unit: 'ms',
      detail: { p50: ms(percentile(writes, 50)), p99: ms(percentile(writes, 99)) },
    },
    {
      name: `stories.index.per_article_${tag}`,
      value: ms(indexMs / opts.articles),
      unit: 'ms',
      detail: { totalSeconds: Math.round(indexMs / 100) / 10 },
    },
  ];
}

const bench: Bench = () => runStoryBench(new MemoryStoryIndex(), { articles: 100_000, lookups: 1000 });
export default bench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const articles = Number(process.env.STORIES_BENCH_ARTICLES ?? 100_000);
  for (const f of await runStoryBench(new MemoryStoryIndex(), { articles, lookups: 1000 })) {
    console.log(JSON.stringify(f));
  }
}
