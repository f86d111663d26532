import { OUTLETS, type Outlet, PEOPLE } from './lexicon.js';
import { renderPage } from './page.js';
import { mix, seeded } from './rng.js';
import { spinText } from './spin.js';
import { generateStory, type StorySpec } from './story.js';

export type PageKind = 'original' | 'reprint' | 'spun';

/** One generated web page: an original story, a reprint of one, or a spun copy. */
export interface GeneratedPage {
  /** Position in the corpus. */
  n: number;
  url: string;
  html: string;
  /** Index of the story this page tells: pages with the same story are one story (DESIGN promise 2). */
  story: number;
  kind: PageKind;
  outlet: Outlet;
  title: string;
  /** The article body as written, one paragraph per line (what extraction should find). */
  paragraphs: string[];
  spec: StorySpec;
}

/** Of every ten pages, six are new stories, two reprints and two spun copies of recent ones. */
const BLOCK = 10;
const ORIGINALS = 6;
/** Copies are of stories at most this many stories back: news is copied while it is news. */
const RECENT = 40;

const NEWS = OUTLETS.filter((o) => o.kind !== 'copysite');
const COPYSITES = OUTLETS.filter((o) => o.kind === 'copysite');

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

function originalOutlet(seed: number, story: number): Outlet {
  return NEWS[mix(seed, story) % NEWS.length]!;
}

/** Page `n` of the corpus for `seed`: O(1), so servers and benches can generate pages on demand. */
export function pageAt(seed: number, n: number): GeneratedPage {
  const block = Math.floor(n / BLOCK);
  const j = n % BLOCK;
  const r = seeded(mix(seed ^ 0x0c0b1e5, n));
  if (j < ORIGINALS) {
    const story = block * ORIGINALS + j;
    const spec = generateStory(seed, story);
    const outlet = originalOutlet(seed, story);
    const url = `https://${outlet.host}/${slug(outlet.sections[0]!)}/${slug(spec.title)}-${story}`;
    return page(n, url, story, 'original', outlet, spec, spec.title, spec.paragraphs, [], spec.byline, spec);
  }
  const newest = block * ORIGINALS + ORIGINALS - 1;
  const story = Math.max(0, newest - r.int(RECENT));
  const spec = generateStory(seed, story);
  const source = originalOutlet(seed, story);
  const later = new Date(Date.parse(spec.publishedAt) + r.range(1, 9) * 3_600_000).toISOString();
  if (j < ORIGINALS + 2) {
    const outlet = NEWS.filter((o) => o !== source)[r.int(NEWS.length - 1)]!;
    const url = `https://${outlet.host}/${slug(outlet.sections[r.int(outlet.sections.length)]!)}/${story}-${slug(spec.title)}`;
    const tail = [
      `This story was originally published by ${source.name} and is republished with permission.`,
    ];
    return page(
      n,
      url,
      story,
      'reprint',
      outlet,
      { ...spec, publishedAt: later },
      spec.title,
      spec.paragraphs,
      tail,
      spec.byline,
      spec,
    );
  }
  const outlet = COPYSITES[r.int(COPYSITES.length)]!;
  const title = spinText(spec.title, r, 0.9);
  const paragraphs = spec.paragraphs.map((p) => spinText(p, r));
  const url = `https://${outlet.host}/latest/${slug(title)}-${r.int(1e6)}`;
  const tail = [`Read more stories like this on ${outlet.name}.`];
  return page(
    n,
    url,
    story,
    'spun',
    outlet,
    { ...spec, publishedAt: later },
    title,
    paragraphs,
    tail,
    `By ${r.pick(PEOPLE).name}`,
    spec,
  );
}

function page(
  n: number,
  url: string,
  story: number,
  kind: PageKind,
  outlet: Outlet,
  at: StorySpec,
  title: string,
  paragraphs: string[],
  tail: string[],
  byline: string,
  spec: StorySpec,
): GeneratedPage {
  const html = renderPage(
    { title, dek: at.dek, byline, publishedAt: at.publishedAt, paragraphs, tail },
    outlet,
    url,
    mix(n, story),
  );
  return { n, url, html, story, kind, outlet, title, paragraphs, spec };
}

/** Pages 0..count-1 of the corpus for `seed`, generated lazily. */
export function* generateCorpus(seed: number, count: number): Generator<GeneratedPage> {
  for (let n = 0; n < count; n++) yield pageAt(seed, n);
}
