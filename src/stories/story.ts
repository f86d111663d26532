/** A story: every article that is the same news (reprints, spun copies) under one canonical article. */
export interface Story {
  id: string;
  canonicalArticleId: string;
  firstSeen: string;
  lastSeen: string;
}
