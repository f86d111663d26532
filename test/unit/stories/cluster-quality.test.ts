import { describe, expect, it } from 'vitest';
import { clusterInputs } from '../../../src/stories/cluster.js';
import { storyIdFor } from '../../../src/stories/story-id.js';
import { BASE_STORIES, type LabelledInput, pairwiseScores, storyCorpus } from '../../support/story-corpus.js';

describe('story clustering on reprints, spun copies and same-topic stories', () => {
  const corpus = storyCorpus();
  const { clusters } = clusterInputs(corpus);
  const byId = new Map(corpus.map((c) => [c.id, c]));

  it('reaches pairwise precision and recall >= 0.95', () => {
    const s = pairwiseScores(corpus, clusters);
    const spun = corpus.filter((c) => c.spinRate > 0);
    console.log(
      `stories: ${corpus.length} inputs, ${BASE_STORIES.length} stories, ${clusters.length} clusters; ` +
        `pairwise precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} ` +
        `(${s.correctPairs}/${s.predictedPairs} predicted, ${s.correctPairs}/${s.truePairs} true); ` +
        `spun copies ${spun.length}, spin rate ${Math.min(...spun.map((c) => c.spinRate)).toFixed(2)}-` +
        `${Math.max(...spun.map((c) => c.spinRate)).toFixed(2)}`,
    );
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('puts every input in exactly one cluster', () => {
    const all = clusters.flatMap((c) => c.members);
    expect(all.length).toBe(corpus.length);
    expect(new Set(all).size).toBe(corpus.length);
  });

  it('never merges two stories on the same topic', () => {
    for (const c of clusters) {
      const stories = new Set(c.members.map((m) => byId.get(m)!.story));
      expect([...stories], `cluster ${c.id}`).toHaveLength(1);
    }
    const topics = new Set(corpus.map((c) => c.topic));
    for (const t of topics) {
      const stories = new Set(corpus.filter((c) => c.topic === t).map((c) => c.story));
      const clustersOfTopic = clusters.filter((c) => byId.get(c.members[0]!)!.topic === t);
      expect(clustersOfTopic.length).toBe(stories.size);
    }
  });

  it('makes the original canonical: earliest when dated, not a spun copy when undated', () => {
    for (const c of clusters) {
      const canonical: LabelledInput = byId.get(c.canonical)!;
      expect(c.members[0]).toBe(c.canonical);
      expect(c.id).toBe(storyIdFor(c.canonical));
      expect(canonical.variant).not.toMatch(/^spun/);
      if (canonical.publishedAt !== null) expect(canonical.variant).toBe('original');
    }
  });

  it('prefers the unspun copy over configured priority when dates are missing', () => {
    const undated = corpus
      .filter((c) => c.story === 'huawei-ascend-cloud')
      .map((c) => ({ ...c, publishedAt: null, sourcePriority: c.variant.startsWith('spun') ? 10 : 0 }));
    const [only] = clusterInputs(undated).clusters;
    expect(byId.get(only!.canonical)!.variant).not.toMatch(/^spun/);
    const prioritised = undated.map((c) => ({ ...c, sourcePriority: c.variant === 'wire' ? 5 : 0 }));
    expect(clusterInputs(prioritised).clusters[0]!.canonical).toBe('huawei-ascend-cloud:wire');
  });
});
