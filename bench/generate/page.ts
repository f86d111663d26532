import { FIRMS, type Outlet, PEOPLE, TOPICS } from './lexicon.js';
import { mix, type Rng, seeded } from './rng.js';

/**
 * A news page around an article, shaped like the pages of the public extraction benchmark (median
 * ~110 KB, ~800 tags, ~25 KB of script, 15-40 paragraphs of which the article is a part): head
 * metadata and JSON-LD, an app-state blob, navigation, share bar, inline ads and "read also" boxes,
 * newsletter form, related-story grid, most-read list and a link-heavy footer.
 */
export interface PageArticle {
  title: string;
  dek: string;
  byline: string;
  publishedAt: string;
  paragraphs: string[];
  /** Lines the outlet adds after the body ("This story first appeared in ..."). */
  tail: string[];
}

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const ICON = (name: string) =>
  `<svg class="icon icon-${name}" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z"></path><path d="M8 12h8"></path></svg>`;

function teaser(r: Rng, host: string): { title: string; url: string; summary: string } {
  const firm = r.pick(FIRMS);
  const topic = r.pick(TOPICS);
  const title = `${firm} ${r.pick(['bets on', 'cuts back', 'doubles down on', 'quietly exits'])} ${topic}`;
  return {
    title,
    url: `https://${host}/${r.pick(['news', 'analysis', 'markets'])}/${slug(title)}-${r.int(99999)}`,
    summary: `What the latest moves in ${topic} mean for ${firm} and its customers over the next ${r.range(2, 8)} quarters.`,
  };
}

function head(a: PageArticle, o: Outlet, url: string, r: Rng): string {
  const teasers = Array.from({ length: 170 }, () => teaser(r, o.host));
  const state = {
    page: { type: 'article', url, section: o.sections[0], paywall: { metered: true, free: 3 } },
    user: { loggedIn: false, region: 'eu', consent: null },
    related: teasers,
    ads: Array.from({ length: 12 }, (_, i) => ({
      slot: `div-gpt-ad-${i}`,
      sizes: [
        [300, 250],
        [728, 90],
      ],
    })),
  };
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    datePublished: a.publishedAt,
    author: [{ '@type': 'Person', name: a.byline.replace(/^By /, '') }],
    publisher: { '@type': 'Organization', name: o.name },
    mainEntityOfPage: url,
  };
  const css = Array.from(
    { length: 40 },
    (_, i) =>
      `.c${i}{margin:${i % 7}px;padding:${i % 5}px ${i % 3}px;font:400 ${12 + (i % 6)}px/1.4 Georgia,serif}`,
  ).join('');
  return `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(a.title)} | ${esc(o.name)}</title>
<meta name="description" content="${esc(a.dek)}"><meta property="og:title" content="${esc(a.title)}">
<meta property="og:site_name" content="${esc(o.name)}"><meta property="og:type" content="article">
<meta property="og:url" content="${esc(url)}"><meta property="article:published_time" content="${a.publishedAt}">
<meta name="twitter:card" content="summary_large_image"><link rel="canonical" href="${esc(url)}">
<link rel="preload" href="/fonts/serif.woff2" as="font"><link rel="stylesheet" href="/assets/main.${r.int(1e6)}.css">
<style>${css}</style>
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>(function(w,d){w.dataLayer=w.dataLayer||[];w.dataLayer.push({event:'pageview',section:'${o.sections[0]}'});var s=d.createElement('script');s.async=true;s.src='/js/analytics.js';d.head.appendChild(s)})(window,document);</script>
<script>window.__PRELOADED_STATE__=${JSON.stringify(state).replace(/</g, '\\u003c')};</script>
</head>`;
}

function nav(o: Outlet, r: Rng): string {
  const items = o.sections
    .map((s) => {
      const sub = Array.from(
        { length: 14 },
        (_, i) => `<li><a href="/${slug(s)}/${slug(r.pick(TOPICS))}-${i}">${esc(r.pick(TOPICS))}</a></li>`,
      ).join('');
      return `<li class="nav-item"><a href="/${slug(s)}">${esc(s)}</a><ul class="sub">${sub}</ul></li>`;
    })
    .join('');
  return `<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience and for advertising. <a href="/privacy">Privacy policy</a></p><button>Accept all</button><button>Manage</button></div>
<header class="site-header"><a class="logo" href="/">${ICON('logo')}<span>${esc(o.name)}</span></a><button class="menu">${ICON('menu')}Menu</button>
<nav aria-label="Main"><ul>${items}</ul></nav><a class="subscribe" href="/subscribe">Subscribe</a><a href="/login">Sign in</a></header>
<div class="ticker"><span>Breaking</span>${Array.from({ length: 5 }, () => {
    const t = teaser(r, o.host);
    return `<a href="${t.url}">${esc(t.title)}</a>`;
  }).join('')}</div>`;
}

