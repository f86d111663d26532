import { loadFeed } from '../src/articles/load-input.js';
import type { FeedReader } from './processors/poll-job.js';

/**
 * The poll job's feed read: src/articles' loader does the conditional GET (ETag / Last-Modified from
 * the last poll) through the guarded fetcher and parses the feed without expanding entities.
 */
export const readFeed: FeedReader = async (url, ctx, validators) => {
  const feed = await loadFeed(url, { fetcher: ctx.services.fetcher }, validators);
  return {
    notModified: feed.notModified,
    links: feed.items.map((i) => i.url),
    etag: feed.etag,
    lastModified: feed.lastModified,
  };
};
