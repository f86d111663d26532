import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bylinesAround, SCAN_INTERNALS } from '../../../src/articles/byline-scan.js';
import type { DomDocument, DomElement } from '../../../src/articles/dom.js';
import { htmlToDraft } from '../../../src/articles/html-to-article.js';
import { mainContainer, mainContainerScope, pruneTo } from '../../../src/articles/main-container.js';
import { LinkedomReadability } from '../../../src/articles/readability-linkedom.js';

const STORY = [
  'The commerce ministry said on Monday it would extend its review of lithography export licences to cover servicing contracts, a step that widens the rules beyond the sale of new tools.',
  'Officials described the change as a clarification. Equipment makers read it differently: service engineers keep installed scanners running, and a licence for every visit would slow fabs that already hold approved machines.',
  'Under the draft, a supplier would need approval before sending spare parts or software updates to a listed fab. Existing contracts would be honoured for ninety days while applications are processed.',
  'Industry groups asked for a longer transition. They argued that a three-month window is too short for fabs that plan maintenance a year ahead and that the ministry has not said how many staff will handle the applications.',
  'The ministry expects to publish the final text in the spring, after a consultation that closes at the end of February.',
  'Two of the largest tool suppliers have already told customers to expect delays. One said its field teams would prioritise fabs whose licences cover servicing explicitly, while it seeks written guidance for the rest.',
  'Analysts who follow the sector said the measure matters more for older production lines than for leading-edge ones, because mature fabs depend on a steady flow of refurbished parts that change hands several times.',
  'The consultation asks whether remote diagnostics, which let a supplier inspect a scanner without sending anyone on site, should count as servicing. Several respondents are expected to argue that they should not.',
];

const teaser = (i: number) =>
  `<div class="card"><h3><a href="/t/${i}">Packaging plant ${i} breaks ground</a></h3><p>A short summary of story ${i} about advanced packaging capacity.</p></div>`;

function page(opts: { bylineBefore?: string; bylineAfter?: string; meta?: boolean } = {}): string {
  const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join('');
  return `<!DOCTYPE html><html><head><title>Servicing contracts join export review | Fab Ledger</title>
${opts.meta ? '<meta name="author" content="Meta Author">' : ''}</head><body>
<header class="site-header"><nav><ul>${nav}</ul></nav></header>
<main><div class="story-head"><h1>Servicing contracts join export review</h1>
${opts.bylineBefore ? `<div class="byline">${opts.bylineBefore}</div>` : ''}</div>
<article class="story"><div class="lede"><p>${STORY[0]}</p></div>
<div class="article-body">${STORY.slice(1)
    .map((p) => `<p>${p}</p>`)
    .join('\n')}</div></article>
${opts.bylineAfter ? `<div class="author-name">${opts.bylineAfter}</div>` : ''}
<section class="more"><div class="grid">${Array.from({ length: 8 }, (_, i) => teaser(i)).join('')}</div></section></main>
<footer class="site-footer"><p>Fab Ledger, all rights reserved.</p></footer></body></html>`;
}

function doc(html: string): DomDocument {
  return parseHTML(html).document as unknown as DomDocument;
}

function readabilityOf(d: DomDocument) {
  return new LinkedomReadability<string>(d as never).parse();
}

describe('mainContainer', () => {
  it('finds the element holding the story paragraphs when no other block of prose competes', () => {
    const main = mainContainer(doc(page()));
    expect(main?.getAttribute('class')).toBe('article-body');
  });

  it('finds none when two elements hold comparable prose', () => {
    const twoColumns = `<html><body><div id="a">${STORY.slice(0, 3)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div><div id="b">${STORY.slice(2)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></body></html>`;
    expect(mainContainer(doc(twoColumns))).toBeNull();
  });

  it('finds none when the paragraphs are too short to be an article', () => {
    expect(mainContainer(doc(`<html><body><div><p>${STORY[4]}</p></div></body></html>`))).toBeNull();
  });

  it('scopes to the container with its parent, so a lead paragraph set apart stays in view', () => {
    expect(mainContainerScope(doc(page()))?.getAttribute('class')).toBe('story');
  });
});

describe('pruneTo', () => {
  it('keeps only the scope and its ancestors', () => {
    const d = doc(page());
    const scope = mainContainerScope(d)!;
    pruneTo(d.body!, scope);
    const text = d.body!.textContent ?? '';
    expect(text).toContain(STORY[0]);
    expect(text).toContain(STORY[4]);
    expect(text).not.toContain('Section 3');
    expect(text).not.toContain('Packaging plant');
    expect(text).not.toContain('all rights reserved');
  });

  it('leaves Readability the same article as the whole page gives it', () => {
    const whole = readabilityOf(doc(page()));
    const d = doc(page());
    pruneTo(d.body!, mainContainerScope(d)!);
    const pruned = readabilityOf(d);
    expect(pruned?.textContent?.length).toBeGreaterThan(800);
    expect(pruned?.textContent).toBe(whole?.textContent);
  });
});

describe('bylines around the scope', () => {
  it('exist as Readability internals', () => {
    const proto = Readability.prototype as unknown as Record<string, unknown>;
    for (const name of SCAN_INTERNALS) expect(typeof proto[name]).toBe('function');
  });

  it.each([
    ['before', { bylineBefore: 'By Jane Roe' }, 'By Jane Roe'],
    ['after', { bylineAfter: 'Tomas Vidal' }, 'Tomas Vidal'],
  ])('a byline %s the main container is the one Readability finds on the whole page', (_, opts, want) => {
    const html = page(opts);
    expect(readabilityOf(doc(html))?.byline).toBe(want);
    expect(htmlToDraft(html, 'https://fab.example/servicing').byline).toBe(want);
  });

  it('reports the first byline on each side without changing the document', () => {
    const d = doc(page({ bylineBefore: 'By Jane Roe', bylineAfter: 'Tomas Vidal' }));
    const before = d.body!.textContent;
    const reader = new LinkedomReadability<DomElement>(d as never);
    const scope = mainContainerScope(d)!;
    expect(bylinesAround(reader, d, scope)).toEqual({ before: 'By Jane Roe', after: null });
    expect(d.body!.textContent).toBe(before);
    const d2 = doc(page({ bylineAfter: 'Tomas Vidal' }));
    const reader2 = new LinkedomReadability<DomElement>(d2 as never);
    expect(bylinesAround(reader2, d2, mainContainerScope(d2)!)).toEqual({
      before: null,
      after: 'Tomas Vidal',
    });
  });

  it('leaves the byline to the metadata when the page declares one', () => {
    const html = page({ bylineBefore: 'By Jane Roe', meta: true });
    expect(htmlToDraft(html, 'https://fab.example/servicing').byline).toBe('Meta Author');
  });
});
