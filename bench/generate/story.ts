import {
  AGENCIES,
  CHIPS,
  CLAIM_BODIES,
  CLAIM_OPENERS,
  CLAIM_TAILS,
  FIRMS,
  MONTHS,
  PEOPLE,
  type Person,
  PLACES,
  POLICIES,
  TOPICS,
  WEEKDAYS,
} from './lexicon.js';
import { mix, type Rng, seeded } from './rng.js';

/** A quote as the generator wrote it: its words, and who the article says spoke them. */
export interface PlannedQuote {
  text: string;
  /** Person's full name, the firm for statements, or null for an unnamed source. */
  speaker: string | null;
}

/** One story as its first outlet wrote it: plain paragraphs, no markup. */
export interface StorySpec {
  index: number;
  title: string;
  /** The standfirst under the headline. */
  dek: string;
  byline: string;
  /** ISO instant. */
  publishedAt: string;
  paragraphs: string[];
  quotes: PlannedQuote[];
  firm: string;
  policy: string;
  chip: string;
}

interface Ctx {
  r: Rng;
  i: number;
  firm: string;
  rival: string;
  policy: string;
  chip: string;
  topic: string;
  agency: string;
  place: string;
  people: Person[];
  quotes: PlannedQuote[];
  /** The last person named as a speaker: whom "he added" refers to. */
  lastNamed: Person | null;
  introduced: Set<string>;
}

function fill(c: Ctx, s: string): string {
  return s
    .replace(/\{firm\}/g, c.firm)
    .replace(/\{chip\}/g, c.chip)
    .replace(/\{policy\}/g, c.policy)
    .replace(/\{topic\}/g, c.topic)
    .replace(/\{place\}/g, c.place)
    .replace(/\{n\}/g, String(c.r.range(3, 30)));
}

