import type { StoryInput } from '../../src/stories/story-input.js';
import type { BlindArticle } from '../fixtures/stories/blind/blind-article.js';
import { BLIND_ARTICLES } from '../fixtures/stories/blind/index.js';
import { quotesOf } from './story-corpus.js';

/** A blind-set article as clustering sees it, labelled with its expected story. */
export interface BlindInput extends StoryInput {
  story: string;
  kind: string;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function toInput(a: BlindArticle): BlindInput {
  const text = a.paragraphs.join('\n');
  return {
    id: a.id,
    url: `https://${slug(a.site)}.example/${slug(a.id)}`,
    title: a.title,
    text,
    quotes: quotesOf(text),
    publishedAt: a.publishedAt,
    siteName: a.site,
    story: a.story,
    kind: a.kind,
  };
}

export function blindInputs(): BlindInput[] {
  return BLIND_ARTICLES.map(toInput);
}

/** The pairs a clustering got wrong: merged across stories, or left apart within one. */
export function pairErrors(
  inputs: readonly BlindInput[],
  clusters: readonly { members: readonly string[] }[],
): { wrongMerges: string[]; missedMerges: string[] } {
  const clusterOf = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const m of c.members) clusterOf.set(m, i);
  });
  const wrongMerges: string[] = [];
  const missedMerges: string[] = [];
  for (let i = 0; i < inputs.length; i++) {
    for (let j = i + 1; j < inputs.length; j++) {
      const a = inputs[i]!;
      const b = inputs[j]!;
      const together = clusterOf.get(a.id) === clusterOf.get(b.id);
      if (together && a.story !== b.story) wrongMerges.push(`${a.id} + ${b.id}`);
      if (!together && a.story === b.story) missedMerges.push(`${a.id} / ${b.id}`);
    }
  }
  return { wrongMerges, missedMerges };
}
