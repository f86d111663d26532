import { describe, expect, it } from 'vitest';
import { chooseCanonical, isSpunCopy, rankMembers } from '../../../src/stories/canonical.js';
import { compareWordChoice, wordSwaps } from '../../../src/stories/spun-copy.js';
import { spin } from '../../support/spinner.js';
import { BASE_STORIES, syndicate } from '../../support/story-corpus.js';

const base = BASE_STORIES.find((b) => b.key === 'gallium-prices')!;
const original = base.paragraphs.join('\n');
const spun = spin(original, { seed: 21, rate: 0.2 }).text;
const wire = syndicate(base, 3, true).text;

describe('canonical article', () => {
  it('takes the earliest published when every member has a date', () => {
    const m = [
      { id: 'b', publishedAt: '2025-06-02T12:00:00Z', text: original },
      { id: 'a', publishedAt: '2025-06-02T11:00:00Z', text: spun },
      { id: 'c', publishedAt: '2025-06-03T00:00:00Z', text: wire },
    ];
    expect(chooseCanonical(m)).toBe('a');
    expect(rankMembers(m).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('breaks a tie on date against the spun copy', () => {
    const t = '2025-06-02T12:00:00Z';
    expect(
      chooseCanonical([
        { id: 'a', publishedAt: t, text: spun },
        { id: 'b', publishedAt: t, text: original },
      ]),
    ).toBe('b');
  });

  it('prefers the copy that is not spun when dates are missing, whatever its priority or id', () => {
    const m = [
      { id: 'a-spun', publishedAt: null, sourcePriority: 9, text: spun },
      { id: 'z-original', publishedAt: null, text: original },
    ];
    expect(chooseCanonical(m)).toBe('z-original');
    const dated = [{ id: 'a-spun', publishedAt: '2025-01-01T00:00:00Z', text: spun }, m[1]!];
    expect(chooseCanonical(dated)).toBe('z-original');
  });

  it('then uses source priority, then id', () => {
    const m = [
      { id: 'b', publishedAt: null, text: original },
      { id: 'c', publishedAt: null, sourcePriority: 2, text: wire },
      { id: 'a', publishedAt: null, text: original },
    ];
    expect(rankMembers(m).map((x) => x.id)).toEqual(['c', 'a', 'b']);
    expect(chooseCanonical([])).toBeNull();
  });
});

describe('spun-copy detection', () => {
  it('sees rarer word choices in the spun copy, none between reprints', () => {
    const s = compareWordChoice(spun, original);
    expect(s.swaps).toBeGreaterThanOrEqual(10);
    expect(s.rarer).toBeGreaterThan(1);
    expect(compareWordChoice(original, spun).rarer).toBeLessThan(-1);
    expect(compareWordChoice(wire, original).swaps).toBeLessThan(3);
    expect(
      isSpunCopy({ id: 's', publishedAt: null, text: spun }, [
        { id: 'o', publishedAt: null, text: original },
      ]),
    ).toBe(true);
    expect(
      isSpunCopy({ id: 'w', publishedAt: null, text: wire }, [
        { id: 'o', publishedAt: null, text: original },
      ]),
    ).toBe(false);
  });

  it('aligns word swaps and ignores pure insertions', () => {
    const a = 'the firm said on monday it would build a plant in ohio'.split(' ');
    const b = 'the firm stated on monday it would construct a manufacturing unit in ohio'.split(' ');
    expect(wordSwaps(a, b)).toEqual([
      [['said'], ['stated']],
      [['build'], ['construct']],
      [['plant'], ['manufacturing', 'unit']],
    ]);
    expect(
      wordSwaps(a, ['by', 'staff', ...a.slice(0, 4), 'inserted', 'words', ...a.slice(4), 'extra']),
    ).toEqual([]);
  });
});
