import { describe, expect, it } from 'vitest';
import { BLIND } from '../../fixtures/quotes/blind.js';
import { BLIND_5 } from '../../fixtures/quotes/blind-5.js';
import { HELD_OUT } from '../../fixtures/quotes/held-out.js';
import { HELD_OUT_2 } from '../../fixtures/quotes/held-out-2.js';
import { HELD_OUT_3 } from '../../fixtures/quotes/held-out-3.js';
import { HELD_OUT_4 } from '../../fixtures/quotes/held-out-4.js';
import { LABELLED } from '../../fixtures/quotes/index.js';
import { LIVE_COVERAGE } from '../../fixtures/quotes/live-coverage.js';
import { report, score } from './score.js';

describe('quote extraction on the labelled set', () => {
  it('has enough passages of every style, including passages without quotes', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
    const styles = new Set(LABELLED.map((p) => p.style));
    for (const s of ['wire', 'broadcast', 'trade', 'china-outlet', 'blog', 'edge'])
      expect(styles.has(s as never)).toBe(true);
    expect(LABELLED.filter((p) => p.quotes.length === 0).length).toBeGreaterThanOrEqual(10);
    expect(new Set(LABELLED.map((p) => p.id)).size).toBe(LABELLED.length);
  });

  it('scores precision, recall and speaker accuracy of at least 0.95', () => {
    const s = score(LABELLED);
    console.log(report('labelled set', s));
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('scores the held-out sets, written after the rules were frozen (reported, with a lower floor)', () => {
    // First-run scores, before any fix they prompted (see test/fixtures/quotes/README.md):
    //   held-out P 96.3% R 83.9% S 92.3% | held-out-2 P 100% R 91.3% S 90.5% | held-out-3 P 100% R 75.0% S 100%
    //   held-out-4 (after the blind-set fixes, not blind) P 100% R 100% S 96.9%
    for (const [name, set] of [
      ['held-out set', HELD_OUT],
      ['held-out set 2', HELD_OUT_2],
      ['held-out set 3', HELD_OUT_3],
      ['held-out set 4', HELD_OUT_4],
    ] as const) {
      const s = score(set);
      console.log(report(name, s));
      // Held-out sets measure generalisation; the floor guards against collapse, not every miss.
      expect(s.precision).toBeGreaterThanOrEqual(0.9);
      expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(s.recall).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('scores the blind set, written by a second engineer before reading the rules', () => {
    // First run, before any fix it prompted (see test/fixtures/quotes/README.md): P 96.4% R 72.1% S 81.3%.
    expect(BLIND.length).toBeGreaterThanOrEqual(60);
    expect(new Set(BLIND.map((p) => p.id)).size).toBe(BLIND.length);
    const s = score(BLIND);
    console.log(report('blind set', s));
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    // Among matched quotations, a wrong name or kind is the bug that matters most: none is allowed.
    expect(s.nameCorrect).toBe(s.matched);
  });

  it('scores the second blind set, written before reading the rules (blind-5.ts)', () => {
    // First run, before any fix it prompted (see test/fixtures/quotes/README.md):
    //   P 100% R 87.1% S 96.3% (names right 52/54: two ministries cut at the comma in their names).
    expect(new Set(BLIND_5.map((p) => p.id)).size).toBe(BLIND_5.length);
    const s = score(BLIND_5);
    console.log(report('blind set 5', s));
    expect(s.precision).toBe(1);
    expect(s.nameCorrect).toBe(s.matched);
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('scores live coverage and listed-remit ministries (live-coverage.ts, written after the blind-5 fixes)', () => {
    expect(new Set(LIVE_COVERAGE.map((p) => p.id)).size).toBe(LIVE_COVERAGE.length);
    const s = score(LIVE_COVERAGE);
    console.log(report('live coverage', s));
    expect(s.precision).toBe(1);
    expect(s.nameCorrect).toBe(s.matched);
  });
});