/** A quote no other story has: fragments plus a detail tied to this story. */
function claim(c: Ctx): string {
  const body = fill(c, c.r.pick(CLAIM_BODIES));
  const tail = c.r.chance(0.6) ? `, ${fill(c, c.r.pick(CLAIM_TAILS))}` : '';
  const opener = c.r.chance(0.5) ? `${c.r.pick(CLAIM_OPENERS)} ` : '';
  const text = `${opener}${body}${tail}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function surname(p: Person): string {
  return p.name.split(' ').pop()!;
}

/** The article's quote paragraphs: attribution before, after, split, by pronoun, by an organisation, unnamed. */
function quoteParagraph(c: Ctx, k: number): string {
  const p = c.people[k % c.people.length]!;
  const q = claim(c);
  const form = k % 6 === 5 && !c.lastNamed ? 0 : k % 6;
  const named = c.lastNamed;
  c.lastNamed = form <= 2 ? p : form === 5 ? named : null;
  switch (form) {
    case 0:
      c.introduced.add(p.name);
      c.quotes.push({ text: q, speaker: p.name });
      return `${p.name}, ${p.role}, said: \u201c${q}.\u201d`;
    case 1:
      c.introduced.add(p.name);
      c.quotes.push({ text: q, speaker: p.name });
      return `\u201c${q},\u201d said ${p.name}, ${p.role}. ${c.r.pick(['The remarks came', 'The comments came', 'That view was echoed'])} as ${c.agency} prepared new guidance.`;
    case 2: {
      const more = claim(c);
      c.quotes.push({ text: q, speaker: p.name }, { text: more, speaker: p.name });
      // Surname alone only for someone the article has already introduced.
      const who = c.introduced.has(p.name) ? surname(p) : `${p.name}, ${p.role},`;
      c.introduced.add(p.name);
      return `\u201c${q},\u201d ${who} said. \u201c${more}.\u201d`;
    }
    case 3:
      c.quotes.push({ text: q, speaker: c.firm });
      return `\u201c${q},\u201d ${c.firm} said in a statement on ${c.r.pick(WEEKDAYS)}, adding that it would comply with ${c.policy}.`;
    case 4:
      c.quotes.push({ text: q, speaker: null });
      return `\u201c${q},\u201d said one industry executive, who asked not to be named because the talks were private.`;
    default: {
      const last = named!;
      c.quotes.push({ text: q, speaker: last.name });
      return `\u201c${q},\u201d ${last.pronoun} added.`;
    }
  }
}

function proseParagraph(c: Ctx): string {
  const n = c.r.range(2, 40);
  const forms = [
    `${c.agency} said the measures on ${c.topic} would take effect in ${c.r.pick(MONTHS)}, after a comment period that industry groups had asked to extend by ${n} days.`,
    `Shipments of ${c.chip} products to customers in ${c.place} fell about ${n} percent in the latest quarter, according to customs data compiled by analysts, while prices for older parts held steady.`,
    `${c.rival} is weighing a similar step, people familiar with the matter said, although no decision had been made and the timing could still change.`,
    `The so-called \u201csmall yard, high fence\u201d approach has widened steadily since 2022, and lawyers say companies now spend months classifying products that once shipped freely.`,
    `${c.firm} shares rose ${(n / 10).toFixed(1)} percent in ${c.place} trading, while those of ${c.rival} slipped after the announcement on ${c.policy}.`,
    `Officials in ${c.place} have not said how ${c.policy} will apply to ${c.topic} at smaller suppliers, many of which sell through distributors rather than directly.`,
    `Analysts estimate that about ${n} billion dollars of annual sales could be affected, though most expect ${c.firm} to redirect part of that volume to other markets.`,
    `The review covers ${c.topic}, a category that accounts for a growing share of spending by cloud providers building data centres for artificial intelligence.`,
  ];
  return c.r.pick(forms);
}

/** Story `index` of the corpus seeded with `seed`: 15 to 25 paragraphs, five to eight quotes. */
export function generateStory(seed: number, index: number): StorySpec {
  const r = seeded(mix(seed, index));
  const people = r.shuffle(PEOPLE).slice(0, 3);
  const c: Ctx = {
    r,
    i: index,
    firm: r.pick(FIRMS),
    rival: r.pick(FIRMS),
    policy: r.pick(POLICIES),
    chip: r.pick(CHIPS),
    topic: r.pick(TOPICS),
    agency: r.pick(AGENCIES),
    place: r.pick(PLACES),
    people,
    quotes: [],
    lastNamed: null,
    introduced: new Set(),
  };
  if (c.rival === c.firm)
    c.rival = FIRMS[(FIRMS.indexOf(c.firm as (typeof FIRMS)[number]) + 1) % FIRMS.length]!;
  const day = r.pick(WEEKDAYS);
  const lead = `${c.firm} said on ${day} that it would ${r.pick(['pause', 'expand', 'restructure', 'review'])} its work on ${c.topic} after ${c.agency} signalled changes to ${c.policy}, a move that could shift orders worth about ${r.range(2, 60)} billion dollars, analysts said.`;
  const paragraphs = [lead];
  const length = r.range(14, 24);
  let k = 0;
  while (paragraphs.length < length) {
    // Roughly one paragraph in three quotes someone, never two quote paragraphs by pronoun in a row.
    if (paragraphs.length > 1 && r.chance(0.38)) paragraphs.push(quoteParagraph(c, k++));
    else paragraphs.push(proseParagraph(c));
  }
  if (k < 4) for (; k < 4; ) paragraphs.splice(2 + k, 0, quoteParagraph(c, k++));
  paragraphs.push(
    `${c.firm} and ${c.rival} declined to comment further on ${c.policy} or on their plans for ${c.topic}.`,
  );
  const start = Date.UTC(2026, 10, 1);
  const publishedAt = new Date(start + index * 17 * 60_000 + r.int(3_600_000)).toISOString();
  return {
    index,
    title: `${c.firm} ${r.pick(['weighs', 'rethinks', 'accelerates', 'pauses'])} ${c.topic} plans as ${c.policy} ${r.pick(['tighten', 'shift', 'loom', 'take shape'])}`,
    dek: `${c.agency.charAt(0).toUpperCase()}${c.agency.slice(1)} is reviewing rules that could reshape ${c.topic}; ${c.rival} is watching closely.`,
    byline: `By ${r.pick(PEOPLE).name}`,
    publishedAt,
    paragraphs,
    quotes: c.quotes,
    firm: c.firm,
    policy: c.policy,
    chip: c.chip,
  };
}
