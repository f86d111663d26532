import { assignStoryNow, type StoryAssignment } from './assign.js';
import { rankMembers } from './canonical.js';
import { MemoryStoryIndex } from './memory-index.js';
import { storyIdFor } from './story-id.js';
import type { StoryInput } from './story-input.js';

/** One story of a batch: its id, canonical article and members (canonical first). */
export interface StoryCluster {
  id: string;
  canonical: string;
  members: string[];
}

/**
 * Incremental clustering in memory. Each article joins the stories of the articles it matches; when it
 * matches members of two stories they become one, because "same story" is a statement of identity (each
 * signal says the two articles are copies of one text), so copies of one story are one story whichever
 * copy arrived first. The partition is then the connected components of the match relation, which does
 * not depend on arrival order.
 */
export class StoryClusterer {
  readonly index = new MemoryStoryIndex();
  private readonly parent = new Map<string, string>();
  private readonly members = new Map<string, StoryInput>();

  constructor(private readonly options: { candidateLimit?: number } = {}) {}

  private find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let cur = id;
    while (cur !== root) {
      const next = this.parent.get(cur)!;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  /** Adds one article; returns what it matched. A repeated id is ignored (its first version stays). */
  add(input: StoryInput): StoryAssignment | null {
    if (this.members.has(input.id)) return null;
    const a = assignStoryNow(this.index, input, this.options);
    this.members.set(input.id, input);
    this.parent.set(input.id, input.id);
    for (const m of a.matchedArticleIds) {
      const x = this.find(input.id);
      const y = this.find(m);
      // The smaller id becomes the root so the forest does not depend on which side arrived first.
      if (x < y) this.parent.set(y, x);
      else if (y < x) this.parent.set(x, y);
    }
    return a;
  }

  /** The story of an added article, as member ids (unordered), or [] when unknown. */
  storyOf(articleId: string): string[] {
    if (!this.parent.has(articleId)) return [];
    const root = this.find(articleId);
    return [...this.members.keys()].filter((id) => this.find(id) === root);
  }

  /** Every story so far, ids derived from the canonical article, sorted by id. */
  clusters(): StoryCluster[] {
    const groups = new Map<string, string[]>();
    for (const id of this.members.keys()) {
      const root = this.find(id);
      const g = groups.get(root);
      if (g) g.push(id);
      else groups.set(root, [id]);
    }
    const out: StoryCluster[] = [];
    for (const ids of groups.values()) {
      const ranked = rankMembers(ids.map((id) => this.members.get(id)!));
      const canonical = ranked[0]!.id;
      out.push({ id: storyIdFor(canonical), canonical, members: ranked.map((m) => m.id) });
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/**
 * Clusters a batch (`chipbrief cluster`): every input in exactly one cluster; the same inputs in any
 * order give the same clusters, ids and canonicals (inputs are processed in id order, and the partition
 * does not depend on order anyway). Inputs repeating an id count once.
 */
export function clusterInputs(inputs: readonly StoryInput[]): { clusters: StoryCluster[] } {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const c = new StoryClusterer();
  for (const input of sorted) c.add(input);
  return { clusters: c.clusters() };
}
