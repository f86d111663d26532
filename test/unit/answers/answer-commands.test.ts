import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answers/answer.js';
import { answerCommand } from '../../../src/answers/answer-command.js';
import { parseCommand } from '../../../src/answers/parse-command.js';
import { normalizeText } from '../../../src/articles/identity.js';
import { manifest } from '../../fixtures/answers/corpus.js';
import { type CorpusStore, openCorpusStore, servicesFor } from '../../fixtures/answers/open-corpus.js';
import { ctx, expectEachQuoteOnce, expectWellFormed } from './answer-helpers.js';

let c: CorpusStore;
const ask = (text: string): Promise<Answer> => answerCommand(parseCommand(text), ctx, servicesFor(c.store));
const storyOf = (file: string): string => c.byFile.get(file)!.storyId!;
const urlOf = (file: string): string => c.byFile.get(file)!.url;

/** Ground truth: who said each quote, by its normalised words. */
const speakerOf = new Map(
  manifest().flatMap((e) => e.quotes.map((q) => [normalizeText(q.text), q.speaker] as const)),
);

beforeAll(async () => {
  c = await openCorpusStore();
});
afterAll(async () => {
  await c.store.close();
});

describe('firm', () => {
  it('resolves an alias and cites each story once, copies as "also reported by"', async () => {
    const a = await ask('firm Xinkailai');
    await expectWellFormed(c.store, a);
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('SiCarrier');
    const stories = a.citations.map((x) => x.storyId);
    expect(stories).toContain(storyOf('07-sicarrier-shenzhen-expo-tools.html'));
    expect(stories).toContain(storyOf('10-sicarrier-raises-state-capital.txt'));
    const expo = a.citations.find((x) => x.storyId === storyOf('07-sicarrier-shenzhen-expo-tools.html'))!;
    expect(expo.url).toBe(urlOf('07-sicarrier-shenzhen-expo-tools.html'));
    expect(expo.alsoReportedBy!.map((s) => s.url).sort()).toEqual(
      [urlOf('08-sicarrier-expo-reprint.txt'), urlOf('09-xinkailai-expo-spun.html')].sort(),
    );
    const urls = a.citations.map((x) => x.url);
    expect(urls).not.toContain(urlOf('09-xinkailai-expo-spun.html'));
    // Nothing unrelated: every cited story is about SiCarrier.
    for (const x of a.citations) {
      const art = await c.store.getArticle(x.articleId);
      expect(/SiCarrier|Xinkailai/.test(art!.text)).toBe(true);
    }
    expect(a.parts.some((p) => p.startsWith('Policy context:'))).toBe(true);
    expect(a.quotes.length).toBeGreaterThan(0);
    expectEachQuoteOnce(a);
  });

  it('gives the same stories for the canonical name and the alias', async () => {
    const byAlias = await ask('firm Xinkailai');
    const byName = await ask('firm sicarrier');
    expect(byName.citations.map((x) => x.storyId)).toEqual(byAlias.citations.map((x) => x.storyId));
  });

  it("lists the firm's stories newest first", async () => {
    const a = await ask('firm Huawei');
    const dates = a.citations.map((x) => x.publishedAt!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(a.citations.map((x) => x.storyId)).toContain(storyOf('26-huawei-ascend-smic-yields.txt'));
  });
});

describe('policy', () => {
  it('says what the policy is from the articles, with one source for original and reprint', async () => {
    const a = await ask('policy AI diffusion rule');
    await expectWellFormed(c.store, a);
    expect(a.title).toContain('AI Diffusion Rule');
    expect(a.parts[0]).toMatch(/^What it is: .*diffusion rule.* \[1\]$/i);
    expect(a.citations.map((x) => x.storyId)).toEqual([
      storyOf('22-ai-diffusion-replacement-framework.html'),
    ]);
    expect(a.citations[0]!.alsoReportedBy!.map((s) => s.url)).toEqual([
      urlOf('23-ai-diffusion-framework-reprint.txt'),
    ]);
    expect(
      a.quotes.every(
        (q) =>
          q.speaker.name === 'Talia Brennan' ||
          q.speaker.name === 'Omar Haddad' ||
          q.speaker.kind === 'unnamed',
      ),
    ).toBe(true);
  });

  it('lists developments in date order and who said what', async () => {
    const a = await ask('policy Entity List');
    await expectWellFormed(c.store, a);
    const dated = a.parts
      .filter((p) => /^\d{1,2} [A-Z][a-z]{2} \d{4}: /.test(p))
      .map((p) => Date.parse(p.split(':')[0]!));
    expect(dated.length).toBeGreaterThan(2);
    expect([...dated].sort((x, y) => x - y)).toEqual(dated);
    for (const x of a.citations) {
      const art = await c.store.getArticle(x.articleId);
      expect(/entity list/i.test(art!.text)).toBe(true);
    }
  });
});

describe('who (the quote index)', () => {
  it('returns each quote once with the right speaker, however many copies carry it', async () => {
    const a = await ask('who H200 licenses');
    await expectWellFormed(c.store, a);
    expectEachQuoteOnce(a);
    // Five copies of the licence story carry the same quotes: they come from one story, cited once.
    const h200 = storyOf('01-commerce-slows-nvidia-h200-licenses.html');
    expect(a.citations.filter((x) => x.storyId === h200)).toHaveLength(1);
    expect(a.quotes.length).toBeGreaterThanOrEqual(3);
    for (const q of a.quotes) expect(q.speaker.name).toBe(speakerOf.get(normalizeText(q.text)));
  });

  it('finds who said a claim, the claim first, with the other piece of a split quote', async () => {
    const a = await ask('who said a letter is not a rule?');
    expect(a.quotes[0]!.speaker.name).toBe('Dana Whitfield');
    expect(a.quotes[0]!.text).toBe('A letter is not a rule,');
    expect(a.quotes[1]!.text).toBe('and the department has a long queue of rules it has already promised.');
    expect(a.parts[1]).toMatch(/^Dana Whitfield \(partner at the trade law firm Calloway Pierce\): 2 quotes/);
  });

  it('groups quotes by speaker with role, date and source', async () => {
    const a = await ask('who lithography');
    await expectWellFormed(c.store, a);
    expectEachQuoteOnce(a);
    const order = a.quotes.map((q) => q.speaker.name);
    // A speaker's quotes are together.
    for (const name of new Set(order)) {
      const idx = order.flatMap((n, i) => (n === name ? [i] : []));
      expect(idx[idx.length - 1]! - idx[0]!).toBe(idx.length - 1);
    }
    for (const q of a.quotes) {
      expect(q.publishedAt).toBeTruthy();
      expect(q.speaker.role).toBeTruthy();
      expect(q.text.toLowerCase().includes('lithography') || q.n !== undefined).toBe(true);
    }
    expect(a.quotes.some((q) => q.speaker.name === 'Henrik Vos')).toBe(true);
  });
});

describe('ask', () => {
  it("answers what's new on a firm with its stories", async () => {
    const a = await ask("what's new on Huawei?");
    await expectWellFormed(c.store, a);
    expect(a.citations.map((x) => x.storyId)).toContain(storyOf('26-huawei-ascend-smic-yields.txt'));
  });

  it('counts a spun copy and its original as one source', async () => {
    const a = await ask('ask how are Huawei Ascend yields at SMIC?');
    await expectWellFormed(c.store, a);
    const story = storyOf('26-huawei-ascend-smic-yields.txt');
    expect(a.citations[0]!.storyId).toBe(story);
    expect(a.citations.filter((x) => x.storyId === story)).toHaveLength(1);
    expect(a.citations.map((x) => x.url)).not.toContain(urlOf('27-huawei-ascend-yields-spun.html'));
    expect(a.citations[0]!.alsoReportedBy!.map((s) => s.url)).toContain(
      urlOf('27-huawei-ascend-yields-spun.html'),
    );
    expectEachQuoteOnce(a);
  });

  it('cites only stories that are about the question', async () => {
    const a = await ask('what is the Section 232 chip tariff schedule?');
    await expectWellFormed(c.store, a);
    expect(a.citations.map((x) => x.storyId)).toEqual([storyOf('17-section-232-chip-tariff-schedule.html')]);
    expect(a.parts.every((p) => p.endsWith('[1]'))).toBe(true);
  });

  it('says plainly when nothing relevant is stored, suggests commands and pads with nothing', async () => {
    const a = await ask('quantum annealing subsidies in Peru');
    expect(a.kind).toBe('empty');
    expect(a.citations).toEqual([]);
    expect(a.quotes).toEqual([]);
    expect(a.parts[0]).toMatch(/found nothing/i);
    expect(a.suggestions.length).toBeGreaterThan(0);
  });
});

describe('help and digest', () => {
  it('answers unknown and empty commands with help, privately', async () => {
    for (const text of ['', 'help', 'frim Huawei', 'who', 'sources purge']) {
      const a = await ask(text);
      expect(a.kind).toBe('help');
      expect(a.visibility).toBe('ephemeral');
      expect(a.parts.join('\n')).toContain('/chipbrief who');
    }
    expect((await ask('frim Huawei')).parts[0]).toContain('did you mean `firm`');
  });

  it('delegates digest to the caller with the last posted digest', async () => {
    const none = await ask('digest');
    expect(none.kind).toBe('empty');
    const story = storyOf('17-section-232-chip-tariff-schedule.html');
    await c.store.claimDigest({
      id: 'digest:slack:C1:2026-11-21',
      platform: 'slack',
      channelId: 'C1',
      date: '2026-11-21',
      storyIds: [story],
    });
    await c.store.markDigestPosted('digest:slack:C1:2026-11-21', '1700000000.000100', '2026-11-21T08:00:00Z');
    const a = await ask('digest');
    expect(a).toMatchObject({
      kind: 'digest',
      digestId: 'digest:slack:C1:2026-11-21',
      storyIds: [story],
      visibility: 'channel',
    });
  });
});
