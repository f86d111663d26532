import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanParagraphs } from '../../../src/articles/boilerplate.js';

// Story paragraphs written for these tests.
const LEAD =
  'The Commerce Department on Tuesday widened its licence requirement for advanced AI chips to a dozen more countries that officials describe as transit points.';
const SECOND =
  'Exporters will have 60 days to apply for licences covering orders already in transit, according to the notice published in the Federal Register.';

/** Each boilerplate kind, as it appears on real pages, between two story paragraphs. */
const BOILERPLATE: Array<[string, string]> = [
  ['player', 'Play Live Radio'],
  ['player', 'Next Up:'],
  ['player', 'Next Up: Morning Edition'],
  ['player', '0:00'],
  ['player', 'Listen · 3:45'],
  ['player', 'Listen 12:04'],
  ['navigation', 'Skip to main content'],
  ['navigation', 'Home'],
  ['navigation', 'Share this article'],
  ['navigation', 'Advertisement'],
  ['navigation', 'Image 3 of 9'],
  ['credit', 'Photo: Jordan Ellis/Getty Images'],
  ['credit', '(Image credit: Ministry of Economic Affairs)'],
  ['credit', 'Image copyright Getty Images'],
  ['caption', 'Image caption Workers in clean-room suits at an existing plant'],
  ['caption', 'Wafers are inspected at a fab in Hsinchu. (AP Photo/Chen Wei)'],
  ['caption', 'A lithography scanner during final assembly. Credit: Company handout'],
  ['caption', 'Trade ministers meet in Tokyo on Monday. Kenji Sato | Bloomberg | Getty Images'],
  [
    'caption',
    'FILE PHOTO: A logo is seen at a chip plant in Dresden, Germany, May 2, 2025. REUTERS/Anna Berg',
  ],
  ['copyright', '© 2025 Harbor Public Radio'],
  ['copyright', 'Copyright 2025 Example Media Group. All rights reserved.'],
  ['copyright', 'The contents of this site are ©2025 Example Publishing Corp.'],
  ['tax id', 'EIN 12-3456789'],
  ['tax id', 'Harbor Public Radio is a 501(c)(3) nonprofit organization. EIN 12-3456789'],
  ['tax id', 'The Chip Policy Institute is a registered 501(c)(3) organization.'],
  ['promo', 'Sign up for our newsletter'],
  ['promo', 'Get the latest updates right in your inbox. Subscribe to our newsletters.'],
  ['promo', 'Click here to subscribe to The Fab Brief'],
  ['promo', 'Read more: Dutch tool makers brace for new licences'],
  ['promo', 'Related: Five things to know about the chip rules'],
  ['promo', 'Follow us on Twitter and Facebook.'],
  ['promo', 'This website uses cookies to improve your experience.'],
  ['teaser', 'Dutch tool makers brace for new licences [VIDEO]'],
  ['teaser', 'Chip stocks slide as rules bite [INSIGHT]|'],
  ['byline', 'By Mara Lindqvist'],
  ['byline', 'By Mara Lindqvist and Tomas Herrera - November 4, 2025'],
  ['byline', 'By Anna Berg, Reuters'],
  ['byline', 'By Anna Berg - 11/18/25 11:04 PM EST'],
  ['date', 'Published 4:00 am CST, Wednesday, November 5, 2025'],
  ['date', 'Nov. 5, 2025, 9:28 AM UTC'],
  ['date', 'Updated 2 hours ago'],
  ['agency credit', 'Reporting by Anna Berg; Editing by Mark Cole'],
  ['agency credit', 'Associated Press writer Li Wen contributed to this report.'],
];

