import { describe, expect, it } from 'vitest';
import { clusterInputs } from '../../../src/stories/cluster.js';
import { compareSketches } from '../../../src/stories/match.js';
import { sketchInput } from '../../../src/stories/sketch.js';
import type { StoryInput } from '../../../src/stories/story-input.js';
import { quotesOf } from '../../support/story-corpus.js';

/**
 * One outlet's recurring format: the same sentences every time, a different firm, city, product, date
 * and figure in each. Their word shingles overlap as much as a lightly edited reprint's (Jaccard ~0.5),
 * but every name and number differs: different stories. A reprint of one of them keeps its names and
 * numbers and stays its story.
 */
interface Listing {
  firm: string;
  city: string;
  product: string;
  day: string;
  effective: string;
  count: number;
  customers: string;
  agent: string;
}

function listingStory(l: Listing): string {
  return [
    `The Commerce Department on ${l.day} added ${l.firm}, a ${l.city}-based maker of ${l.product}, to the Entity List, a step that requires American suppliers to obtain a license before shipping it any item subject to the Export Administration Regulations.`,
    `In a notice posted to the Federal Register, the department said ${l.firm} had acted contrary to the national security interests of the United States by supplying ${l.customers}. The listing takes effect on ${l.effective}, and license applications will be reviewed under a presumption of denial.`,
    `${l.firm} did not respond to a request for comment sent to its ${l.city} office outside business hours.`,
    `Lawyers who advise exporters said the notice followed the pattern of earlier listings and gave suppliers little time to wind down open orders. Shipments already in transit when the rule takes effect may still be delivered if they were loaded before the deadline.`,
    `The Entity List now names more than ${l.count} companies and research institutes in China, according to a tally kept by ${l.agent}.`,
  ].join('\n');
}

const LISTINGS: Listing[] = [
  {
    firm: 'Qinglan Photonics',
    city: 'Wuhan',
    product: 'laser diodes',
    day: 'Tuesday',
    effective: 'March 4',
    count: 940,
    customers: 'optical modules to military research institutes',
    agent: 'the trade consultancy Harlow Compliance',
  },
  {
    firm: 'Beiyu Vacuum Systems',
    city: 'Shenyang',
    product: 'deposition chambers',
    day: 'Thursday',
    effective: 'June 17',
    count: 1012,
    customers: 'spare parts to a listed memory maker through a trading house in Hong Kong',
    agent: 'the law firm Ostrander & Pike',
  },
  {
    firm: 'Nanxi Microsystems',
    city: 'Hefei',
    product: 'inspection software',
    day: 'Friday',
    effective: 'September 30',
    count: 1088,
    customers: 'defect-review tools to a state-backed logic foundry',
    agent: 'researchers at the Lindqvist Centre',
  },
];

const input = (id: string, text: string): StoryInput => ({
  id,
  url: `https://wire.example/${id}`,
  title: id,
  text,
  quotes: quotesOf(text),
  publishedAt: null,
});
const sketch = (i: StoryInput) => sketchInput(i).sketch;

describe('articles in one outlet format about different firms', () => {
  const stories = LISTINGS.map((l, i) => input(`listing-${i}`, listingStory(l)));

  it('share prose like a reprint does, but are different stories', () => {
    for (let i = 0; i < stories.length; i++) {
      for (let j = i + 1; j < stories.length; j++) {
        const c = compareSketches(sketch(stories[i]!), sketch(stories[j]!));
        expect(c.text).toBeGreaterThan(0.35);
        expect(c.same).toBe(false);
      }
    }
  });

  it('a trimmed reprint of one still joins it, and only it', () => {
    const paragraphs = listingStory(LISTINGS[1]!).split('\n');
    const reprint = input(
      'reprint',
      ['(Reporting by the Northgate Wire desk; editing by staff)', ...paragraphs.slice(0, 4)].join('\n'),
    );
    const { clusters } = clusterInputs([...stories, reprint]);
    expect(clusters).toHaveLength(3);
    const withReprint = clusters.find((c) => c.members.includes('reprint'))!;
    expect([...withReprint.members].sort()).toEqual(['listing-1', 'reprint']);
  });
});
