import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DomDocument } from '../../../src/articles/dom.js';
import { readMetadata, stripSiteSuffix, toIsoDate } from '../../../src/articles/metadata.js';

const doc = (html: string): DomDocument => parseHTML(html).document as DomDocument;

describe('readMetadata', () => {
  it('prefers JSON-LD and Open Graph', () => {
    const meta = readMetadata(
      doc(`<html><head><title>Fab tax credit passes | Chip Ledger</title>
        <meta property="og:site_name" content="Chip Ledger">
        <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"Fab tax credit passes","datePublished":"2025-09-30T08:00:00+09:00","author":[{"@type":"Person","name":"Aiko Tanaka"},{"@type":"Person","name":"Ben Ode"}]}]}</script>
        </head><body><h1>Other heading</h1></body></html>`),
      'https://ledger.example/a',
    );
    expect(meta).toEqual({
      title: 'Fab tax credit passes',
      byline: 'Aiko Tanaka, Ben Ode',
      publishedAt: '2025-09-29T23:00:00.000Z',
      siteName: 'Chip Ledger',
    });
  });

  it('falls back to meta date variants, <time> and the host', () => {
    const a = readMetadata(
      doc('<html><head><meta name="pubdate" content="2025-08-01"></head><body><h1>H</h1></body></html>'),
      'https://www.wire.example/x',
    );
    expect(a.publishedAt).toBe('2025-08-01T00:00:00.000Z');
    expect(a.siteName).toBe('wire.example');
    expect(a.title).toBe('H');
    const b = readMetadata(
      doc('<html><body><time datetime="2025-07-02T10:00:00Z">July 2</time></body></html>'),
      'file:///x.html',
    );
    expect(b.publishedAt).toBe('2025-07-02T10:00:00.000Z');
    expect(b.siteName).toBeNull();
  });

  it('reads every name a meta tag carries', () => {
    const meta = readMetadata(
      doc(
        '<html><head><meta property="article:published" itemprop="datePublished dateCreated" content="2025-06-01T12:00:00Z"></head></html>',
      ),
      'https://x.example/',
    );
    expect(meta.publishedAt).toBe('2025-06-01T12:00:00.000Z');
  });

  it('survives broken JSON-LD', () => {
    const meta = readMetadata(
      doc('<html><head><script type="application/ld+json">{not json</script><title>T</title></head></html>'),
      'https://x.example/',
    );
    expect(meta.title).toBe('T');
  });
});

describe('helpers', () => {
  it('strips a site suffix from the title', () => {
    expect(stripSiteSuffix('Chip rules tighten | Example News', 'Example News')).toBe('Chip rules tighten');
    expect(stripSiteSuffix('Chip rules tighten - Reuters', null)).toBe('Chip rules tighten');
    expect(stripSiteSuffix('US-China: the chip truce', null)).toBe('US-China: the chip truce');
  });

  it('normalises dates to ISO in UTC', () => {
    expect(toIsoDate('Tue, 04 Nov 2025 08:30:00 GMT')).toBe('2025-11-04T08:30:00.000Z');
    expect(toIsoDate('November 4, 2025')).toBe('2025-11-04T00:00:00.000Z');
    expect(toIsoDate('2025-11-04 10:00')).toBe('2025-11-04T10:00:00.000Z');
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('1850-01-01')).toBeNull();
  });
});
