import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Answer, CommandContext } from '../src/answers/answer.js';
import { answerInbound } from '../src/answers/answer-inbound.js';
import type { AnswerServices } from '../src/answers/services.js';
import { rememberAnswer } from '../src/answers/thread-context.js';
import type { Article } from '../src/articles/article.js';
import { articleId, contentHash } from '../src/articles/identity.js';
import type { Mention } from '../src/entities/mention.js';
import { listEntities } from '../src/entities/resolve.js';
import type { InboundCommand } from '../src/ports.js';
import type { Quote } from '../src/quotes/quote.js';
import type { Store } from '../src/store/port.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { storyIdFor } from '../src/stories/story-id.js';
import { type Bench, type Figure, percentile } from './figure.js';
import { seeded } from './generate/rng.js';

/**
 * Answer latency over a store of 10,000 generated articles (stories with reprints and spun copies,
 * three quotes each), offline: firm, policy, who, speaker and free questions, and thread follow-ups.
 * The text is generated from templates (fiction, like examples/), seeded so every run stores the same.
 */

const NOW = new Date('2026-11-22T09:00:00.000Z');
const FIRST = [
  'Ada',
  'Bram',
  'Chen',
  'Dara',
  'Elif',
  'Femi',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Luca',
  'Mina',
  'Nils',
  'Oona',
  'Pavel',
  'Quinn',
  'Rhea',
  'Soren',
  'Tariq',
];
const LAST = [
  'Albrecht',
  'Bakker',
  'Castell',
  'Duarte',
  'Ekholm',
  'Farrow',
  'Gallo',
  'Hartley',
  'Iwata',
  'Jansen',
  'Kowal',
  'Lindqvist',
  'Moreau',
  'Novak',
  'Okafor',
  'Petrov',
  'Quiroga',
  'Rasmussen',
  'Sato',
  'Tanaka',
];
const ROLES = [
  'a senior fellow at the Halden Policy Institute',
  'principal analyst at Corvid Semiconductor Research',
  'a trade lawyer in Brussels',
  'a former export-control official',
  'an equipment analyst at Marlow Securities',
  'director of the Tidewater Chip Forum',
];
const TOPICS = [
  'etch tools',
  'HBM supply',
  'licence reviews',
  'fab subsidies',
  'gallium exports',
  'advanced packaging',
  'foundry capacity',
  'AI accelerators',
  'mature-node pricing',
  'servicing bans',
  'supply chains',
  'data center exports',
];
const SITES = [
  'The Foundry Ledger',
  'Evening Circuit',
  'Capitol Trade Report',
  'Pacific Wire',
  'Copysite Daily',
  'Tidewater Tech News',
];
const SWAPS: [RegExp, string][] = [
  [/\bsaid\b/g, 'stated'],
  [/\bcompany\b/g, 'firm'],
  [/\bbig\b/g, 'large'],
  [/\bshows\b/g, 'displays'],
  [/\bexpects\b/g, 'anticipates'],
];

interface Spec {
  article: Article;
  quotes: Quote[];
  mentions: Mention[];
}

