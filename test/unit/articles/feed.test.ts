import { describe, expect, it } from 'vitest';
import { MAX_FEED_ITEMS, parseFeed } from '../../../src/articles/feed.js';
import { ChipbriefError } from '../../../src/errors.js';

const FEED_URL = 'https://policy.example/feeds/chips.xml';

/** CPU milliseconds spent by `fn`: steadier than wall time on a shared, busy machine. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(ChipbriefError);
    return (err as ChipbriefError).code;
  }
}

describe('parseFeed: formats', () => {
  it('reads RSS 2.0 with relative links, guids and dates', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Chip Policy Wire &amp; Notes</title>
    <atom:link href="https://policy.example/feeds/chips.xml" rel="self"/>
    <item>
      <title>Commerce widens &lt;b&gt;entity list&lt;/b&gt;</title>
      <link>/2025/11/entity-list?ref=rss&amp;x=1</link>
      <guid isPermaLink="false">tag:policy.example,2025:101</guid>
      <pubDate>Tue, 04 Nov 2025 08:30:00 GMT</pubDate>
    </item>
    <item>
      <title><![CDATA[Fab subsidies: the second tranche]]></title>
      <link>https://policy.example/2025/11/fab-subsidies</link>
      <dc:date>2025-11-03T17:00:00-05:00</dc:date>
    </item>
    <item>
      <title>Permalink guid only</title>
      <guid>https://policy.example/2025/11/guid-only</guid>
    </item>
  </channel>
</rss>`;
    const feed = parseFeed(xml, FEED_URL);
    expect(feed.title).toBe('Chip Policy Wire & Notes');
    expect(feed.items).toEqual([
      {
        url: 'https://policy.example/2025/11/entity-list?ref=rss&x=1',
        title: 'Commerce widens <b>entity list</b>',
        guid: 'tag:policy.example,2025:101',
        publishedAt: '2025-11-04T08:30:00.000Z',
      },
      {
        url: 'https://policy.example/2025/11/fab-subsidies',
        title: 'Fab subsidies: the second tranche',
        guid: 'https://policy.example/2025/11/fab-subsidies',
        publishedAt: '2025-11-03T22:00:00.000Z',
      },
      {
        url: 'https://policy.example/2025/11/guid-only',
        title: 'Permalink guid only',
        guid: 'https://policy.example/2025/11/guid-only',
        publishedAt: null,
      },
    ]);
  });

  it('reads Atom, preferring the alternate link and honouring xml:base', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/news/">
  <title type="text">Export Control Digest</title>
  <entry>
    <title type="html">Licence rules for &amp;quot;advanced computing&amp;quot; items</title>
    <link rel="self" href="https://atom.example/api/entries/7"/>
    <link rel="alternate" type="text/html" href="licence-rules"/>
    <id>urn:uuid:7</id>
    <published>2025-10-30T12:00:00Z</published>
    <updated>2025-10-31T09:00:00Z</updated>
  </entry>
  <entry>
    <title>Updated only</title>
    <link href="https://atom.example/news/updated-only"/>
    <id>urn:uuid:8</id>
    <updated>2025-10-29T09:00:00Z</updated>
  </entry>
</feed>`;
    const feed = parseFeed(xml, 'https://elsewhere.example/atom');
    expect(feed.title).toBe('Export Control Digest');
    expect(feed.items.map((i) => [i.url, i.guid, i.publishedAt])).toEqual([
      ['https://atom.example/news/licence-rules', 'urn:uuid:7', '2025-10-30T12:00:00.000Z'],
      ['https://atom.example/news/updated-only', 'urn:uuid:8', '2025-10-29T09:00:00.000Z'],
    ]);
    expect(feed.items[0]?.title).toBe('Licence rules for &quot;advanced computing&quot; items');
  });

  it('reads RDF (RSS 1.0)', () => {
    const xml = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>Semiconductor Trade Notes</title>
    <items><rdf:Seq><rdf:li resource="https://rdf.example/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/a">
    <title>Tariff schedule revised</title>
    <link>https://rdf.example/a</link>
    <dc:date>2025-11-02</dc:date>
  </item>
  <item rdf:about="https://rdf.example/b">
    <title>No link element</title>
  </item>
</rdf:RDF>`;
    const feed = parseFeed(xml, 'https://rdf.example/index.rdf');
    expect(feed.title).toBe('Semiconductor Trade Notes');
    expect(feed.items).toEqual([
      {
        url: 'https://rdf.example/a',
        title: 'Tariff schedule revised',
        guid: 'https://rdf.example/a',
        publishedAt: '2025-11-02T00:00:00.000Z',
      },
      {
        url: 'https://rdf.example/b',
        title: 'No link element',
        guid: 'https://rdf.example/b',
        publishedAt: null,
      },
    ]);
  });

  it('accepts a DOCTYPE that declares no entities', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><item><title>x</title><link>https://old.example/x</link></item></channel></rss>`;
    expect(parseFeed(xml, FEED_URL).items).toHaveLength(1);
  });
});

describe('parseFeed: hostile input', () => {
  it('drops javascript:, file: and data: links and keeps http(s)', () => {
    const links = [
      'javascript:alert(document.cookie)',
      'file:///etc/passwd',
      'data:text/html,<script>1</script>',
      'JaVaScRiPt:void(0)',
      'http://ok.example/a',
      'ftp://files.example/b',
    ];
    const items = links.map(
      (l, i) =>
        `<item><title>${i}</title><link>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</link><guid>g${i}</guid></item>`,
    );
    const feed = parseFeed(`<rss><channel><title>t</title>${items.join('')}</channel></rss>`, FEED_URL);
    expect(feed.items.map((i) => i.url)).toEqual(['http://ok.example/a']);
  });

  it('lists duplicate GUIDs and links once', () => {
    const xml = `<rss><channel><title>t</title>
      <item><link>https://d.example/1</link><guid>a</guid></item>
      <item><link>https://d.example/2</link><guid>a</guid></item>
      <item><link>https://d.example/1</link><guid>b</guid></item>
      <item><link>https://d.example/3</link><guid>c</guid></item>
    </channel></rss>`;
    expect(parseFeed(xml, FEED_URL).items.map((i) => i.url)).toEqual([
      'https://d.example/1',
      'https://d.example/3',
    ]);
  });

  it('refuses a billion-laughs entity bomb in well under a second', () => {
    const levels = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${levels.join('')}]><rss><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://x.example/</link></item></channel></rss>`;
    let code = '';
    expect(cpuMs(() => (code = codeOf(() => parseFeed(bomb, FEED_URL))))).toBeLessThan(250);
    expect(code).toBe('FEED_INVALID');
  });

  it('refuses external entities (XXE)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>`;
    const param = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://169.254.169.254/x.dtd"> %remote;]><rss/>`;
    expect(codeOf(() => parseFeed(xxe, FEED_URL))).toBe('FEED_INVALID');
    expect(codeOf(() => parseFeed(param, FEED_URL))).toBe('FEED_INVALID');
  });

  it('leaves undeclared entity references unexpanded', () => {
    const xml = '<rss><channel><title>A &unknown; B &#x41;&#66;</title></channel></rss>';
    expect(parseFeed(xml, FEED_URL).title).toBe('A &unknown; B AB');
  });

  it('refuses documents that are not feeds', () => {
    expect(codeOf(() => parseFeed('<html><body>hi</body></html>', FEED_URL))).toBe('FEED_INVALID');
    expect(codeOf(() => parseFeed('', FEED_URL))).toBe('FEED_INVALID');
  });

  it('handles a 10,000-item feed fast, keeping the most recent 2,000', () => {
    const base = Date.UTC(2025, 0, 1);
    // Oldest first, so keeping the first 2,000 would be wrong.
    const items = Array.from(
      { length: 10_000 },
      (_, i) =>
        `<item><title>Item ${i}</title><link>/n/${i}</link><guid>id-${i}</guid><pubDate>${new Date(base + i * 60_000).toUTCString()}</pubDate></item>`,
    );
    const xml = `<rss version="2.0"><channel><title>Big</title>${items.join('\n')}</channel></rss>`;
    let feed = { title: null as string | null, items: [] as ReturnType<typeof parseFeed>['items'] };
    expect(cpuMs(() => (feed = parseFeed(xml, FEED_URL)))).toBeLessThan(2500);
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.items[0]?.guid).toBe('id-9999');
    expect(feed.items.at(-1)?.guid).toBe(`id-${10_000 - MAX_FEED_ITEMS}`);
  });
});
