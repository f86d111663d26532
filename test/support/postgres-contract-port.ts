import { expect, it } from 'vitest';
import type { Article } from '../../src/articles/article.js';
import type { Quote } from '../../src/quotes/quote.js';
import type { DigestRecord, Store, ThreadTurn } from '../../src/store/port.js';

/** The contract's article and quote builders. */
export interface ContractFixtures {
  article: (id: string, over?: Partial<Article>) => Article;
  quoteOf: (a: Article, text: string, name: string | null) => Quote;
}

/**
 * Part of the Store contract suite (test/contract/store-contract.ts, which calls it inside its describe
 * block): transactions, racing writers, the bm25 ranking by hand, lookups and paging. Split out to keep
 * files short; it lives here with the PostgreSQL work that added it, and runs for every store.
 */
export function portContractMore(open: () => Promise<Store>, { article, quoteOf }: ContractFixtures): void {
  it('serialises transactions: concurrent read-modify-writes all keep their change', async () => {
    const s = await open();
    const turn = (i: number): ThreadTurn => ({
      question: `question ${i}`,
      focus: { people: [], firms: [], policies: [], topic: null },
      storyIds: [],
      at: '2026-11-20T00:00:00Z',
    });
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        s.transaction(async () => {
          const have = await s.getThread('slack', 'C7', 't1');
          // A pause between read and write: an unserialised store would lose turns here.
          await new Promise((r) => setTimeout(r, 5));
          await s.saveThread({
            platform: 'slack',
            channelId: 'C7',
            threadRef: 't1',
            digestId: null,
            storyIds: [],
            turns: [...(have?.turns ?? []), turn(i)],
          });
        }),
      ),
    );
    const t = await s.getThread('slack', 'C7', 't1');
    expect(t?.turns.map((x) => x.question).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `question ${i}`));
    await s.close();
  });

  it('nests transactions into one, shows their writes inside, and rolls every write back', async () => {
    const s = await open();
    const a = article('n1', {
      title: 'Gallium export licences',
      text: 'Gallium and germanium exports fell.',
    });
    await expect(
      s.transaction(async () => {
        await s.putArticle(
          a,
          [],
          [{ kind: 'firm', canonical: 'Huawei', surface: 'Huawei', start: 0, count: 1 }],
        );
        await s.transaction(async () => {
          await s.putStory({ id: 'sn1', canonicalArticleId: 'n1', firstSeen: 'x', lastSeen: 'x' });
          await s.setArticleStory('n1', 'sn1');
        });
        expect((await s.getArticle('n1'))?.storyId).toBe('sn1');
        expect((await s.searchArticles('gallium', 5)).map((h) => h.articleId)).toEqual(['n1']);
        await s.claimDigest({
          id: 'dn1',
          platform: 'slack',
          channelId: 'C1',
          date: '2026-11-20',
          storyIds: ['sn1'],
        });
        await s.recordLlmUsage('2026-11-20', { calls: 1, tokensIn: 1, tokensOut: 1, fallbacks: 0 });
        await s.addIndexKeys('n1', ['kn1']);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await s.getArticle('n1')).toBeNull();
    expect(await s.getStory('sn1')).toBeNull();
    expect(await s.getDigest('dn1')).toBeNull();
    expect(await s.getMentions('n1')).toEqual([]);
    expect(await s.findByIndexKeys(['kn1'], 5)).toEqual([]);
    expect((await s.llmUsage('2026-11-20')).calls).toBe(0);
    expect(await s.searchArticles('gallium', 5)).toEqual([]);
    // The rolled-back article left nothing in the index: stored again, it is found once.
    expect(await s.putArticle(a, [], [])).toEqual({ inserted: true });
    expect((await s.searchArticles('gallium germanium', 5)).map((h) => h.articleId)).toEqual(['n1']);
    expect(await s.stats()).toMatchObject({ articles: 1, stories: 0, quotes: 0 });
    await s.close();
  });

  it('stores an article once when writers race, inside transactions or not', async () => {
    const s = await open();
    const a = article('r1');
    const q = quoteOf(a, 'This is a failure,', 'Ann Lee');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 ? s.transaction(() => s.putArticle(a, [q], [])) : s.putArticle(a, [q], []),
      ),
    );
    expect(results.filter((r) => r.inserted)).toHaveLength(1);
    expect(await s.getQuotes('r1')).toHaveLength(1);
    expect(await s.searchQuotes('failure', 5)).toHaveLength(1);
    expect(await s.searchArticles('washington', 5)).toHaveLength(1);
    await s.close();
  });

  it('ranks with FTS5 bm25: title 4x body, quote speaker 2x text, ties by id, limit', async () => {
    const s = await open();
    // Three articles of four tokens each (the title counts): one with the term in its title, two
    // identical bodies (a tie), one without the term.
    await s.putArticle(article('t3', { title: 'Gallium', text: 'prices rose sharply' }), [], []);
    await s.putArticle(article('t2', { title: 'Metals', text: 'gallium prices rose' }), [], []);
    await s.putArticle(article('t1', { title: 'Metals', text: 'gallium prices rose' }), [], []);
    await s.putArticle(article('t0', { title: 'Tariffs', text: 'steel prices rose' }), [], []);
    const hits = await s.searchArticles('gallium', 10);
    expect(hits.map((h) => h.articleId)).toEqual(['t3', 't1', 't2']);
    // bm25 by hand: N = 4, the term in 3 documents, every document 4 tokens (avgdl 4).
    const idf = Math.max(Math.log((4 - 3 + 0.5) / (3 + 0.5)), 1e-6);
    const bm = (f: number) => idf * ((f * 2.2) / (f + 1.2 * (1 - 0.75 + 0.75)));
    expect(hits[0]!.score).toBeCloseTo(bm(4), 12);
    expect(hits[1]!.score).toBeCloseTo(bm(1), 12);
    expect(hits[2]!.score).toBe(hits[1]!.score);
    expect((await s.searchArticles('gallium', 2)).map((h) => h.articleId)).toEqual(['t3', 't1']);
    expect(await s.searchArticles('gallium', 0)).toEqual([]);
    // Quotes: the speaker column weighs 2, the text 1.
    const qa = article('tq', {
      text: '"Miller tariffs hurt," said Ann Lee. "Tariffs rise," said Chris Miller.',
    });
    const q1 = quoteOf(qa, 'Miller tariffs hurt,', 'Ann Lee');
    const q2 = {
      ...quoteOf(qa, 'Tariffs rise,', 'Chris Miller'),
      speaker: { name: 'Chris Miller', role: null, kind: 'person' as const },
    };
    await s.putArticle(qa, [q1, q2], []);
    expect((await s.searchQuotes('miller', 5)).map((h) => h.quote.speaker.name)).toEqual([
      'Chris Miller',
      'Ann Lee',
    ]);
    await s.close();
  });

  it('finds articles by entity (ASCII case folded) and quotes by speaker, newest first', async () => {
    const s = await open();
    const older = article('m1', { publishedAt: '2026-11-18T00:00:00Z' });
    const newer = article('m2', { publishedAt: '2026-11-19T00:00:00Z' });
    const undated = article('m3', { publishedAt: null, fetchedAt: '2026-11-20T00:00:00Z' });
    const mention = [
      {
        kind: 'policy' as const,
        canonical: 'Export Controls',
        surface: 'export controls',
        start: 23,
        count: 2,
      },
    ];
    for (const a of [older, newer, undated])
      await s.putArticle(a, [quoteOf(a, 'This is a failure,', 'Ann Lee')], mention);
    expect((await s.articlesMentioning('policy', 'EXPORT CONTROLS', 10)).map((a) => a.id)).toEqual([
      'm3',
      'm2',
      'm1',
    ]);
    expect((await s.articlesMentioning('policy', 'export controls', 2)).map((a) => a.id)).toEqual([
      'm3',
      'm2',
    ]);
    expect(await s.articlesMentioning('firm', 'export controls', 10)).toEqual([]);
    expect((await s.quotesBySpeaker('ANN LEE', 10)).map((q) => q.articleId)).toEqual(['m3', 'm2', 'm1']);
    expect((await s.quotesBySpeaker('lee', 1)).map((q) => q.articleId)).toEqual(['m3']);
    expect(await s.quotesBySpeaker('%', 10)).toEqual([]);
    expect(await s.quotesBySpeaker('_ee', 10)).toEqual([]);
    expect(await s.quotesBySpeaker('  ', 10)).toEqual([]);
    await s.close();
  });

  it('pages article ids and returns quotes and articles in the order asked', async () => {
    const s = await open();
    for (const id of ['p3', 'p1', 'p2']) await s.putArticle(article(id), [], []);
    expect(await s.listArticleIds({ limit: 2 })).toEqual(['p3', 'p1']);
    expect(await s.listArticleIds({ after: 'p3', limit: 1 })).toEqual(['p1']);
    expect(await s.listArticleIds({ after: 'p2' })).toEqual([]);
    const a = article('p4', { text: '"One two three," said Ann Lee. "Four five six," said Bo Chen.' });
    const q1 = quoteOf(a, 'One two three,', 'Ann Lee');
    const q2 = quoteOf(a, 'Four five six,', 'Bo Chen');
    const at = (kind: 'firm' | 'person', canonical: string, start: number) => ({
      kind,
      canonical,
      surface: canonical,
      start,
      count: 1,
    });
    await s.putArticle(
      a,
      [q2, q1],
      [
        at('person', 'Bo Chen', 40),
        at('person', 'Ann Lee', 20),
        at('firm', 'Zeta', 20),
        at('firm', 'Acme', 20),
      ],
    );
    expect((await s.getQuotes('p4')).map((q) => q.text)).toEqual(['One two three,', 'Four five six,']);
    // Mentions by offset, ties by kind then name.
    expect((await s.getMentions('p4')).map((m) => m.canonical)).toEqual([
      'Acme',
      'Zeta',
      'Ann Lee',
      'Bo Chen',
    ]);
    const ids = [`p4:${q2.start}`, `p4:${q1.start}`];
    expect((await s.getQuotesById(ids)).map((q) => q.id)).toEqual(ids);
    expect((await s.getArticles(['p2', 'p3'])).map((x) => x.id)).toEqual(['p2', 'p3']);
    expect(await s.getArticles([])).toEqual([]);
    await s.close();
  });

  it('remembers digests across dates: the last posted one, every digested story', async () => {
    const s = await open();
    const claim = (date: string, storyIds: string[]): Promise<DigestRecord> =>
      s.claimDigest({
        id: `digest:discord:C5:${date}`,
        platform: 'discord',
        channelId: 'C5',
        date,
        storyIds,
      });
    await claim('2026-11-18', ['s1']);
    await claim('2026-11-19', ['s2', 's3']);
    await claim('2026-11-20', ['s4']);
    await s.markDigestPosted('digest:discord:C5:2026-11-18', 'm18', '2026-11-18T08:00:00Z');
    await s.markDigestPosted('digest:discord:C5:2026-11-19', 'm19', '2026-11-19T08:00:00Z');
    expect((await s.lastDigest('discord', 'C5'))?.messageRef).toBe('m19');
    expect((await s.lastDigest('discord', 'C5', '2026-11-19'))?.messageRef).toBe('m18');
    expect(await s.lastDigest('slack', 'C5')).toBeNull();
    expect(await s.digestedStoryIds('discord', 'C5')).toEqual(new Set(['s1', 's2', 's3', 's4']));
    expect(await s.getDigest('digest:discord:C5:2026-11-21')).toBeNull();
    expect(await s.removeSubscription('discord', 'C5')).toBe(false);
    await s.close();
  });
}
