import { describe, expect, it } from 'vitest';
import type { Brief } from '../../src/briefs/brief.js';
import type { Quote } from '../../src/quotes/quote.js';
import type { Store } from '../../src/store/port.js';
import { contractArticle, contractQuote } from '../support/postgres-contract-data.js';
import { portContractMore } from '../support/postgres-contract-port.js';
import { processContract, type StoreContractOptions } from '../support/postgres-contract-processes.js';
import { lookupContract } from './store-contract-lookups.js';

export type { StoreContractOptions };

/**
 * The Store conformance suite: every implementation of the port runs it (like BullMQ's adapter tests).
 * `open` must return a fresh, empty store each call.
 */
export function storeContract(
  name: string,
  open: () => Promise<Store>,
  options: StoreContractOptions = {},
): void {
  const article = contractArticle;
  const quoteOf = contractQuote;

  describe(`Store contract: ${name}`, () => {
    it('stores an article once, with its verbatim quotes and mentions', async () => {
      const s = await open();
      const a = article('a1');
      const q = quoteOf(a, 'This is a failure,', 'Ann Lee');
      const m = [
        {
          kind: 'policy' as const,
          canonical: 'export controls',
          surface: 'export controls',
          start: 23,
          count: 1,
        },
      ];
      expect(await s.putArticle(a, [q], m)).toEqual({ inserted: true });
      expect(await s.putArticle(a, [q], m)).toEqual({ inserted: false });
      expect(await s.getArticle('a1')).toEqual(a);
      const quotes = await s.getQuotes('a1');
      expect(quotes).toHaveLength(1);
      expect(quotes[0]!.id).toBe(`a1:${q.start}`);
      expect(a.text.slice(quotes[0]!.start, quotes[0]!.end)).toBe(quotes[0]!.text);
      expect(await s.getQuotesById([`a1:${q.start}`, 'missing'])).toHaveLength(1);
      expect(await s.getMentions('a1')).toEqual(m);
      expect((await s.articlesMentioning('policy', 'export controls', 10)).map((x) => x.id)).toEqual(['a1']);
      expect((await s.stats()).articles).toBe(1);
      await s.close();
    });

    it('never stores a quote that is not a verbatim span of its article', async () => {
      const s = await open();
      const a = article('a2');
      const good = quoteOf(a, 'This is a failure,', 'Ann Lee');
      const forged: Quote = { ...good, id: 'q1', start: 0, end: 10, text: 'Invented words' };
      await s.putArticle(a, [good, forged], []);
      const stored = await s.getQuotes('a2');
      expect(stored.map((q) => q.text)).toEqual(['This is a failure,']);
      await s.close();
    });

    it('finds exact duplicates by content hash and lists ids in insertion order', async () => {
      const s = await open();
      await s.putArticle(article('b1', { contentHash: 'same' }), [], []);
      await s.putArticle(article('b2', { contentHash: 'same' }), [], []);
      expect((await s.findByContentHash('same'))?.id).toBe('b1');
      expect(await s.findByContentHash('none')).toBeNull();
      expect(await s.listArticleIds()).toEqual(['b1', 'b2']);
      expect(await s.listArticleIds({ after: 'b1' })).toEqual(['b2']);
      expect((await s.getArticles(['b2', 'x', 'b1'])).map((x) => x.id)).toEqual(['b2', 'b1']);
      await s.close();
    });

    it('keeps stories, members (canonical first) and the index keys', async () => {
      const s = await open();
      await s.putArticle(article('c1', { publishedAt: '2026-11-20T10:00:00Z' }), [], []);
      await s.putArticle(article('c2', { publishedAt: '2026-11-20T08:00:00Z' }), [], []);
      await s.putStory({
        id: 's1',
        canonicalArticleId: 'c1',
        firstSeen: '2026-11-20T09:00:00Z',
        lastSeen: '2026-11-20T09:00:00Z',
      });
      await s.putStory({ id: 's1', canonicalArticleId: 'zzz', firstSeen: 'x', lastSeen: 'x' });
      await s.setArticleStory('c1', 's1');
      await s.setArticleStory('c2', 's1');
      expect((await s.storyMembers('s1')).map((a) => a.id)).toEqual(['c1', 'c2']);
      await s.updateStory('s1', { canonicalArticleId: 'c2', lastSeen: '2026-11-21T00:00:00Z' });
      await s.updateStory('s1', { lastSeen: '2026-11-20T00:00:00Z' });
      expect(await s.getStory('s1')).toEqual({
        id: 's1',
        canonicalArticleId: 'c2',
        firstSeen: '2026-11-20T09:00:00Z',
        lastSeen: '2026-11-21T00:00:00Z',
      });
      expect((await s.storyMembers('s1')).map((a) => a.id)).toEqual(['c2', 'c1']);
      expect((await s.storiesFirstSeen('2026-11-20', '2026-11-21')).map((x) => x.id)).toEqual(['s1']);
      expect(await s.storiesFirstSeen('2026-11-21', '2026-11-22')).toEqual([]);
      await s.addIndexKeys('c1', ['k1', 'k2', 'k3']);
      await s.addIndexKeys('c2', ['k3']);
      await s.addIndexKeys('c2', ['k3']);
      expect(await s.findByIndexKeys(['k1', 'k3', 'k3', 'k9'], 10)).toEqual([
        { articleId: 'c1', shared: 2 },
        { articleId: 'c2', shared: 1 },
      ]);
      await s.putSketch('c1', 'sketch-1');
      await s.putSketch('c1', 'sketch-1b');
      expect(await s.getSketches(['c1', 'c2'])).toEqual(new Map([['c1', 'sketch-1b']]));
      await s.putStory({
        id: 's2',
        canonicalArticleId: 'c1',
        firstSeen: '2026-11-20T09:30:00Z',
        lastSeen: '2026-11-20T09:30:00Z',
      });
      expect(await s.removeStory('s1')).toBe(false);
      expect(await s.removeStory('s2')).toBe(true);
      expect(await s.getStory('s2')).toBeNull();
      await s.close();
    });

    it('caches briefs by (story, content hash, prompt version, model) and accounts LLM usage', async () => {
      const s = await open();
      const b: Brief = {
        id: 'br1',
        storyId: 's1',
        contentHash: 'h',
        promptVersion: 'brief@v1',
        model: 'm',
        summarizer: 'llm',
        headline: 'H',
        bullets: ['one', 'two'],
        quoteIds: ['a:1'],
        tokensIn: 100,
        tokensOut: 20,
        fallbackReason: null,
        createdAt: '2026-11-20T00:00:00Z',
      };
      expect(await s.putBrief(b)).toEqual(b);
      expect(await s.putBrief({ ...b, id: 'br2', headline: 'other' })).toEqual(b);
      expect(await s.findBrief('s1', 'h', 'brief@v1', 'm')).toEqual(b);
      expect(await s.findBrief('s1', 'h', 'brief@v1', 'other-model')).toBeNull();
      expect((await s.latestBrief('s1'))?.id).toBe('br1');
      await s.recordLlmUsage('2026-11-20', { calls: 1, tokensIn: 100, tokensOut: 20, fallbacks: 0 });
      await s.recordLlmUsage('2026-11-20', { calls: 1, tokensIn: 50, tokensOut: 5, fallbacks: 1 });
      expect(await s.llmUsage('2026-11-20')).toEqual({
        day: '2026-11-20',
        calls: 2,
        tokensIn: 150,
        tokensOut: 25,
        fallbacks: 1,
      });
      expect((await s.llmUsage('2026-11-21')).calls).toBe(0);
      const st = await s.stats();
      expect([st.briefs, st.llmCalls, st.tokensIn, st.tokensOut]).toEqual([1, 2, 150, 25]);
      await s.close();
    });

    it('claims a digest once per (platform, channel, date)', async () => {
      const s = await open();
      const first = await s.claimDigest({
        id: 'digest:slack:C1:2026-11-20',
        platform: 'slack',
        channelId: 'C1',
        date: '2026-11-20',
        storyIds: ['s1'],
      });
      const again = await s.claimDigest({
        id: 'digest:slack:C1:2026-11-20',
        platform: 'slack',
        channelId: 'C1',
        date: '2026-11-20',
        storyIds: ['s2'],
      });
      expect(again.storyIds).toEqual(['s1']);
      expect(first.postedAt).toBeNull();
      const claims = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          s.claimDigest({
            id: 'digest:slack:C2:2026-11-20',
            platform: 'slack',
            channelId: 'C2',
            date: '2026-11-20',
            storyIds: [`s${i}`],
          }),
        ),
      );
      expect(new Set(claims.map((c) => c.storyIds[0])).size).toBe(1);
      await s.markDigestAttempt(first.id, '2026-11-20T08:00:00Z');
      await s.markDigestPosted(first.id, 'ts-1', '2026-11-20T08:00:01Z');
      await s.markDigestPosted(first.id, 'ts-2', '2026-11-20T08:00:02Z');
      const got = await s.getDigest(first.id);
      expect([got?.attemptedAt, got?.messageRef]).toEqual(['2026-11-20T08:00:00Z', 'ts-1']);
      expect((await s.lastDigest('slack', 'C1'))?.id).toBe(first.id);
      expect(await s.lastDigest('slack', 'C1', '2026-11-20')).toBeNull();
      expect(await s.digestedStoryIds('slack', 'C1')).toEqual(new Set(['s1']));
      await s.close();
    });

    it('keeps sources, subscriptions and threads', async () => {
      const s = await open();
      const src = await s.addSource({
        kind: 'rss',
        url: 'https://feeds.example/chips.xml',
        name: 'Chips',
        enabled: true,
        addedBy: 'U1',
        priority: 2,
        pollMinutes: 15,
      });
      const dup = await s.addSource({
        kind: 'rss',
        url: 'https://feeds.example/chips.xml',
        name: 'x',
        enabled: true,
        addedBy: 'U2',
        priority: 0,
        pollMinutes: 5,
      });
      expect(dup.id).toBe(src.id);
      await s.markSourcePolled(src.id, {
        etag: '"e1"',
        lastModified: 'Fri, 20 Nov 2026 08:00:00 GMT',
        at: '2026-11-20T08:00:00Z',
      });
      expect((await s.listSources())[0]).toMatchObject({
        id: src.id,
        etag: '"e1"',
        name: 'Chips',
        priority: 2,
      });
      // putSource updates what the owner sets and keeps the poll state.
      const put = await s.putSource({
        kind: 'atom',
        url: 'https://feeds.example/chips.xml',
        name: 'Chips (atom)',
        enabled: false,
        addedBy: 'config',
        priority: 5,
        pollMinutes: 60,
      });
      expect(put).toMatchObject({
        id: src.id,
        kind: 'atom',
        name: 'Chips (atom)',
        enabled: false,
        addedBy: 'config',
        priority: 5,
        pollMinutes: 60,
        etag: '"e1"',
        lastPolledAt: expect.stringContaining('2026-11-20'),
      });
      const fresh = await s.putSource({
        kind: 'rss',
        url: 'https://feeds.example/other.xml',
        name: null,
        enabled: true,
        addedBy: 'config',
        priority: 0,
        pollMinutes: 30,
      });
      expect(fresh.etag).toBeNull();
      expect(await s.listSources()).toHaveLength(2);
      expect(await s.removeSource(fresh.id)).toBe(true);
      expect(await s.removeSource(src.id)).toBe(true);
      expect(await s.removeSource(src.id)).toBe(false);
      const sub = {
        platform: 'discord' as const,
        workspaceId: 'G',
        channelId: 'C9',
        time: '08:30',
        tz: 'Europe/Berlin',
        filters: { firms: ['Huawei'], policies: [], keywords: [] },
        createdBy: 'U1',
      };
      await s.upsertSubscription(sub);
      await s.upsertSubscription({ ...sub, time: '09:00' });
      expect(await s.listSubscriptions()).toEqual([{ ...sub, time: '09:00' }]);
      expect(await s.getSubscription('discord', 'C9')).toEqual({ ...sub, time: '09:00' });
      expect(await s.removeSubscription('discord', 'C9')).toBe(true);
      expect(await s.getSubscription('discord', 'C9')).toBeNull();
      const t = {
        platform: 'slack' as const,
        channelId: 'C1',
        threadRef: '171.1',
        digestId: null,
        storyIds: ['s1'],
        turns: [
          {
            question: 'what did Chris Miller say?',
            focus: { people: ['Chris Miller'], firms: [], policies: [], topic: null },
            storyIds: ['s1'],
            at: '2026-11-20T00:00:00Z',
          },
        ],
      };
      await s.saveThread(t);
      expect(await s.getThread('slack', 'C1', '171.1')).toEqual(t);
      expect(await s.getThread('slack', 'C1', 'nope')).toBeNull();
      await s.close();
    });

    it('searches articles and quotes with BM25 and finds quotes by speaker', async () => {
      const s = await open();
      const a = article('d1', {
        title: 'Huawei unveils Ascend chip',
        text: 'Huawei unveiled a new Ascend accelerator.\n"Export controls were a failure," said Chris Miller, author of Chip War.',
      });
      const b = article('d2', {
        title: 'Tariffs on Chinese goods',
        text: 'Tariffs rose on many goods including steel.',
      });
      await s.putArticle(a, [quoteOf(a, 'Export controls were a failure,', 'Chris Miller')], []);
      await s.putArticle(b, [], []);
      const hits = await s.searchArticles('what is new on Huawei?', 5);
      expect(hits.map((h) => h.articleId)).toEqual(['d1']);
      expect((await s.searchArticles('tariffs', 5))[0]?.articleId).toBe('d2');
      expect(await s.searchArticles('what is the', 5)).toEqual([]);
      expect(await s.searchArticles('") OR NEAR(', 5)).toEqual([]);
      const qh = await s.searchQuotes('export controls failure', 5);
      expect(qh[0]?.quote.speaker.name).toBe('Chris Miller');
      expect((await s.searchQuotes('miller', 5)).length).toBe(1);
      expect((await s.quotesBySpeaker('Chris Miller', 5)).length).toBe(1);
      expect((await s.quotesBySpeaker('miller', 5)).length).toBe(1);
      expect((await s.quotesBySpeaker('Mill', 5)).length).toBe(0);
      await s.close();
    });

    it('rolls back a failed transaction', async () => {
      const s = await open();
      await expect(
        s.transaction(async () => {
          await s.putArticle(article('e1'), [], []);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s.getArticle('e1')).toBeNull();
      await s.transaction(async () => {
        await s.putArticle(article('e2'), [], []);
      });
      expect(await s.getArticle('e2')).not.toBeNull();
      await s.ping();
      await s.close();
    });

    // More of the port: transactions, racing writers, ranking by hand, lookups, paging, digests.
    portContractMore(open, { article, quoteOf });
    // Brief search, the brief id rule, and the indexed lookups of migration 2.
    lookupContract(open, { article, quoteOf });
  });

  processContract(name, open, options);
}
