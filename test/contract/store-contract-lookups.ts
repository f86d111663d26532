import { expect, it } from 'vitest';
import type { Brief } from '../../src/briefs/brief.js';
import { ChipbriefError } from '../../src/errors.js';
import type { Store } from '../../src/store/port.js';
import type { ContractFixtures } from '../support/postgres-contract-port.js';

const brief = (id: string, over: Partial<Brief> = {}): Brief => ({
  id,
  storyId: `story-${id}`,
  contentHash: `content-${id}`,
  promptVersion: 'extractive@1',
  model: 'extractive',
  summarizer: 'extractive',
  headline: 'Headline',
  bullets: ['A bullet.'],
  quoteIds: [],
  tokensIn: 0,
  tokensOut: 0,
  fallbackReason: null,
  createdAt: '2026-11-20T00:00:00.000Z',
  ...over,
});

/**
 * Part of the Store contract suite (called inside its describe block): brief search, the brief id
 * rule, and the indexed lookups of migration 2 (speaker keys, entity names folded for case).
 */
export function lookupContract(open: () => Promise<Store>, { article, quoteOf }: ContractFixtures): void {
  it('searches briefs with bm25: headline 4x bullets, ties by id, limit, several briefs of a story', async () => {
    const s = await open();
    // Four tokens each (headline and bullets): the term in a headline, two identical briefs (a tie),
    // one without the term.
    await s.putBrief(brief('b3', { headline: 'Gallium', bullets: ['prices rose', 'sharply'] }));
    await s.putBrief(brief('b2', { headline: 'Metals', bullets: ['gallium prices rose'] }));
    await s.putBrief(brief('b1', { headline: 'Metals', bullets: ['gallium prices rose'] }));
    await s.putBrief(
      brief('b0', { storyId: 'story-b3', headline: 'Tariffs', bullets: ['steel prices rose'] }),
    );
    const hits = await s.searchBriefs('what is new on gallium?', 10);
    expect(hits.map((h) => [h.briefId, h.storyId])).toEqual([
      ['b3', 'story-b3'],
      ['b1', 'story-b1'],
      ['b2', 'story-b2'],
    ]);
    const idf = Math.max(Math.log((4 - 3 + 0.5) / (3 + 0.5)), 1e-6);
    const bm = (f: number) => idf * ((f * 2.2) / (f + 1.2 * (1 - 0.75 + 0.75)));
    expect(hits[0]!.score).toBeCloseTo(bm(4), 12);
    expect(hits[1]!.score).toBeCloseTo(bm(1), 12);
    expect(hits[2]!.score).toBe(hits[1]!.score);
    expect((await s.searchBriefs('gallium', 2)).map((h) => h.briefId)).toEqual(['b3', 'b1']);
    expect(await s.searchBriefs('gallium', 0)).toEqual([]);
    expect(await s.searchBriefs('what is the', 5)).toEqual([]);
    expect(await s.searchBriefs('") OR NEAR(', 5)).toEqual([]);
    // Both briefs of one story match on a word they share.
    expect((await s.searchBriefs('steel sharply', 5)).map((h) => h.storyId)).toEqual([
      'story-b3',
      'story-b3',
    ]);
    // A brief kept for its cache key is indexed once; a rolled-back one not at all.
    await s.putBrief(brief('b9', { storyId: 'story-b1', contentHash: 'content-b1', headline: 'Germanium' }));
    await expect(
      s.transaction(async () => {
        await s.putBrief(brief('b8', { headline: 'Germanium' }));
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await s.searchBriefs('germanium', 5)).toEqual([]);
    await s.close();
  });

  it('refuses a brief id stored under another cache key, keeping the stored brief', async () => {
    const s = await open();
    const first = brief('br1', { storyId: 's1', contentHash: 'h1', headline: 'Gallium curbs' });
    expect(await s.putBrief(first)).toEqual(first);
    expect(await s.putBrief({ ...first })).toEqual(first);
    for (const clash of [
      { ...first, storyId: 's2', headline: 'Germanium curbs' },
      { ...first, contentHash: 'h2' },
      { ...first, promptVersion: 'brief@v1', model: 'gpt', summarizer: 'llm' as const },
    ]) {
      const err = await s.putBrief(clash).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChipbriefError);
      expect((err as ChipbriefError).code).toBe('STORE_FAILED');
      expect((err as ChipbriefError).permanent).toBe(true);
      expect((err as Error).message).toMatch(
        /^brief id br1 is already stored for another cache key \(story s1,/,
      );
      expect(
        await s.findBrief(clash.storyId, clash.contentHash, clash.promptVersion, clash.model),
      ).toBeNull();
    }
    // The same id under another key inside a transaction fails it, and it rolls back.
    await expect(
      s.transaction(async () => {
        await s.putBrief(brief('br2', { storyId: 's3' }));
        await s.putBrief({ ...first, storyId: 's4' });
      }),
    ).rejects.toThrow(/brief id br1/);
    expect(await s.latestBrief('s3')).toBeNull();
    expect(await s.latestBrief('s1')).toEqual(first);
    expect((await s.stats()).briefs).toBe(1);
    expect(await s.searchBriefs('germanium', 5)).toEqual([]);
    await s.close();
  });

  it('finds quotes by full name or surname (ASCII case folded), never by part of a word', async () => {
    const s = await open();
    const speakers = [
      'Anna van Dyke',
      'Van Dyke',
      'Dyke',
      'ICwise',
      'Chris Miller',
      'Zoë Miller-Ortiz',
      null,
    ];
    const text = speakers.map((n, i) => `"Line ${i} of the record," said ${n ?? 'an aide'}.`).join('\n');
    const a = article('sp1', { text });
    const quotes = speakers.map((n, i) => ({ ...quoteOf(a, `Line ${i} of the record,`, n), id: `q${i}` }));
    await s.putArticle(a, quotes, []);
    const by = async (name: string) => (await s.quotesBySpeaker(name, 20)).map((q) => q.speaker.name).sort();
    expect(await by('van dyke')).toEqual(['Anna van Dyke', 'Van Dyke']);
    expect(await by('DYKE')).toEqual(['Anna van Dyke', 'Dyke', 'Van Dyke']);
    expect(await by('anna VAN dyke')).toEqual(['Anna van Dyke']);
    expect(await by('icwise')).toEqual(['ICwise']);
    expect(await by('miller')).toEqual(['Chris Miller']);
    expect(await by('Miller-Ortiz')).toEqual(['Zoë Miller-Ortiz']);
    // Only ASCII letters fold (SQLite's NOCASE): Ë is not ë.
    expect(await by('ZOË MILLER-ORTIZ')).toEqual([]);
    expect(await by('zoë miller-ortiz')).toEqual(['Zoë Miller-Ortiz']);
    for (const none of ['wise', 'Anna van', 'ller', 'ortiz', ' ', 'an aide', '%yke', 'Dyk_'])
      expect(await by(none), none).toEqual([]);
    await s.close();
  });

  it('finds quotes by speaker newest article first, ties by quote id, up to the limit', async () => {
    const s = await open();
    const dates = ['2026-11-18T00:00:00Z', '2026-11-20T00:00:00Z', '2026-11-19T00:00:00Z'];
    for (const [i, d] of dates.entries()) {
      const a = article(`o${i}`, {
        publishedAt: d,
        text: '"First point," said Rhea Okafor. "Second point," said R. Okafor.',
      });
      await s.putArticle(
        a,
        [
          quoteOf(a, 'First point,', 'Rhea Okafor'),
          { ...quoteOf(a, 'Second point,', 'R. Okafor'), id: 'q1' },
        ],
        [],
      );
    }
    const got = (await s.quotesBySpeaker('okafor', 10)).map((q) => q.id);
    expect(got).toEqual(['o1:1', 'o1:34', 'o2:1', 'o2:34', 'o0:1', 'o0:34']);
    expect((await s.quotesBySpeaker('okafor', 3)).map((q) => q.id)).toEqual(got.slice(0, 3));
    expect((await s.quotesBySpeaker('rhea okafor', 10)).map((q) => q.articleId)).toEqual(['o1', 'o2', 'o0']);
    await s.close();
  });

  it('finds articles by entity with ASCII case folded only, newest first', async () => {
    const s = await open();
    const mention = (canonical: string) => [
      { kind: 'policy' as const, canonical, surface: canonical, start: 0, count: 1 },
    ];
    await s.putArticle(article('e1', { publishedAt: '2026-11-18T00:00:00Z' }), [], mention('Élysée Accord'));
    await s.putArticle(article('e2', { publishedAt: '2026-11-19T00:00:00Z' }), [], mention('élysée accord'));
    await s.putArticle(article('e3'), [], mention('Chip Act'));
    const ids = async (c: string) => (await s.articlesMentioning('policy', c, 10)).map((a) => a.id);
    expect(await ids('ÉLYSÉE ACCORD')).toEqual([]);
    expect(await ids('Élysée ACCORD')).toEqual(['e1']);
    expect(await ids('élysée Accord')).toEqual(['e2']);
    expect(await ids('chip act')).toEqual(['e3']);
    expect(await ids('chip')).toEqual([]);
    expect(await s.articlesMentioning('firm', 'Chip Act', 10)).toEqual([]);
    await s.close();
  });
}