/** One story's original: eight paragraphs about a firm, a policy and a topic, with three quotes. */
function storyText(r: () => number, i: number, firms: string[], policies: string[], people: string[]) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const firm = pick(firms);
  const other = pick(firms);
  const policy = pick(policies);
  const topic = pick(TOPICS);
  const speakers = [pick(people), pick(people), pick(people)];
  const roles = speakers.map(() => pick(ROLES));
  const n = 10 + (i % 90);
  const quoteTexts = [
    `The ${topic} question is now a ${policy} question, and ${firm} knows it,`,
    `Nobody at ${other} expects the rules on ${topic} to loosen before ${2027 + (i % 3)},`,
    `Case ${i} shows how much of the big picture depends on ${n} licences that few people read,`,
  ];
  const paras = [
    `${firm} said on Tuesday that it would expand work on ${topic} after officials signalled changes to ${policy}, a move that analysts said could shift orders worth about ${n} billion dollars.`,
    `The company expects the review of ${topic} to take several months, according to people familiar with the matter, and ${other} is weighing a similar step.`,
    `"${quoteTexts[0]}" said ${speakers[0]}, ${roles[0]}.`,
    `Officials have not said how ${policy} will apply to ${topic} at smaller suppliers, and industry groups have asked for a comment period of ${n} days.`,
    `"${quoteTexts[1]}" said ${speakers[1]}, ${roles[1]}.`,
    `Shipments tied to ${topic} rose ${n % 17} percent last quarter, customs data shows, while prices for older parts fell.`,
    `"${quoteTexts[2]}" said ${speakers[2]}, ${roles[2]}.`,
    `${firm} and ${other} declined to comment further on ${policy} or on their plans for ${topic} in case ${i}.`,
  ];
  return {
    firm,
    other,
    policy,
    topic,
    speakers,
    roles,
    quoteTexts,
    text: paras.join('\n'),
    title: `${firm} expands ${topic} work as ${policy} shifts (${i})`,
  };
}

function buildSpecs(total: number): Spec[] {
  const r = seeded(20261122).next;
  const firms = listEntities('firm')
    .map((e) => e.canonical)
    .slice(0, 40);
  const policies = listEntities('policy').map((e) => e.canonical);
  const people = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
  const out: Spec[] = [];
  for (let i = 0; out.length < total; i++) {
    const s = storyText(r, i, firms, policies, people);
    const copies = 1 + Math.floor(r() * 4);
    const day = Math.floor(r() * 180);
    for (let k = 0; k < copies && out.length < total; k++) {
      const text = k === 0 || k % 2 === 1 ? s.text : SWAPS.reduce((t, [re, w]) => t.replace(re, w), s.text);
      const url = `https://${SITES[(i + k) % SITES.length]!.toLowerCase().replace(/\s+/g, '-')}.example/${i}/${k}`;
      const at = new Date(NOW.getTime() - day * 86_400_000 + k * 3_600_000).toISOString();
      const article: Article = {
        id: articleId(url, text),
        url,
        title: s.title,
        byline: null,
        siteName: SITES[(i + k) % SITES.length]!,
        publishedAt: at,
        fetchedAt: at,
        text,
        contentHash: contentHash(text),
        sourceId: null,
        storyId: storyIdFor(
          articleId(
            `https://${SITES[i % SITES.length]!.toLowerCase().replace(/\s+/g, '-')}.example/${i}/0`,
            s.text,
          ),
        ),
      };
      const quotes: Quote[] = s.quoteTexts.map((q, j) => {
        const start = text.indexOf(q);
        return {
          id: `q${j}`,
          start,
          end: start + q.length,
          text: q,
          speaker: { name: s.speakers[j]!, role: s.roles[j]!, kind: 'person' },
          cue: 'said',
          verified: true,
        };
      });
      const mention = (kind: Mention['kind'], canonical: string): Mention => ({
        kind,
        canonical,
        surface: canonical,
        start: Math.max(0, text.indexOf(canonical)),
        count: 2,
      });
      const mentions = [
        mention('firm', s.firm),
        mention('policy', s.policy),
        ...s.speakers.map((p) => mention('person', p)),
      ];
      if (s.other !== s.firm) mentions.push(mention('firm', s.other));
      out.push({ article, quotes, mentions: dedupe(mentions) });
    }
  }
  return out;
}

function dedupe(ms: Mention[]): Mention[] {
  return [...new Map(ms.map((m) => [`${m.kind}:${m.canonical}`, m])).values()];
}

/** Stores `total` generated articles with their quotes, mentions and stories; returns the story count. */
export async function fillStore(store: Store, total: number): Promise<number> {
  const stories = new Map<string, Article[]>();
  for (const s of buildSpecs(total)) {
    await store.putArticle(s.article, s.quotes, s.mentions);
    stories.set(s.article.storyId!, [...(stories.get(s.article.storyId!) ?? []), s.article]);
  }
  for (const [id, members] of stories) {
    const first = members[0]!;
    const last = members[members.length - 1]!;
    await store.putStory({
      id,
      canonicalArticleId: first.id,
      firstSeen: first.publishedAt!,
      lastSeen: last.publishedAt!,
    });
  }
  return stories.size;
}

