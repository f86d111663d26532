import type { FeedItem } from '../../src/articles/feed.js';
import type { ErrorCode } from '../../src/errors.js';
import type { AnalysedDraft } from '../../src/ingest/analyse-draft.js';
import type { HostileServer } from './server.js';

/** Where a case's input lives: a route on the hostile server, a temp file, or a literal. */
export interface CaseEnv {
  server: HostileServer;
  /** Temp folder for file inputs. */
  dir: string;
}

/** A page-like input: goes through extract, ingest, digest and both adapters. */
export interface PageCase {
  kind: 'page';
  name: string;
  input: (env: CaseEnv) => string;
  /** Error codes that count as a clear refusal, or 'result' when the input must be read. */
  expect: ErrorCode[] | 'result';
  /** Checks of a result beyond the common ones (verbatim quotes, safe rendering). */
  check?: (a: AnalysedDraft) => void;
  /** Brief this story with the fake model that obeys injected instructions. */
  llm?: boolean;
  /** Also run it through the real queue (enqueue + worker process). */
  queue?: boolean;
}

/** A feed: goes through feed loading (the poll job's first step). */
export interface FeedCase {
  kind: 'feed';
  name: string;
  input: (env: CaseEnv) => string;
  expect: ErrorCode[] | 'result';
  check?: (items: FeedItem[], env: CaseEnv) => void | Promise<void>;
  queue?: boolean;
}

export type HostileCase = PageCase | FeedCase;

/** A plain article page around `paragraphs` (already HTML). */
export function articlePage(title: string, paragraphs: string[], head = ''): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><nav><a href="/">Home</a> <a href="/policy">Policy</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article><footer>© 2026 Hostile Test Wire</footer></body></html>`;
}

/** Real-sounding filler paragraphs (written for these tests) so a page has a body worth keeping. */
export const FILLER = [
  'The Commerce Department said on Tuesday that it would widen its review of chipmaking equipment shipments, a step that analysts said could delay orders at several foundries.',
  'Industry groups have asked for a longer comment period, arguing that smaller suppliers need time to classify their products under the new rules.',
  'Officials declined to say how many licence applications were pending, but people familiar with the process said the backlog had grown since the summer.',
];

/** GBK bytes (no charset declared anywhere) of a page whose text is GBK_TEXT. */
export const GBK_HEX = [
  '3c68746d6c3e3c686561643e3c7469746c653ed0bec6acb3f6bfdab9dcd6c6d0c2b9e63c2f7469746c653e3c2f686561',
  '643e3c626f64793e3c61727469636c653e3c703ec3c0b9fac9cccef1b2bfd6dcb6feb1edcabea3acbdabbdf8d2bbb2bd',
  'cad5bdf4b6d4cfc8bdf8d0bec6acd6c6d4ecc9e8b1b8b5c4b3f6bfdab9dcd6c6a3acd0c2b9e6b6a8d4a4bcc6cfc2d4c2',
  'c9fad0a7a1a33c2f703e3c703eb7d6cef6c8cbcabfcbb5a3acd5e2d0a9b9e6b6a8bdabd3b0cfecb9fac4dabea7d4b2b3',
  'a7b5c4c0a9b2fabcc6bbaea3acb2bfb7d6c9e8b1b8b9a9d3a6c9ccd2d1beadbfaacabcb5f7d5fbb6a9b5a5a1a33c2f70',
  '3e3c2f61727469636c653e3c2f626f64793e3c2f68746d6c3e',
].join('');
export const GBK_TEXT = [
  '美国商务部周二表示，将进一步收紧对先进芯片制造设备的出口管制，新规定预计下月生效。',
  '分析人士说，这些规定将影响国内晶圆厂的扩产计划，部分设备供应商已经开始调整订单。',
];
/** Big5 bytes (no charset declared) of a page whose text is BIG5_TEXT. */
export const BIG5_HEX = [
  '3c68746d6c3e3c686561643e3c7469746c653ea562bec9c5e9a7deb34ea558a466bc66ac643c2f7469746c653e3c2f68',
  '6561643e3c626f64793e3c61727469636c653e3c703ea578c657b867c0d9b3a1b667a454aaeda5dca141b14ebc66ac64',
  'a562bec9c5e9a7deb34ea558a466aabab773b357a977a141acdbc3f6b77eaaccb6b7a662a454a451a4d1a4bab4a3a558',
  'b74ea8a3a1433c2f703e3c703eb77eacc9a448a468abfca558a141b36fb6b5b357a977a569afe0bc76c554b4b9b6eabc',
  '74a662aefca57eb35dbc74aabaaec9b57bbb50a448a47eac79b0caa1433c2f703e3c2f61727469636c653e3c2f626f64',
  '793e3c2f68746d6c3e',
].join('');
export const BIG5_TEXT = [
  '台灣經濟部週三表示，將審查半導體技術出口的新規定，相關業者須在三十天內提出意見。',
  '業界人士指出，這項規定可能影響晶圓廠在海外設廠的時程與人才流動。',
];
