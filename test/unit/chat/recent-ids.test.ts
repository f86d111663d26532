import { describe, expect, it } from 'vitest';
import { RecentIds } from '../../../src/chat/recent-ids.js';

describe('RecentIds', () => {
  it('accepts an id once and refuses its repeats', () => {
    const recent = new RecentIds();
    expect(recent.add('Ev0123')).toBe(true);
    expect(recent.add('Ev0123')).toBe(false);
    expect(recent.add('Ev0124')).toBe(true);
  });

  it('forgets the oldest id first once it holds more than its bound', () => {
    const recent = new RecentIds(3);
    for (const id of ['a', 'b', 'c', 'd']) expect(recent.add(id)).toBe(true);
    // 'a' was dropped to keep three; the newer ones are still remembered.
    expect(recent.add('d')).toBe(false);
    expect(recent.add('a')).toBe(true);
  });
});
