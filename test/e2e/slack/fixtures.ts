import type { Article } from '../../../src/articles/article.js';
import type { Store } from '../../../src/store/port.js';
import { acceleratorArticle, lithographyArticle } from './corpus.js';
import { seedArticle } from './seed.js';

export const QUOTES = {
  verhoef: 'Servicing is where the know-how travels, so servicing is where the licence has to apply',
  deWit: 'Our customers need twelve months to requalify parts from other suppliers',
  brennan: 'We are closing the gap that let restricted buyers rent what they could not import',
  notice: '<!channel> servicing licences start Monday, escalate any export controls question to legal.',
  rivera: "Every reseller now needs a know-your-customer programme as strict as a bank's",
};

const exportControls = { kind: 'policy' as const, canonical: 'Export controls', surface: 'export controls' };

/** The lithography story (hostile text inside), stored as of `at`. */
export function seedLithography(store: Store, at: string): Promise<Article> {
  return seedArticle(
    store,
    lithographyArticle(at),
    [
      {
        text: QUOTES.verhoef,
        speaker: {
          name: 'Pieter Verhoef',
          role: 'director of export control policy at the ministry',
          kind: 'person',
        },
      },
      {
        text: QUOTES.deWit,
        speaker: {
          name: 'Ilse de Wit',
          role: 'a spokesperson for the Dutch equipment association',
          kind: 'person',
        },
      },
      {
        text: QUOTES.notice,
        speaker: { name: null, role: "an internal notice to a toolmaker's staff", kind: 'unnamed' },
      },
    ],
    [exportControls, { kind: 'chip', canonical: 'Lithography', surface: 'lithography' }],
    at,
  );
}

/** The AI-accelerator story, stored as of `at`. */
export function seedAccelerators(store: Store, at: string): Promise<Article> {
  return seedArticle(
    store,
    acceleratorArticle(at),
    [
      {
        text: QUOTES.brennan,
        speaker: { name: 'Laura Brennan', role: 'under secretary for industry and security', kind: 'person' },
      },
      {
        text: QUOTES.rivera,
        speaker: { name: 'Tomas Rivera', role: 'a trade lawyer at Halvorsen Pike', kind: 'person' },
      },
    ],
    [exportControls, { kind: 'chip', canonical: 'AI accelerators', surface: 'AI accelerators' }],
    at,
  );
}

/** Text a reader sees in a captured message body: block texts with Slack's escapes decoded. */
export function visibleText(body: Record<string, unknown>): string {
  const blocks = Array.isArray(body.blocks) ? (body.blocks as Record<string, unknown>[]) : [];
  return blocks
    .flatMap((b) => {
      const t = b.text as { text?: string } | undefined;
      const els = b.elements as { text?: string }[] | undefined;
      return [t?.text ?? '', ...(els ?? []).map((e) => e.text ?? '')];
    })
    .join('\n')
    .replace(/\u200b/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Raw mrkdwn of a captured message body (what Slack parses), fallback text included. */
export function rawText(body: Record<string, unknown>): string {
  return `${String(body.text ?? '')}\n${JSON.stringify(body.blocks ?? [])}`;
}
