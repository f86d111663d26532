import type { Article } from '../articles/article.js';
import { normalizeText, sha256 } from '../articles/identity.js';
import type { Mention } from '../entities/mention.js';
import { ChipbriefError } from '../errors.js';
import type { Store, StoredQuote } from '../store/port.js';
import type { Story } from '../stories/story.js';

/** Everything a summarizer needs about one story, read from the store. */
export interface StoryMaterial {
  story: Story;
  /** The canonical article (what the brief summarises and links to). */
  canonical: Article;
  /** Members, canonical first, then by published date (the store's order). */
  articles: Article[];
  /** Verbatim quotes of every member, canonical's first, each in text order. */
  quotes: StoredQuote[];
  /** Mentions of every member. */
  mentions: Mention[];
  /** The brief cache key's content part: see `storyContentHash`. */
  contentHash: string;
}

/** Quotes shorter than this many words are fragments (scare quotes, terms) whose extraction varies. */
const MIN_HASHED_WORDS = 3;
/** Fewer anchor terms than this say too little about an article to key its brief on. */
const MIN_ANCHORS = 5;
const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'\u2019.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/**
 * What a spinner leaves alone in prose: figures (dates, amounts, percentages) and capitalised words
 * inside a sentence (names of people, firms, places, laws). Sentence-initial words are skipped: a
 * spinner's synonym for "Critics" is capitalised too.
 */
export function anchorTerms(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    let i = m.index - 1;
    while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
    const initial = i < 0 || /[.!?\n"\u201C\u201D:;(\u2014-]/.test(text[i]!);
    if (/\p{N}/u.test(t)) out.add(t.toLowerCase());
    else if (!initial && /^\p{Lu}/u.test(t)) out.add(t.toLowerCase());
  }
  return [...out].sort();
}

/**
 * The content hash a brief is cached by.
 *
 * Reprints and spun copies share their quotes word for word (spinning swaps the prose, never the
 * quotation), so the hash is the story id plus the sorted, de-duplicated, normalised texts of the
 * canonical article's quotes. A reprint or spun copy joining the story, copies arriving in any
 * order, or a later copy becoming canonical all leave it unchanged: one LLM call per story.
 * Without quotes it keys on the canonical's anchor terms (figures and mid-sentence capitalised names,
 * which spinners keep), and on the canonical's text hash when it has too few of those.
 *
 * Limits: a new canonical whose quote set differs (a truncated reprint that drops a quote, a longer
 * original, a spun copy where the quote engine missed one) yields one new brief; so does, for a story
 * without quotes, a canonical that adds or drops a figure or a name. Re-clustering into a new story
 * id re-briefs.
 */
export function storyContentHash(
  storyId: string,
  canonical: Pick<Article, 'contentHash' | 'text'>,
  canonicalQuotes: readonly Pick<StoredQuote, 'text'>[],
): string {
  const keys = [
    ...new Set(
      canonicalQuotes
        .map((q) => normalizeText(q.text))
        .filter((t) => t.split(' ').length >= MIN_HASHED_WORDS),
    ),
  ].sort();
  let body = `quotes\n${keys.join('\n')}`;
  if (keys.length === 0) {
    const anchors = anchorTerms(canonical.text);
    body =
      anchors.length >= MIN_ANCHORS ? `anchors\n${anchors.join('\n')}` : `text\n${canonical.contentHash}`;
  }
  return sha256(`story:${storyId}\n${body}`).slice(0, 32);
}

/** Loads a story with its members, quotes and mentions. Throws INPUT_NOT_FOUND for an unknown or empty story. */
export async function loadStoryMaterial(store: Store, storyId: string): Promise<StoryMaterial> {
  const story = await store.getStory(storyId);
  if (!story) throw new ChipbriefError('INPUT_NOT_FOUND', `story ${storyId} is not in the store`);
  const members = await store.storyMembers(storyId);
  const canonical = members.find((a) => a.id === story.canonicalArticleId) ?? members[0];
  if (!canonical) throw new ChipbriefError('INPUT_NOT_FOUND', `story ${storyId} has no articles`);
  const articles = [canonical, ...members.filter((a) => a !== canonical)];
  const quotes: StoredQuote[] = [];
  const mentions: Mention[] = [];
  for (const a of articles) {
    quotes.push(...(await store.getQuotes(a.id)));
    mentions.push(...(await store.getMentions(a.id)));
  }
  const canonicalQuotes = quotes.filter((q) => q.articleId === canonical.id);
  return {
    story,
    canonical,
    articles,
    quotes,
    mentions,
    contentHash: storyContentHash(story.id, canonical, canonicalQuotes),
  };
}
