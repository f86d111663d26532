export type SpeakerKind = 'person' | 'organization' | 'unnamed';

export interface Speaker {
  /** Full name as the article gives it ("Jensen Huang"), organisation name, or null when unnamed. */
  name: string | null;
  /** Role from an appositive or description ("CEO of Nvidia"), or the unnamed source's description. */
  role: string | null;
  kind: SpeakerKind;
}

/**
 * A direct quotation found in an article's cleaned text.
 * Invariant (promise 1): `articleText.slice(start, end) === text`; quotes failing it are never emitted.
 */
export interface Quote {
  /** Stable within an article: `${articleId}:${start}` once stored; `q${index}` before. */
  id: string;
  start: number;
  end: number;
  text: string;
  speaker: Speaker;
  /** The speech verb or phrase that attributed it ("said", "told NPR", "according to"), null when inherited. */
  cue: string | null;
  verified: boolean;
}

/** True when the quote is a verbatim span of `text`. The single check every renderer relies on. */
export function isVerbatim(text: string, q: Pick<Quote, 'start' | 'end' | 'text'>): boolean {
  return q.start >= 0 && q.end <= text.length && q.start < q.end && text.slice(q.start, q.end) === q.text;
}
