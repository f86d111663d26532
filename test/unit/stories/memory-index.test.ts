import { describe, expect, it } from 'vitest';
import { MemoryStoryIndex } from '../../../src/stories/memory-index.js';

describe('MemoryStoryIndex', () => {
  it('finds articles sharing keys, most shared first, ties by id, within the limit', async () => {
    const ix = new MemoryStoryIndex();
    await ix.addIndexKeys('b', ['k1', 'k2', 'k3']);
    await ix.addIndexKeys('a', ['k1', 'k2']);
    await ix.addIndexKeys('c', ['k1', 'k9']);
    await ix.addIndexKeys('a', ['k1']);
    expect(await ix.findByIndexKeys(['k1', 'k2', 'k3', 'k1'], 10)).toEqual([
      { articleId: 'b', shared: 3 },
      { articleId: 'a', shared: 2 },
      { articleId: 'c', shared: 1 },
    ]);
    expect(await ix.findByIndexKeys(['k1', 'k2'], 2)).toEqual([
      { articleId: 'a', shared: 2 },
      { articleId: 'b', shared: 2 },
    ]);
    expect(await ix.findByIndexKeys(['nothing'], 5)).toEqual([]);
  });

  it('stores sketches by article id', async () => {
    const ix = new MemoryStoryIndex();
    await ix.putSketch('a', 's1;x');
    await ix.putSketch('a', 's1;y');
    expect(await ix.getSketches(['a', 'missing'])).toEqual(new Map([['a', 's1;y']]));
    expect(ix.size).toBe(1);
  });
});
