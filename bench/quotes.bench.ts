import { pathToFileURL } from 'node:url';
import { tagEntities } from '../src/entities/tag-entities.js';
import { extractQuotes } from '../src/quotes/extract-quotes.js';
import { type Bench, type Figure, percentile, timeRuns } from './figure.js';
import { seeded } from './generate/rng.js';

const PEOPLE = [
  ['Maria Kowalczyk', 'a senior fellow at a Washington think tank', 'she'],
  ['Zhang Hengming', 'an analyst at ICwise', 'he'],
  ['Jack Gold', 'principal analyst at J.Gold Associates', 'he'],
  ['Chen Ying', 'general manager of a Shenzhen chip distributor', 'she'],
  ['Ryan Castillo', 'a Commerce Department official', 'he'],
  ['Priya Raman', 'founder of a Bangalore design startup', 'she'],
] as const;

const FIRMS = [
  'Nvidia',
  'AMD',
  'TSMC',
  'SMIC',
  'Huawei',
  'ASML',
  'Applied Materials',
  'Lam Research',
  'Tokyo Electron',
  'Samsung',
  'SK Hynix',
  'Micron',
  'Cambricon',
  'Xiaomi',
  'Arm',
];
const POLICIES = [
  'export controls',
  'the Entity List',
  'the foreign direct product rule',
  'tariffs',
  'the CHIPS Act',
  'licence requirements',
  'the Big Fund',
  'subsidies',
];
const CHIPS = ['H20', 'H200', 'Blackwell', 'Ascend 910C', 'Kirin 9000S', 'MI308', 'A100', 'XRing O1'];
const CLAIMS = [
  'the rules will not stop determined buyers',
  'demand for older chips is still rising',
  'nobody in the industry expected the timing',
  'the licences are being reviewed case by case',
  'customers are stockpiling ahead of the deadline',
  'enforcement is the weak point of the whole system',
];

/**
 * A realistic ~10,000-word article: narrative paragraphs naming firms, policies and chips; quotes with
 * cues before, after and split; pronouns, surnames, unnamed sources, organisations, scare quotes and
 * multi-paragraph quotes.
 */
export function generateArticle(words = 10_000, seed = 7): string {
  // Seeded, so every run measures the same article.
  const r = seeded(seed).next;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const paras: string[] = [];
  let count = 0;
  let lastSpeaker: (typeof PEOPLE)[number] | null = null;
  while (count < words) {
    const firm = pick(FIRMS);
    const policy = pick(POLICIES);
    const chip = pick(CHIPS);
    const p = pick(PEOPLE);
    const surname =
      p[0].includes('Zhang') || p[0].includes('Chen') ? p[0].split(' ')[0] : p[0].split(' ').pop();
    const claim = pick(CLAIMS);
    let para: string;
    switch (Math.floor(r() * 9)) {
      case 0:
        para = `${firm} said on Tuesday that ${policy} would affect sales of its ${chip} processors in China, a market that accounted for about a fifth of revenue last year. The so-called "chokepoint" approach has widened steadily since 2022.`;
        break;
      case 1:
        para = `${p[0]}, ${p[1]}, said: "${claim[0]!.toUpperCase()}${claim.slice(1)}. We have seen this before with ${chip}."`;
        lastSpeaker = p;
        break;
      case 2:
        para = lastSpeaker
          ? `"${claim[0]!.toUpperCase()}${claim.slice(1)}," ${lastSpeaker[2]} added. "The question is what ${firm} does next."`
          : `"${claim[0]!.toUpperCase()}${claim.slice(1)}," said an industry analyst who asked not to be named.`;
        break;
      case 3:
        para = `"We are complying with ${policy} and working with customers," ${firm} said in a statement. Analysts at a Hong Kong brokerage said China's "national team" of chipmakers stood to gain.`;
        break;
      case 4:
        para = `"${claim[0]!.toUpperCase()}${claim.slice(1)}," ${surname} told reporters on Wednesday, "and ${firm}'s ${chip} is the clearest example."`;
        break;
      case 5:
        para = `Shipments of ${chip} accelerators to Chinese cloud providers fell sharply in the quarter, according to people familiar with the matter, as ${firm} and its rivals waited for guidance on ${policy}. "Nobody will put it in writing," one of the people said.`;
        break;
      case 6:
        para = `"The first thing to understand is that ${policy} are only as strong as their enforcement.\n"The second is that ${firm} has more lawyers than the agency has officers," said ${p[0]}.`;
        lastSpeaker = p;
        break;
      case 7:
        para = `Commerce Secretary Howard Lutnick told lawmakers that ${policy} would be "tightened where necessary," while China's Ministry of Commerce said it "firmly opposes" the measures targeting ${firm} and Xinkailai.`;
        break;
      default:
        para = `Industry executives in Hsinchu and Seoul described the mood as cautious. ${firm}'s shares rose 1.4% and those of Semiconductor Manufacturing International Corporation slipped after the ${chip} news, while Arm said its licensing business was unaffected by ${policy}.`;
    }
    paras.push(para);
    count += para.split(/\s+/).length;
  }
  return paras.join('\n');
}

/** Per-run process CPU time, in ms: what the work costs, whatever else the machine is doing. */
function cpuRuns(n: number, fn: () => void, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    out.push((d.user + d.system) / 1000);
  }
  return out;
}

const bench: Bench = async () => {
  const text = generateArticle();
  const words = text.split(/\s+/).length;
  let quotes = 0;
  let mentions = 0;
  const run = () => {
    const qs = extractQuotes(text);
    const ms = tagEntities(text, qs);
    quotes = qs.length;
    mentions = ms.length;
  };
  const wall = await timeRuns(25, run);
  const cpu = cpuRuns(25, run);
  const wallMedian = percentile(wall, 50);
  const cpuMedian = percentile(cpu, 50);
  // The figure is the smaller of the two medians: wall time on a quiet machine, CPU time when other
  // processes share the cores (then wall time measures the queue, not this code).
  const value = Math.min(wallMedian, cpuMedian);
  const figure: Figure = {
    name: 'quotes.entities.10k_words',
    value: Number(value.toFixed(2)),
    unit: 'ms',
    budget: '< 20 ms',
    ok: value < 20,
    detail: {
      words,
      chars: text.length,
      quotes,
      mentions,
      wall_median_ms: Number(wallMedian.toFixed(2)),
      wall_p90_ms: Number(percentile(wall, 90).toFixed(2)),
      cpu_median_ms: Number(cpuMedian.toFixed(2)),
      runs: wall.length,
    },
  };
  return [figure];
};

export default bench;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await bench()) console.log(JSON.stringify(f));
}
