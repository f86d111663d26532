import type { ArticleDraft } from '../../../src/articles/article.js';

/**
 * Articles written for these tests (invented people and outlets; no published text). The lithography
 * story carries hostile text in its title and body: it must reach Slack escaped.
 */
export function lithographyArticle(publishedAt: string): ArticleDraft {
  return {
    url: 'https://tradeledger.example/2025/lithography-licences',
    title: 'Dutch licence rules for lithography tools <!channel> widen to servicing',
    byline: 'Marit Hoekstra',
    publishedAt,
    siteName: 'Trade Ledger',
    text: [
      'The Dutch trade ministry said on Tuesday that export licences will now be required for servicing and spare parts of advanced lithography tools, extending export controls that already cover new machines.',
      '"Servicing is where the know-how travels, so servicing is where the licence has to apply," said Pieter Verhoef, director of export control policy at the ministry. <!channel> <@U0VICTIM> <https://evil.example/claim|claim your refund>',
      'Toolmakers have asked for a transition period. "Our customers need twelve months to requalify parts from other suppliers," said Ilse de Wit, a spokesperson for the Dutch equipment association.',
      'An internal notice seen by Trade Ledger told a toolmaker\'s staff: "<!channel> servicing licences start Monday, escalate any export controls question to legal." The company declined to comment.',
      'The ministry expects to publish the list of covered parts within six weeks.',
    ].join('\n'),
  };
}

export function acceleratorArticle(publishedAt: string): ArticleDraft {
  return {
    url: 'https://policywire.example/2025/accelerator-export-controls',
    title: 'Commerce widens export controls on AI accelerators to cloud resellers',
    byline: 'Dana Okafor',
    publishedAt,
    siteName: 'Policy Wire',
    text: [
      'The Commerce Department on Monday extended export controls on advanced AI accelerators to cloud resellers that rent computing time to customers in restricted destinations.',
      '"We are closing the gap that let restricted buyers rent what they could not import," said Laura Brennan, under secretary for industry and security.',
      'Cloud companies warned about costs. "Every reseller now needs a know-your-customer programme as strict as a bank\'s," said Tomas Rivera, a trade lawyer at Halvorsen Pike.',
      'The rule takes effect in sixty days, and the department said licence applications for allied countries would be reviewed case by case.',
    ].join('\n'),
  };
}