function command(text: string, threadRef: string | null): InboundCommand {
  const ctx: CommandContext = {
    platform: 'slack',
    workspaceId: 'T',
    channelId: 'C',
    userId: 'U',
    threadRef,
    isAdmin: false,
  };
  return {
    text,
    followUp: threadRef !== null,
    ctx,
    target: { platform: 'slack', channelId: 'C', threadRef, via: {} },
    receivedAt: NOW.toISOString(),
    eventId: text,
  };
}

/** Runs the bench over `total` generated articles; returns the figures. */
export async function runAnswersBench(total = 10_000, runs = 300): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-answers-bench-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  try {
    const t0 = performance.now();
    const storyCount = await fillStore(store, total);
    const loadSeconds = (performance.now() - t0) / 1000;

    const services: AnswerServices = { store, llm: null, clock: { now: () => NOW } };
    const r = seeded(7).next;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const firms = listEntities('firm')
      .map((e) => e.canonical)
      .slice(0, 40);
    const policies = listEntities('policy').map((e) => e.canonical);
    const people = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));
    const questions: [string, () => string][] = [
      ['firm', () => `firm ${pick(firms)}`],
      ['policy', () => `policy ${pick(policies)}`],
      ['who', () => `who ${pick(TOPICS)}`],
      ['speaker', () => `ask what did ${pick(people)} say about ${pick(TOPICS)}?`],
      ['ask', () => `ask how are ${pick(TOPICS)} affecting ${pick(firms)}?`],
      ['empty', () => 'ask quantum annealing in Peru'],
    ];
    const samples: number[] = [];
    const cpu: number[] = [];
    const byKind = new Map<string, number[]>();
    const time = async (kind: string, fn: () => Promise<Answer>) => {
      const t = performance.now();
      const c = process.cpuUsage();
      await fn();
      const ms = performance.now() - t;
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      samples.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
    };
    for (let i = 0; i < 10; i++)
      await answerInbound(command(questions[i % questions.length]![1](), null), services);
    for (let i = 0; i < runs; i++) {
      const [kind, make] = questions[i % questions.length]!;
      if (i % 10 === 9) {
        // A two-turn thread: the follow-up reads the stored thread, answers, and stores its turn.
        const ref = `th${i}`;
        const first = await answerInbound(command(`ask what did ${pick(people)} say?`, null), services);
        await rememberAnswer(
          store,
          { platform: 'slack', channelId: 'C', threadRef: ref },
          first,
          NOW.toISOString(),
        );
        await time('follow-up', () =>
          answerInbound(command(`and what did he say about ${pick(TOPICS)}?`, ref), services),
        );
        continue;
      }
      await time(kind, () => answerInbound(command(make(), null), services));
    }
    const p95 = percentile(samples, 95);
    const round = (x: number) => Math.round(x * 10) / 10;
    const detail: Record<string, number | string> = {
      articles: total,
      stories: storyCount,
      runs: samples.length,
      p50: round(percentile(samples, 50)),
      p99: round(percentile(samples, 99)),
      loadSeconds: round(loadSeconds),
      // CPU time of the answering process: what the latency is when the machine is not shared.
      cpuP95: round(percentile(cpu, 95)),
      loadAverage: round(loadavg()[0] ?? 0),
    };
    for (const [k, v] of byKind) detail[`p95_${k}`] = round(percentile(v, 95));
    return [
      { name: 'answers.p95_10k', value: round(p95), unit: 'ms', budget: '< 150 ms', ok: p95 < 150, detail },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const bench: Bench = () => runAnswersBench();
export default bench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const total = Number(process.env.ANSWERS_BENCH_ARTICLES ?? 10_000);
  for (const f of await runAnswersBench(total)) console.log(JSON.stringify(f));
}
