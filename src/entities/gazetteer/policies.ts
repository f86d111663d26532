import type { GazetteerEntry } from './types.js';

/** Policies and policy instruments. Matched case-insensitively unless marked (acronyms, proper titles). */
export const POLICIES: readonly GazetteerEntry[] = [
  {
    canonical: 'Export controls',
    aliases: [
      'export control',
      'export controls',
      'export restrictions',
      'export restriction',
      'export curbs',
      'export curb',
      'export ban',
      'export bans',
      'chip controls',
      'chip export controls',
      'chip export restrictions',
    ],
  },
  { canonical: 'Entity List', aliases: ['entity list', 'trade blacklist', 'trade blocklist'] },
  { canonical: 'Unreliable Entity List', aliases: ['unreliable entity list', 'unreliable entities list'] },
  { canonical: 'Unverified List', aliases: ['unverified list'] },
  { canonical: 'Military End-User List', aliases: ['military end user list', 'MEU list'] },
  {
    canonical: 'Foreign Direct Product Rule',
    aliases: ['foreign direct product rule', 'FDPR', 'foreign-direct product rule'],
  },
  {
    canonical: 'AI Diffusion Rule',
    aliases: [
      'AI diffusion rule',
      'diffusion rule',
      'AI diffusion framework',
      'Framework for Artificial Intelligence Diffusion',
    ],
  },
  {
    canonical: 'CHIPS Act',
    aliases: [
      'CHIPS and Science Act',
      'Chips Act',
      'CHIPS Act',
      'Chips and Science Act',
      'European Chips Act',
    ],
  },
  {
    canonical: 'Tariffs',
    aliases: ['tariff', 'tariffs', 'import duty', 'import duties', 'reciprocal tariffs'],
  },
  {
    canonical: 'Section 232',
    aliases: ['Section 232', 'Section 232 investigation', 'Section 232 tariffs'],
    caseSensitive: true,
  },
  {
    canonical: 'Section 301',
    aliases: ['Section 301', 'Section 301 investigation', 'Section 301 tariffs'],
    caseSensitive: true,
  },
  {
    canonical: 'Licence requirements',
    aliases: [
      'licence requirement',
      'licence requirements',
      'license requirement',
      'license requirements',
      'export licence',
      'export licences',
      'export license',
      'export licenses',
      'licensing requirements',
    ],
  },
  {
    canonical: 'Subsidies',
    aliases: ['subsidy', 'subsidies', 'state subsidies', 'chip subsidies', 'grants and loans'],
  },
  {
    canonical: 'Big Fund',
    aliases: [
      'Big Fund',
      'Big Fund III',
      'National Integrated Circuit Industry Investment Fund',
      'China Integrated Circuit Industry Investment Fund',
      'National IC Fund',
    ],
  },
  { canonical: 'RISC-V', aliases: ['RISC-V', 'RISC V', 'RISCV'], caseSensitive: true },
  { canonical: 'Made in China 2025', aliases: ['Made in China 2025'] },
  {
    canonical: 'Wassenaar Arrangement',
    aliases: ['Wassenaar Arrangement', 'Wassenaar'],
    caseSensitive: true,
  },
  {
    canonical: 'Rare earth export controls',
    aliases: [
      'rare earth export controls',
      'rare-earth export controls',
      'rare earth controls',
      'rare-earth controls',
      'rare earth restrictions',
    ],
  },
  {
    canonical: 'Gallium and germanium controls',
    aliases: ['gallium and germanium', 'gallium and germanium export controls'],
  },
  {
    canonical: 'Anti-dumping probe',
    aliases: [
      'anti-dumping investigation',
      'anti-dumping probe',
      'antidumping investigation',
      'anti-dumping duties',
    ],
  },
  {
    canonical: 'Antitrust probe',
    aliases: [
      'antitrust investigation',
      'antitrust probe',
      'anti-monopoly investigation',
      'anti-monopoly probe',
    ],
  },
  {
    canonical: 'Outbound investment rules',
    aliases: [
      'outbound investment rules',
      'outbound investment rule',
      'outbound investment ban',
      'outbound investment restrictions',
    ],
  },
  { canonical: 'Chip Security Act', aliases: ['Chip Security Act'], caseSensitive: true },
  { canonical: 'GAIN AI Act', aliases: ['GAIN AI Act', 'GAIN Act'], caseSensitive: true },
  {
    canonical: 'Revenue-sharing deal',
    aliases: [
      'revenue-sharing deal',
      'revenue-sharing arrangement',
      'revenue share deal',
      '15% revenue share',
    ],
  },
  { canonical: 'Small yard, high fence', aliases: ['small yard, high fence', 'small yard high fence'] },
  {
    canonical: 'Self-reliance push',
    aliases: ['self-reliance', 'self-sufficiency', 'indigenous innovation', 'domestic substitution'],
  },
];
