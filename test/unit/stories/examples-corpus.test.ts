import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { htmlToDraft } from '../../../src/articles/html-to-article.js';
import { clusterInputs } from '../../../src/stories/cluster.js';
import type { StoryInput } from '../../../src/stories/story-input.js';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples');

interface ManifestEntry {
  file: string;
  story: string;
  copy: string;
  publishedAt: string | null;
  quotes: { text: string }[];
}

/** The sample corpus (examples/, written independently of this module) as story inputs. */
function exampleInputs(dated: boolean): (StoryInput & { story: string })[] {
  const manifest = JSON.parse(readFileSync(resolve(examples, 'manifest.json'), 'utf8')) as ManifestEntry[];
  return manifest.map((m) => {
    const path = resolve(examples, m.file);
    const raw = readFileSync(path, 'utf8');
    const url = `file://${path}`;
    const text = m.file.endsWith('.html')
      ? htmlToDraft(raw, url).text
      : raw
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .join('\n');
    const quotes = m.quotes.map((q) => q.text);
    return {
      id: m.file,
      url,
      title: m.file,
      text,
      quotes,
      publishedAt: dated ? m.publishedAt : null,
      story: m.story,
    };
  });
}

describe('story clustering on the examples/ sample corpus', () => {
  for (const dated of [true, false]) {
    it(`matches the manifest's story groups and picks the originals (${dated ? 'with' : 'without'} dates)`, () => {
      const inputs = exampleInputs(dated);
      const { clusters } = clusterInputs(inputs);
      const storyOf = new Map(inputs.map((i) => [i.id, i.story]));
      const groups = clusters.map((c) => [...new Set(c.members.map((m) => storyOf.get(m)))]);
      console.log(
        `examples (${dated ? 'dated' : 'undated'}): ${inputs.length} inputs, ${clusters.length} clusters`,
      );
      for (const g of groups) expect(g).toHaveLength(1);
      expect(clusters.length).toBe(new Set(storyOf.values()).size);
      const manifest = JSON.parse(
        readFileSync(resolve(examples, 'manifest.json'), 'utf8'),
      ) as ManifestEntry[];
      const copyOf = new Map(manifest.map((m) => [m.file, m.copy]));
      for (const c of clusters) if (c.members.length > 1) expect(copyOf.get(c.canonical)).toBe('original');
    });
  }
});
