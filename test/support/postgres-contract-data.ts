import type { Article } from '../../src/articles/article.js';
import type { Quote } from '../../src/quotes/quote.js';

/**
 * The Store contract's article: what its in-process tests store (with `over` for the field under test)
 * and what its cross-process tests insert from several processes at once.
 */
export function contractArticle(id: string, over: Partial<Article> = {}): Article {
  return {
    id,
    url: `https://news.example/${id}`,
    sourceId: null,
    title: `Export controls tighten on ${id}`,
    byline: 'By A. Writer',
    siteName: 'Example News',
    publishedAt: '2026-11-20T08:00:00.000Z',
    fetchedAt: '2026-11-20T09:00:00.000Z',
    text: 'Washington tightened export controls on advanced chips.\n"This is a failure," said Ann Lee, an analyst.',
    contentHash: `hash-${id}`,
    storyId: null,
    ...over,
  };
}

/**
 * A quote of `a`: the verbatim span `text`, said by `name` (an analyst), or by an unnamed industry
 * analyst when `name` is null. By default the contract article's one quote.
 */
export function contractQuote(
  a: Article,
  text = 'This is a failure,',
  name: string | null = 'Ann Lee',
): Quote {
  const start = a.text.indexOf(text);
  return {
    id: 'q0',
    start,
    end: start + text.length,
    text,
    speaker: { name, role: name ? 'an analyst' : 'industry analyst', kind: name ? 'person' : 'unnamed' },
    cue: 'said',
    verified: true,
  };
}
