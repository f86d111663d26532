import type { ArticleDraft } from '../../../src/articles/article.js';
import type { BriefView, RenderedQuote } from '../../../src/briefs/brief.js';
import { analyseDraft } from '../../../src/ingest/analyse-draft.js';
import type { Clock } from '../../../src/ports.js';
import type { Store } from '../../../src/store/port.js';

/** Fictional articles written for these tests: people, firms and outlets are invented. */
export const ARTICLES: ArticleDraft[] = [
  {
    url: 'https://tradeledger.example/2026/11/lithography-parts-export-controls',
    title: 'Commerce widens export controls to lithography spare parts',
    byline: 'Ines Morel',
    publishedAt: '2026-11-16T09:00:00.000Z',
    siteName: 'Trade Ledger',
    text: [
      'The Commerce Department on Monday widened its export controls to cover spare parts and servicing for deep-ultraviolet lithography tools sold to Chinese fabs, closing what officials called a maintenance loophole.',
      '"Servicing is where the leverage really sits now, because a scanner without parts is a very expensive paperweight," said Maren Lindqvist, a trade attorney at Halvorsen & Pike.',
      'The rule takes effect in thirty days and applies to parts shipped from third countries when they contain more than a small share of US-origin content.',
      '"Companies will spend the next month rereading every service contract they have signed since 2022," Lindqvist added.',
      'Daniel Okafor, a former Commerce Department licensing official, said the agency had debated the change for more than a year. "The export controls were always going to reach maintenance once the tool bans were in place," he said.',
    ].join('\n'),
  },
  {
    url: 'https://fabweekly.example/news/toolmakers-brace-for-servicing-rule',
    title: 'Toolmakers brace for servicing limits under new export controls',
    byline: null,
    publishedAt: '2026-11-16T14:30:00.000Z',
    siteName: 'Fab Weekly',
    text: [
      'Equipment makers in Europe and Japan are reviewing their China service businesses after the United States extended export controls to lithography maintenance.',
      '"Service revenue is the steadiest line we have, and this rule puts a large part of it under a licence requirement," said Priya Natarajan, an analyst at Meridian Semiconductor Research.',
      "Natarajan estimated that servicing accounts for roughly a fifth of the affected suppliers' China sales.",
      '"We expect licence applications to pile up quickly, and approvals to come slowly," she said.',
    ].join('\n'),
  },
  {
    url: 'https://portcall.example/2026/11/11/memory-tariff-review',
    title: 'Tariff review puts memory chip imports in focus',
    byline: 'Tomas Reyes',
    publishedAt: '2026-11-11T08:00:00.000Z',
    siteName: 'Port Call',
    text: [
      'Trade officials opened a review of tariffs on imported memory chips, asking manufacturers to report how much of their supply comes from outside North America.',
      '"The review is about visibility first; nobody should expect new duties before spring," said Alana Brooks, a customs broker based in Long Beach.',
    ].join('\n'),
  },
];

export interface Seeded {
  storyIds: string[];
  articleIds: string[];
}

/**
 * Stores the articles with the quotes and entities the real extractors find, one story each (these
 * tests are about Discord, not clustering).
 */
export async function seedStore(store: Store, clock: Clock): Promise<Seeded> {
  const storyIds: string[] = [];
  const articleIds: string[] = [];
  const now = clock.now().toISOString();
  for (const draft of ARTICLES) {
    const a = analyseDraft(draft);
    await store.putArticle(
      { ...draft, id: a.id, sourceId: null, fetchedAt: now, contentHash: a.contentHash, storyId: null },
      a.quotes,
      a.mentions,
    );
    const storyId = `story-${a.id.slice(0, 12)}`;
    await store.putStory({ id: storyId, canonicalArticleId: a.id, firstSeen: now, lastSeen: now });
    await store.setArticleStory(a.id, storyId);
    articleIds.push(a.id);
    storyIds.push(storyId);
  }
  return { storyIds, articleIds };
}

/** A brief view of a stored story, built from its canonical article and stored quotes. */
export async function viewOf(store: Store, storyId: string, headline?: string): Promise<BriefView> {
  const [article] = await store.storyMembers(storyId);
  if (!article) throw new Error(`no article in story ${storyId}`);
  const quotes: RenderedQuote[] = (await store.getQuotes(article.id)).map((q) => ({
    id: q.id,
    text: q.text,
    speaker: q.speaker,
    articleId: article.id,
    articleUrl: article.url,
    publishedAt: article.publishedAt,
  }));
  const source = {
    articleId: article.id,
    title: article.title,
    url: article.url,
    siteName: article.siteName,
    publishedAt: article.publishedAt,
  };
  return {
    storyId,
    headline: headline ?? article.title,
    bullets: [article.text.split('\n')[0]!.slice(0, 240)],
    quotes,
    source,
    alsoReportedBy: [],
    entities: { firms: [], people: [], policies: [], chips: [] },
    summarizer: 'extractive',
  };
}
