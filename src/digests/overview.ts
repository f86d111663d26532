import type { BriefView } from '../briefs/brief.js';
import { outletOf } from '../briefs/brief-view.js';

/**
 * One line about the day: "6 stories: export controls (3), Huawei (2), TSMC (1) · 14 outlets".
 * Topics are the policies and firms the most stories name (each story counted once per topic), ties
 * in story order, preferring topics of stories not yet represented; outlets are distinct across every
 * copy of every story.
 */
export function digestOverview(stories: readonly BriefView[], maxTopics = 3): string {
  if (stories.length === 0) return 'No new stories since the last digest.';
  const counts = new Map<string, { n: number; stories: number[]; order: number }>();
  let order = 0;
  stories.forEach((s, i) => {
    for (const topic of new Set([...s.entities.policies, ...s.entities.firms])) {
      const c = counts.get(topic);
      if (c) {
        c.n++;
        c.stories.push(i);
      } else counts.set(topic, { n: 1, stories: [i], order: order++ });
    }
  });
  // Most-named first; a topic only one story names is skipped when that story is already represented.
  const covered = new Set<number>();
  const topics: string[] = [];
  for (const [t, c] of [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].order - b[1].order)) {
    if (topics.length >= maxTopics) break;
    if (c.n === 1 && covered.has(c.stories[0]!)) continue;
    for (const i of c.stories) covered.add(i);
    topics.push(`${t} (${c.n})`);
  }
  const outlets = new Set(
    stories
      .flatMap((s) => (s.members?.length ? s.members : [s.source, ...s.alsoReportedBy]))
      .map((l) => outletOf(l).toLowerCase()),
  );
  const head = `${stories.length} ${stories.length === 1 ? 'story' : 'stories'}`;
  const tail = `${outlets.size} ${outlets.size === 1 ? 'outlet' : 'outlets'}`;
  return topics.length ? `${head}: ${topics.join(', ')} \u00B7 ${tail}` : `${head} \u00B7 ${tail}`;
}
