import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packGroups } from '../../../src/chat/pack-groups.js';

const limits = { maxParts: 4, maxChars: 100 };
const len = (s: string) => s.length;

describe('packGroups', () => {
  it('keeps a group that fits in one message together, starting a new message for it', () => {
    const groups = [['a'.repeat(60)], ['b'.repeat(30), 'c'.repeat(30)], ['d']];
    expect(packGroups(groups, limits, len)).toEqual([
      ['a'.repeat(60)],
      ['b'.repeat(30), 'c'.repeat(30), 'd'],
    ]);
  });

  it('cuts a group larger than a message between its parts', () => {
    const big = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    expect(packGroups([big], limits, len)).toEqual([
      ['p1', 'p2', 'p3', 'p4'],
      ['p5', 'p6'],
    ]);
  });

  it('returns no message for no parts', () => {
    expect(packGroups([], limits, len)).toEqual([]);
    expect(packGroups([[], []], limits, len)).toEqual([]);
  });

  it('stays within both limits, keeps order, and never returns an empty message', () => {
    const part = fc.integer({ min: 1, max: 100 }).map((n) => 'x'.repeat(n));
    fc.assert(
      fc.property(fc.array(fc.array(part, { maxLength: 6 }), { maxLength: 20 }), (groups) => {
        const messages = packGroups(groups, limits, len);
        for (const m of messages) {
          expect(m.length).toBeGreaterThan(0);
          expect(m.length).toBeLessThanOrEqual(limits.maxParts);
          expect(m.reduce((n, p) => n + p.length, 0)).toBeLessThanOrEqual(limits.maxChars);
        }
        expect(messages.flat()).toEqual(groups.flat());
      }),
      { numRuns: 200 },
    );
  });
});