function inlineBox(r: Rng, o: Outlet, kind: 'also' | 'ad' | 'newsletter'): string {
  if (kind === 'ad')
    return `<div class="ad-slot" id="div-gpt-ad-${r.int(12)}"><span class="ad-label">Advertisement</span><div class="ad-inner"></div></div>`;
  if (kind === 'newsletter')
    return `<aside class="newsletter"><h3>Get the Chip Policy Briefing</h3><p>Sign up for our free newsletter, delivered every weekday morning.</p><form action="/subscribe"><input type="email" name="email" placeholder="Your email"><button type="submit">Sign up</button></form></aside>`;
  const links = Array.from({ length: 3 }, () => {
    const t = teaser(r, o.host);
    return `<li><a href="${t.url}">${esc(t.title)}</a></li>`;
  }).join('');
  return `<aside class="read-also"><h4>Read also</h4><ul>${links}</ul></aside>`;
}

function linkify(p: string, r: Rng): string {
  const html = esc(p);
  const firm = FIRMS.find((f) => html.includes(f));
  if (!firm || !r.chance(0.3)) return html;
  return html.replace(firm, `<a href="/topic/${slug(firm)}">${firm}</a>`);
}

function body(a: PageArticle, o: Outlet, r: Rng): string {
  const paras: string[] = [];
  a.paragraphs.forEach((p, i) => {
    paras.push(`<p>${linkify(p, r)}</p>`);
    if (i === 3) paras.push(inlineBox(r, o, 'ad'), inlineBox(r, o, 'also'));
    if (i === 8) paras.push(inlineBox(r, o, 'newsletter'));
  });
  for (const t of a.tail) paras.push(`<p><em>${esc(t)}</em></p>`);
  const author = a.byline.replace(/^By /, '');
  const share = ['twitter', 'facebook', 'linkedin', 'email', 'copy']
    .map(
      (s) =>
        `<a class="share-${s}" href="/share/${s}">${ICON(s)}<span class="sr-only">Share on ${s}</span></a>`,
    )
    .join('');
  return `<main><nav class="breadcrumb"><a href="/">Home</a> / <a href="/${slug(o.sections[0]!)}">${esc(o.sections[0]!)}</a></nav>
<article class="story"><header><h1>${esc(a.title)}</h1><p class="dek">${esc(a.dek)}</p>
<div class="byline"><a rel="author" href="/authors/${slug(author)}">${esc(a.byline)}</a> <time datetime="${a.publishedAt}">${a.publishedAt.slice(0, 10)}</time></div>
<div class="share">${share}</div></header>
<figure><img src="/img/${r.int(1e6)}.jpg" alt="A wafer inspection line" width="1200" height="675"><figcaption>A wafer inspection line. (Photo: ${esc(r.pick(PEOPLE).name)})</figcaption></figure>
<div class="article-body">${paras.join('\n')}</div>
<footer class="story-footer"><ul class="tags">${['Semiconductors', 'Trade', 'Export controls', 'China', 'AI'].map((t) => `<li><a href="/tag/${slug(t)}">${t}</a></li>`).join('')}</ul>
<div class="author-bio"><img src="/authors/${slug(author)}.jpg" alt=""><p>${esc(author)} covers the chip industry and trade policy for ${esc(o.name)}.</p></div></footer></article>`;
}

function rest(o: Outlet, r: Rng): string {
  const cards = Array.from({ length: 30 }, () => {
    const t = teaser(r, o.host);
    return `<div class="card"><a href="${t.url}"><img src="/img/${r.int(1e6)}.jpg" alt=""></a><h3><a href="${t.url}">${esc(t.title)}</a></h3><p>${esc(t.summary)}</p></div>`;
  }).join('');
  const most = Array.from({ length: 15 }, () => {
    const t = teaser(r, o.host);
    return `<li><a href="${t.url}">${esc(t.title)}</a></li>`;
  }).join('');
  const cols = ['Company', 'Sections', 'Services', 'Legal']
    .map(
      (c) =>
        `<div class="col"><h4>${c}</h4><ul>${Array.from({ length: 16 }, (_, i) => `<li><a href="/${slug(c)}/${i}">${c} link ${i + 1}</a></li>`).join('')}</ul></div>`,
    )
    .join('');
  return `<section class="more"><h2>More from ${esc(o.name)}</h2><div class="grid">${cards}</div></section>
<div id="comments" data-count="${r.int(300)}"><button>Show comments</button></div></main>
<aside class="sidebar"><h2>Most read</h2><ol>${most}</ol></aside>
<footer class="site-footer">${cols}<div class="social">${['x', 'fb', 'in', 'yt'].map((s) => `<a href="/${s}">${ICON(s)}</a>`).join('')}</div><p>&copy; 2026 ${esc(o.name)}. All rights reserved.</p></footer>`;
}

/** The full HTML of `article` as published by `outlet` at `url`; `seed` varies the page furniture. */
export function renderPage(article: PageArticle, outlet: Outlet, url: string, seed: number): string {
  const r = seeded(mix(seed, 0x5eed));
  return `<!DOCTYPE html><html lang="en">${head(article, outlet, url, r)}<body class="article-page">${nav(outlet, r)}${body(article, outlet, r)}${rest(outlet, r)}<script src="/js/app.${r.int(1e6)}.js" defer></script></body></html>`;
}
