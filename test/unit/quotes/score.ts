import { extractQuotes } from '../../../src/quotes/extract-quotes.js';
import type { Quote } from '../../../src/quotes/quote.js';
import { type GoldQuote, type Passage, textOf } from '../../fixtures/quotes/types.js';

export interface Score {
  passages: number;
  gold: number;
  predicted: number;
  matched: number;
  /** Matched quotes whose speaker name and kind are right, and role too where the set labels one. */
  speakerCorrect: number;
  /** Matched quotes whose speaker name and kind are right, whatever the role: a miss here is a wrong speaker. */
  nameCorrect: number;
  rolesChecked: number;
  rolesCorrect: number;
  precision: number;
  recall: number;
  speakerAccuracy: number;
  /** One line per miss, false quote or wrong speaker, for reading a regression. */
  failures: string[];
}

const normRole = (r: string | null | undefined) =>
  (r ?? '')
    .toLowerCase()
    .replace(/^(a|an|the)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

function startOf(text: string, g: GoldQuote): number {
  let at = -1;
  for (let n = 0; n <= (g.nth ?? 0); n++) {
    at = text.indexOf(g.text, at + 1);
    if (at < 0) throw new Error(`gold quote not in passage: ${g.text}`);
  }
  return at;
}

const who = (s: { name: string | null; kind: string; role?: string | null }) =>
  `${s.name ?? '-'} (${s.kind}${s.role ? `, ${s.role}` : ''})`;

/** Scores extraction against a labelled set: quotes match by exact offset and text. */
export function score(set: readonly Passage[], extract: (text: string) => Quote[] = extractQuotes): Score {
  const s: Score = {
    passages: set.length,
    gold: 0,
    predicted: 0,
    matched: 0,
    speakerCorrect: 0,
    nameCorrect: 0,
    rolesChecked: 0,
    rolesCorrect: 0,
    precision: 0,
    recall: 0,
    speakerAccuracy: 0,
    failures: [],
  };
  for (const p of set) {
    const text = textOf(p);
    const gold = new Map<number, GoldQuote>();
    for (const g of p.quotes) gold.set(startOf(text, g), g);
    const preds = extract(text);
    s.gold += gold.size;
    s.predicted += preds.length;
    const seen = new Set<number>();
    for (const q of preds) {
      const g = gold.get(q.start);
      if (!g || g.text !== q.text) {
        s.failures.push(`${p.id}: false quote "${q.text.slice(0, 60)}" -> ${who(q.speaker)}`);
        continue;
      }
      seen.add(q.start);
      s.matched++;
      let ok = q.speaker.name === g.name && q.speaker.kind === g.kind;
      if (ok) s.nameCorrect++;
      if (g.role !== undefined) {
        s.rolesChecked++;
        const roleOk = normRole(q.speaker.role) === normRole(g.role);
        if (roleOk) s.rolesCorrect++;
        ok &&= roleOk;
      }
      if (ok) s.speakerCorrect++;
      else
        s.failures.push(
          `${p.id}: speaker of "${q.text.slice(0, 40)}" is ${who(q.speaker)}, expected ${who(g)}`,
        );
    }
    for (const [start, g] of gold) {
      if (!seen.has(start)) s.failures.push(`${p.id}: missed "${g.text.slice(0, 60)}" (${who(g)})`);
    }
  }
  s.precision = s.predicted === 0 ? 1 : s.matched / s.predicted;
  s.recall = s.gold === 0 ? 1 : s.matched / s.gold;
  s.speakerAccuracy = s.matched === 0 ? 1 : s.speakerCorrect / s.matched;
  return s;
}

/** One printable block: the three figures, counts, and the failures. */
export function report(name: string, s: Score): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    `${name}: ${s.passages} passages, ${s.gold} gold quotes, ${s.predicted} predicted, ${s.matched} matched`,
    `  precision ${pct(s.precision)}%  recall ${pct(s.recall)}%  speaker accuracy ${pct(s.speakerAccuracy)}%  (names right ${s.nameCorrect}/${s.matched}; roles checked ${s.rolesChecked}, right ${s.rolesCorrect})`,
    ...s.failures.map((f) => `  - ${f}`),
  ].join('\n');
}
