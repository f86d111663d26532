import type { StoryIndex } from './story-index.js';

/** 53-bit hash of an index key: numbers keep 100k articles' postings small in memory. */
function keyNumber(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * In-memory StoryIndex, for `chipbrief cluster` (no store), tests and benchmarks. Synchronous
 * methods (`...Now`) serve batch clustering; the async ones implement the port. A key-hash collision
 * only adds a candidate, which sketch comparison then rejects.
 */
export class MemoryStoryIndex implements StoryIndex {
  private readonly ids: string[] = [];
  private readonly idNumber = new Map<string, number>();
  private readonly postings = new Map<number, number | number[]>();
  private readonly sketches = new Map<number, string>();

  get size(): number {
    return this.sketches.size;
  }

  private num(id: string): number {
    let n = this.idNumber.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.idNumber.set(id, n);
    }
    return n;
  }

  addIndexKeysNow(articleId: string, keys: readonly string[]): void {
    const n = this.num(articleId);
    for (const k of new Set(keys.map(keyNumber))) {
      const p = this.postings.get(k);
      if (p === undefined) this.postings.set(k, n);
      else if (typeof p === 'number') {
        if (p !== n) this.postings.set(k, [p, n]);
      } else if (p[p.length - 1] !== n && !p.includes(n)) p.push(n);
    }
  }

  findByIndexKeysNow(keys: readonly string[], limit: number): { articleId: string; shared: number }[] {
    const counts = new Map<number, number>();
    for (const k of new Set(keys.map(keyNumber))) {
      const p = this.postings.get(k);
      if (p === undefined) continue;
      if (typeof p === 'number') counts.set(p, (counts.get(p) ?? 0) + 1);
      else for (const n of p) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    const rows = [...counts].map(([n, shared]) => ({ articleId: this.ids[n]!, shared }));
    rows.sort(
      (x, y) => y.shared - x.shared || (x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : 0),
    );
    return rows.slice(0, limit);
  }

  putSketchNow(articleId: string, sketch: string): void {
    this.sketches.set(this.num(articleId), sketch);
  }

  getSketchesNow(articleIds: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const id of articleIds) {
      const n = this.idNumber.get(id);
      const s = n === undefined ? undefined : this.sketches.get(n);
      if (s !== undefined) out.set(id, s);
    }
    return out;
  }

  async addIndexKeys(articleId: string, keys: readonly string[]): Promise<void> {
    this.addIndexKeysNow(articleId, keys);
  }

  async findByIndexKeys(
    keys: readonly string[],
    limit: number,
  ): Promise<{ articleId: string; shared: number }[]> {
    return this.findByIndexKeysNow(keys, limit);
  }

  async putSketch(articleId: string, sketch: string): Promise<void> {
    this.putSketchNow(articleId, sketch);
  }

  async getSketches(articleIds: readonly string[]): Promise<Map<string, string>> {
    return this.getSketchesNow(articleIds);
  }
}
