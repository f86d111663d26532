/**
 * Remembers the most recent event ids, so an event a platform delivers twice (Slack retries an event it
 * thinks was not acknowledged, a Discord gateway resume replays one) is submitted once. Bounded: the
 * oldest id is forgotten first; redeliveries come within minutes, long before it is.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly max = 2000) {}

  /** True the first time `id` is seen (it is then remembered), false for a repeat. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.max) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
