/**
 * Words the generator writes with. Firms, policies and chips are real names the gazetteer knows, so
 * entity tagging has work to do; every person, outlet and quote is invented (no published text).
 */

export interface Person {
  name: string;
  role: string;
  pronoun: 'he' | 'she';
}

const GIVEN = [
  ['Maren', 'she'],
  ['Tobias', 'he'],
  ['Ayesha', 'she'],
  ['Kenji', 'he'],
  ['Lucia', 'she'],
  ['Oskar', 'he'],
  ['Priyanka', 'she'],
  ['Declan', 'he'],
  ['Wen', 'she'],
  ['Rafael', 'he'],
  ['Ingrid', 'she'],
  ['Samuel', 'he'],
  ['Yuna', 'she'],
  ['Farid', 'he'],
  ['Helena', 'she'],
  ['Marcus', 'he'],
] as const;
const FAMILY = [
  'Lindqvist',
  'Okonkwo',
  'Haverford',
  'Takemura',
  'Brandauer',
  'Castellanos',
  'Iyer',
  'Whitcombe',
  'Delacroix',
  'Novakova',
  'Rautio',
  'Szabo',
  'Pemberton',
  'Achterberg',
  'Moravec',
  'Quintero',
];
const ROLES = [
  'a senior fellow at the Halden Institute for Technology Policy',
  'principal analyst at Corvid Semiconductor Research',
  'a trade lawyer at Marchetti & Roos in Brussels',
  'a former export-control official at the Commerce Department',
  'head of equipment research at Tidewater Securities',
  'director of the Pacific Chip Supply Forum',
  'chief economist at the Northgate Trade Council',
  'a professor of industrial policy at Lakemont University',
  'managing partner at the consultancy Silicon Harbour Advisors',
  'a procurement manager at a Shenzhen server maker',
];

/** 256 invented people with roles: enough that stories rarely share a speaker. */
export const PEOPLE: readonly Person[] = GIVEN.flatMap(([given, pronoun], i) =>
  FAMILY.map((family, j) => ({
    name: `${given} ${family}`,
    role: ROLES[(i * 7 + j * 3) % ROLES.length]!,
    pronoun,
  })),
);

export const FIRMS = [
  'Nvidia',
  'AMD',
  'Intel',
  'TSMC',
  'SMIC',
  'Huawei',
  'Samsung',
  'SK Hynix',
  'Micron',
  'Qualcomm',
  'ASML',
  'Applied Materials',
  'Lam Research',
  'KLA',
  'Tokyo Electron',
  'Cambricon',
  'YMTC',
  'CXMT',
  'Hua Hong',
  'Naura',
  'GlobalFoundries',
  'MediaTek',
  'Infineon',
  'Rapidus',
] as const;

export const POLICIES = [
  'export controls',
  'the Entity List',
  'the Foreign Direct Product Rule',
  'the CHIPS Act',
  'Section 232 tariffs',
  'licence requirements',
  'the Big Fund',
  'gallium and germanium controls',
  'outbound investment rules',
  'the AI Diffusion Rule',
] as const;

export const CHIPS = [
  'H20',
  'H200',
  'Blackwell',
  'MI308',
  'Ascend 910C',
  'HBM',
  'Kirin 9010',
  'A100',
] as const;

export const AGENCIES = [
  'the Commerce Department',
  "China's Ministry of Commerce",
  'the European Commission',
  "Japan's trade ministry",
  "South Korea's industry ministry",
  "the Netherlands' foreign trade ministry",
  "Taiwan's economic affairs ministry",
] as const;

export const PLACES = [
  'Washington',
  'Beijing',
  'Brussels',
  'Tokyo',
  'Seoul',
  'Taipei',
  'The Hague',
  'Hsinchu',
];

export const TOPICS = [
  'advanced packaging',
  'etch and deposition tools',
  'high-bandwidth memory',
  'mature-node foundry capacity',
  'AI accelerators for data centres',
  'lithography servicing',
  'rare metal supplies',
  'chip design software',
  'server exports to the Gulf',
  'fab construction grants',
] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
export const MONTHS = ['January', 'March', 'April', 'June', 'August', 'September', 'October', 'November'];

/** Fragments quotes are built from: thousands of distinct, plausible sentences. */
export const CLAIM_OPENERS = [
  'What we are seeing is that',
  'Frankly,',
  'The honest answer is that',
  'From where we sit,',
  'Nobody should pretend that',
  'In our conversations with customers,',
  'The lesson of the last two years is that',
  'If you talk to the fabs,',
];
export const CLAIM_BODIES = [
  'the rules on {topic} are being written faster than anyone can comply with them',
  '{firm} has already moved orders for {chip} parts into the next two quarters',
  'the licence queue for {topic} is the real bottleneck, not the technology',
  'every new round of {policy} pushes buyers towards domestic suppliers',
  'enforcement of {policy} depends on a handful of officers reviewing thousands of shipments',
  'demand for {chip} is still running well ahead of what {firm} can ship',
  'the subsidies only work if the equipment can actually be delivered',
  'the industry spent {n} months preparing for a rule that changed in a week',
];
export const CLAIM_TAILS = [
  'and that will not change before the next review',
  'which is why the timing matters so much',
  'and the smaller suppliers are the ones who pay for it',
  'whatever the officials say in public',
  'and everyone in {place} knows it',
  'so the numbers for this quarter will look strange',
];

/** Fictional outlets: the sites that publish, reprint and copy stories. */
export interface Outlet {
  name: string;
  host: string;
  /** Copy sites spin what they take; wire services are reprinted everywhere. */
  kind: 'news' | 'wire' | 'copysite';
  sections: string[];
}

export const OUTLETS: readonly Outlet[] = [
  {
    name: 'The Foundry Ledger',
    host: 'foundryledger.example',
    kind: 'news',
    sections: ['Policy', 'Supply Chain', 'Markets', 'Asia', 'Opinion'],
  },
  { name: 'Capitol Trade Report', host: 'capitoltrade.example', kind: 'news', sections: ['Trade', 'Tech'] },
  { name: 'Pacific Wire', host: 'pacificwire.example', kind: 'wire', sections: ['World', 'Business'] },
  {
    name: 'Evening Circuit',
    host: 'eveningcircuit.example',
    kind: 'news',
    sections: ['Chips', 'AI', 'Deals', 'Podcasts'],
  },
  { name: 'Tidewater Tech News', host: 'tidewatertech.example', kind: 'news', sections: ['Semis', 'Cloud'] },
  { name: 'Chip Digest Daily', host: 'chipdigestdaily.example', kind: 'copysite', sections: ['Latest'] },
  { name: 'Tech Roundup Now', host: 'techroundupnow.example', kind: 'copysite', sections: ['News'] },
];