describe('cleanParagraphs: boilerplate is removed', () => {
  it.each(BOILERPLATE)('%s: %s', (_kind, line) => {
    expect(cleanParagraphs([LEAD, line, SECOND])).toEqual([LEAD, SECOND]);
  });

  it('drops "Leave a Reply" and everything after it', () => {
    const out = cleanParagraphs([
      LEAD,
      SECOND,
      'Leave a Reply',
      'Your email address will not be published.',
      'Name *',
      'Great reporting, thanks for this long and detailed article about licences.',
    ]);
    expect(out).toEqual([LEAD, SECOND]);
  });

  it('drops "Source link" and everything after it', () => {
    expect(cleanParagraphs([LEAD, 'Source link', SECOND])).toEqual([LEAD]);
  });

  it('drops the caption above "toggle caption" and its credit', () => {
    const out = cleanParagraphs([
      LEAD,
      'Construction cranes stand over the factory site.',
      'toggle caption',
      'Lena Fischer/Getty Images',
      SECOND,
    ]);
    expect(out).toEqual([LEAD, SECOND]);
  });

  it('keeps a long story paragraph above a stray "toggle caption"', () => {
    const long = `${LEAD} ${SECOND}`;
    expect(cleanParagraphs([long, 'toggle caption', SECOND])).toEqual([long, SECOND]);
  });

  it('drops author bios and contact lines after the story', () => {
    const out = cleanParagraphs([
      LEAD,
      SECOND,
      'Mara Lindqvist is a reporter covering trade and technology for Harbor Public Radio.',
      'Follow her on Twitter @maral.',
      'Sign up for our newsletter',
    ]);
    expect(out).toEqual([LEAD, SECOND]);
  });
});

/** Story paragraphs that look like boilerplate: each must survive. */
const LOOKALIKES: Array<[string, string]> = [
  [
    'copyright law',
    'Industry lawyers said the rule raises questions under copyright law, because some chip designs are licensed as software.',
  ],
  [
    'copyright word first',
    'Copyright disputes over chip layouts are rare, the court noted, because mask works have their own protection.',
  ],
  ['photo', 'A photo released by the department showed seized server racks stacked in a customs warehouse.'],
  [
    'photo first',
    'Photos of the smuggled servers circulated on social media before the ministry confirmed the seizure.',
  ],
  [
    'subscribe in a quote',
    '"We don\'t subscribe to the idea that controls alone will slow China down," said Priya Natarajan.',
  ],
  [
    'newsletter in a quote',
    '"Sign up for the newsletter and you will see what I mean," the analyst joked, holding up her phone.',
  ],
  ['short sentence', 'Chipmaker shares fell.'],
  ['short quote', '"We will comply," he said.'],
  [
    'nonprofit in prose',
    'The Semiconductor Policy Forum, which is a 501(c)(3) charity funded partly by chipmakers, said the rule went too far.',
  ],
  ['by and a weekday in prose', 'By Tuesday, the ministry had received 40 licence applications.'],
  [
    'by in prose',
    "By 2027, the ministry expects domestic fabs to supply half of the country's mature-node chips.",
  ],
  [
    'reporter in prose',
    'Li Wei is a former reporter for a state newspaper who now advises chip firms on compliance.',
  ],
  ['date words in prose', 'On November 5 the ministry will publish a list of approved suppliers.'],
  [
    'listen in prose',
    'Listen to the engineers, the report argues, and the export rules look very different.',
  ],
  [
    'related in prose',
    'Related measures in Japan and the Netherlands are expected before the end of the year.',
  ],
];

describe('cleanParagraphs: story paragraphs that look like boilerplate are kept', () => {
  it.each(LOOKALIKES)('%s', (_kind, line) => {
    expect(cleanParagraphs([LEAD, line, SECOND])).toEqual([LEAD, line, SECOND]);
  });

  it('keeps a reporter-like sentence in the middle of the story', () => {
    const line = 'Li Wei is a former reporter who now advises chip firms.';
    expect(cleanParagraphs([LEAD, line, SECOND])).toEqual([LEAD, line, SECOND]);
  });

  it('keeps a short closing sentence', () => {
    expect(cleanParagraphs([LEAD, SECOND, 'The rule takes effect in 30 days.'])).toEqual([
      LEAD,
      SECOND,
      'The rule takes effect in 30 days.',
    ]);
  });
});

describe('cleanParagraphs: invariants', () => {
  it('returns a subsequence of the trimmed input lines, never altered text', () => {
    const pool = [LEAD, SECOND, ...BOILERPLATE.map(([, l]) => l), ...LOOKALIKES.map(([, l]) => l), '', '   '];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pool), fc.string()), { maxLength: 30 }), (input) => {
        const out = cleanParagraphs(input);
        const trimmed = input.map((l) => l.replace(/\s+/g, ' ').trim());
        let j = 0;
        for (const line of out) {
          while (j < trimmed.length && trimmed[j] !== line) j++;
          expect(j).toBeLessThan(trimmed.length);
          j++;
        }
      }),
    );
  });
});
