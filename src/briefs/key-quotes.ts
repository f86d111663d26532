import type { Article } from '../articles/article.js';
import { normalizeText } from '../articles/identity.js';
import { isVerbatim } from '../quotes/quote.js';
import type { StoredQuote } from '../store/port.js';

/**
 * The story's distinct quotes: the same words across reprints count once, and the occurrence kept is
 * the first in `quotes` (the canonical article's, as `loadStoryMaterial` orders them). Quotes that
 * are not a verbatim span of their article are dropped here too (promise 1, checked at every door).
 */
export function distinctQuotes(quotes: readonly StoredQuote[], articles: readonly Article[]): StoredQuote[] {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const seen = new Set<string>();
  const out: StoredQuote[] = [];
  for (const q of quotes) {
    const text = texts.get(q.articleId);
    if (text === undefined || !isVerbatim(text, q)) continue;
    const key = normalizeText(q.text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  return out;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Who said it, for preferring distinct speakers. */
export function speakerKey(q: Pick<StoredQuote, 'speaker'>): string {
  const s = q.speaker;
  return s.name ? `n:${s.name.toLowerCase()}` : `u:${(s.role ?? '').toLowerCase()}`;
}

/** How much a quote deserves a place: named speakers over unnamed, substantive over short. */
export function quoteScore(q: StoredQuote): number {
  const n = wordCount(q.text);
  const named = q.speaker.kind !== 'unnamed' && q.speaker.name ? 3 : 0;
  const withRole = q.speaker.role ? 0.5 : 0;
  // 12–45 words reads as a real statement; fragments and run-on paragraphs both read worse.
  const length = n < 5 ? -3 : n < 12 ? n / 12 : n <= 45 ? 1.5 : 1;
  return named + withRole + length;
}

/**
 * Picks up to `max` key quotes: best score first, each further quote by a speaker already chosen
 * penalised so distinct voices win. Fragments under five words are taken only when nothing else is
 * there. Returned in selection order. Deterministic (ties by article order then offset).
 */
export function pickKeyQuotes(
  quotes: readonly StoredQuote[],
  articles: readonly Article[],
  max = 3,
): StoredQuote[] {
  const order = new Map(articles.map((a, i) => [a.id, i]));
  const pool = distinctQuotes(quotes, articles).map((q) => ({ q, score: quoteScore(q) }));
  const chosen: StoredQuote[] = [];
  const speakers = new Map<string, number>();
  while (chosen.length < max && pool.length > 0) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    pool.forEach((c, i) => {
      const s = c.score - 2.5 * (speakers.get(speakerKey(c.q)) ?? 0);
      const cur = best >= 0 ? pool[best]! : undefined;
      const tie =
        cur !== undefined &&
        s === bestScore &&
        ((order.get(c.q.articleId) ?? 0) - (order.get(cur.q.articleId) ?? 0) || c.q.start - cur.q.start) < 0;
      if (s > bestScore || tie) {
        best = i;
        bestScore = s;
      }
    });
    const [pick] = pool.splice(best, 1);
    if (!pick) break;
    if (wordCount(pick.q.text) < 5 && chosen.length > 0) break;
    chosen.push(pick.q);
    speakers.set(speakerKey(pick.q), (speakers.get(speakerKey(pick.q)) ?? 0) + 1);
  }
  return chosen;
}
