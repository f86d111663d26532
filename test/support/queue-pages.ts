import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Generated news pages about semiconductor policy for the queue tests and benchmark: written here from
 * templates (no published text), each page distinct in firm, policy, figures, speakers and wording, with
 * the furniture real pages carry (navigation, captions, footer) around an <article>.
 */

const FIRMS = [
  'ASML',
  'TSMC',
  'Nvidia',
  'SMIC',
  'Samsung Electronics',
  'Intel',
  'Applied Materials',
  'Tokyo Electron',
  'Micron',
  'Lam Research',
  'Hua Hong',
  'SK Hynix',
];
const POLICIES = [
  'export controls on advanced lithography',
  'the CHIPS Act subsidy round',
  'entity list additions',
  'tariffs on legacy chips',
  'licence rules for AI accelerators',
  'outbound investment screening',
  'the European Chips Act',
  'rules on high-bandwidth memory sales',
];
const PLACES = ['Washington', 'The Hague', 'Taipei', 'Seoul', 'Tokyo', 'Brussels', 'Beijing', 'Berlin'];
const SPEAKERS = [
  ['Marta Okonkwo', 'a trade lawyer at Hollis Grey'],
  ['Daniel Reyes', 'chief analyst at Meridian Semiconductor Research'],
  ['Ingrid Vos', 'a former customs official'],
  ['Kenji Arai', 'head of policy at the Pacific Chip Council'],
  ['Leila Haddad', 'a supply-chain consultant'],
  ['Tomasz Zielinski', 'an economist at the Baltic Institute'],
  ['Priya Raman', 'director of the Open Compute Policy Lab'],
  ['Oliver Brandt', 'a partner at Kessler Advisory'],
];
const VERBS = ['tightened', 'widened', 'delayed', 'clarified', 'expanded', 'narrowed', 'revised', 'paused'];
const ANGLES = [
  'Suppliers said the change would reshape orders for the coming quarters.',
  'Customers in the region have been stockpiling equipment ahead of the deadline.',
  'Officials described the measure as a response to diversion through third countries.',
  'Industry groups asked for a longer transition period and clearer thresholds.',
  'Analysts expect the rule to weigh on shipments of older deposition tools.',
  'Lawmakers pressed for a review of how licences are granted to foreign subsidiaries.',
  'The ministry said it would publish guidance for smaller distributors within weeks.',
  'Several equipment makers said they had already adjusted their forecasts.',
];

function pick<T>(list: readonly T[], n: number): T {
  return list[((n % list.length) + list.length) % list.length]!;
}

/** A small deterministic PRNG so every run serves the same pages. */
function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export interface GeneratedArticle {
  title: string;
  paragraphs: string[];
  published: string;
}

/** Article number `i`: the same text for the same i, different in substance from every other i. */
export function generatedArticle(i: number): GeneratedArticle {
  const r = rng(i + 1);
  const n = (k: number) => Math.floor(r() * k);
  const firm = pick(FIRMS, i * 7 + n(5));
  const other = pick(FIRMS, i * 3 + 5);
  const policy = pick(POLICIES, i + n(3));
  const place = pick(PLACES, i * 5 + n(4));
  const [speaker, role] = pick(SPEAKERS, i + n(8));
  const [second] = pick(SPEAKERS, i + 3 + n(4));
  const verb = pick(VERBS, i + n(8));
  const pct = 3 + ((i * 37) % 41);
  const units = 120 + ((i * 113) % 880);
  const quarter = 1 + (i % 4);
  const year = 2024 + (i % 3);
  const surname = speaker!.split(' ').pop();
  const title = `${place} ${verb} ${policy} as ${firm} weighs order ${i} (${pct}% of sales at stake)`;
  const paragraphs = [
    `${place} on ${pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], i)} ${verb} ${policy}, a step that puts about ${pct} percent of ${firm}'s regional sales under review, according to filing number ${1000 + i}.`,
    `The decision covers roughly ${units} machines scheduled for delivery in the ${pick(['first', 'second', 'third', 'fourth'], quarter - 1)} quarter of ${year}, people familiar with the shipments said, and it follows months of talks with ${other}.`,
    `"We have seen nothing like this pace of rule changes in ${10 + (i % 15)} years of export work," said ${speaker}, ${role}. "Every licence now needs a second reading."`,
    pick(ANGLES, i),
    pick(ANGLES, i + 3 + n(4)),
    `${second} said the timing mattered more than the text. "Companies can plan around a strict rule; they cannot plan around a moving one," ${second!.split(' ').pop()} said.`,
    `${firm} declined to comment on case ${i}. ${surname} added that ${other} could gain share if the measure stays in place through ${year + 1}.`,
  ];
  const day = 1 + (i % 28);
  return {
    title,
    paragraphs,
    published: `${year}-0${1 + (i % 9)}-${String(day).padStart(2, '0')}T08:00:00Z`,
  };
}

export function articleHtml(i: number): string {
  const a = generatedArticle(i);
  const body = a.paragraphs.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${a.title} | Chip Policy Wire</title>
<meta property="og:site_name" content="Chip Policy Wire">
<meta property="article:published_time" content="${a.published}"></head>
<body><nav><a href="/">Home</a> <a href="/policy">Policy</a> <a href="/markets">Markets</a></nav>
<main><article><h1>${a.title}</h1><p class="byline">By Staff Reporter</p>
<figure><img src="/img/${i}.jpg" alt=""><figcaption>A cleanroom at a fabrication plant. Photo: Wire Images</figcaption></figure>
${body}
</article></main>
<footer><p>© ${2025} Chip Policy Wire. All rights reserved.</p><p>Subscribe to our newsletter</p></footer></body></html>`;
}

export interface PageServer {
  base: string;
  url(i: number): string;
  feedUrl: string;
  /** Requests served per path. */
  hits: Map<string, number>;
  /** Answers the article requests held back by `holdFrom`. */
  release(): void;
  close(): Promise<void>;
}

/** Serves articles /news/<i> (0 <= i < count) and /feed.xml listing them (with an ETag), on 127.0.0.1. */
export async function startPageServer(
  count: number,
  options: { delayMs?: number; holdFrom?: number } = {},
): Promise<PageServer> {
  const hits = new Map<string, number>();
  // Held requests let a test stop the world at a known point instead of racing the workers' speed.
  let held: (() => void)[] | null = options.holdFrom === undefined ? null : [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = () => {
      const m = /^\/news\/(\d+)$/.exec(path);
      if (m && Number(m[1]) < count) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(articleHtml(Number(m[1])));
      } else if (path === '/feed.xml' && req.headers['if-none-match'] === `"feed-${count}"`) {
        res.writeHead(304, { etag: `"feed-${count}"` });
        res.end();
      } else if (path === '/feed.xml') {
        const items = Array.from(
          { length: count },
          (_, i) =>
            `<item><title>${generatedArticle(i).title}</title><link>${base}/news/${i}</link><guid>${base}/news/${i}</guid></item>`,
        );
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: `"feed-${count}"` });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Chip Policy Wire</title>${items.join('')}</channel></rss>`,
        );
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    };
    const article = /^\/news\/(\d+)$/.exec(path);
    if (held && article && Number(article[1]) >= (options.holdFrom ?? 0)) held.push(send);
    else if (options.delayMs) setTimeout(send, options.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (i) => `${base}/news/${i}`,
    feedUrl: `${base}/feed.xml`,
    hits,
    release: () => {
      const waiting = held ?? [];
      held = null;
      for (const send of waiting) send();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
