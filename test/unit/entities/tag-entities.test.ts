import { describe, expect, it } from 'vitest';
import { summarizeMentions } from '../../../src/entities/mention.js';
import { tagEntities } from '../../../src/entities/tag-entities.js';
import { extractQuotes } from '../../../src/quotes/extract-quotes.js';

const tag = (text: string) => tagEntities(text, []);
const canon = (text: string) => tag(text).map((m) => `${m.kind}:${m.canonical}`);

describe('tagEntities', () => {
  it('maps aliases to canonical names', () => {
    const text =
      'Xinkailai, also known as SiCarrier, supplies Semiconductor Manufacturing International Corporation, while Taiwan Semiconductor Manufacturing Co. makes chips for Nvidia Corp.';
    const ms = tag(text);
    const sicarrier = ms.find((m) => m.canonical === 'SiCarrier')!;
    expect(sicarrier).toMatchObject({ kind: 'firm', surface: 'Xinkailai', start: 0, count: 2 });
    expect(ms.find((m) => m.canonical === 'SMIC')).toMatchObject({
      surface: 'Semiconductor Manufacturing International Corporation',
      count: 1,
    });
    expect(ms.find((m) => m.canonical === 'TSMC')?.surface).toBe('Taiwan Semiconductor Manufacturing Co');
    expect(ms.find((m) => m.canonical === 'Nvidia')?.surface).toBe('Nvidia Corp');
  });

  it('is case-aware where a name is also a word', () => {
    expect(canon('Arm designs cores; the arm of the law is long.')).toEqual(['firm:Arm']);
    expect(canon('ARM Holdings and Arm are one company.')).toEqual(['firm:Arm']);
    expect(canon('The strong arm of the state.')).toEqual([]);
    expect(canon('A 5 micron process, and Micron the memory maker.')).toEqual(['firm:Micron']);
    expect(canon('Good intel on Intel.')).toEqual(['firm:Intel']);
    expect(canon('AMD said so; amd is not a word.')).toEqual(['firm:AMD']);
    expect(canon('NVIDIA and nvidia and Nvidia')[0]).toBe('firm:Nvidia');
    expect(tag('NVIDIA and nvidia and Nvidia')[0]!.count).toBe(3);
  });

  it('counts possessives and never matches inside words', () => {
    const ms = tag(
      "Nvidia’s chips, Nvidia's rivals, TSMC’s fabs. Intelligence, Armstrong, H2000 and Xi’an are not entities.",
    );
    expect(ms.map((m) => [m.canonical, m.count])).toEqual([
      ['Nvidia', 2],
      ['TSMC', 1],
    ]);
  });

  it('prefers the longest alias', () => {
    expect(canon('Beijing put the firm on its Unreliable Entity List.')).toEqual([
      'policy:Unreliable Entity List',
    ]);
    expect(canon('The Ascend 910C and other Ascend chips.')).toEqual(['chip:Ascend 910C', 'chip:Ascend']);
    expect(canon('The Commerce Department’s Bureau of Industry and Security')).toEqual([
      'firm:Commerce Department',
      'firm:BIS',
    ]);
  });

  it('gives one mention per entity with its first offset, sorted by offset', () => {
    const text =
      'Export controls hit the H20. Later, export controls and tariffs hit the H20 again; export curbs too.';
    const ms = tag(text);
    expect(ms.map((m) => [m.canonical, m.start, m.count])).toEqual([
      ['Export controls', 0, 3],
      ['H20', text.indexOf('H20'), 2],
      ['Tariffs', text.indexOf('tariffs'), 1],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.start + m.surface.length)).toBe(m.surface);
  });

  it('adds quote speakers: people by full name and surname, organisations by name', () => {
    const text = [
      'Olumide Adeyemi, an analyst at Kestrel Research, said the rules were tight.',
      '"The rules are tight," Adeyemi said. "They will stay tight," ICwise added.',
      'Jensen Huang was not available. Huang has said little.',
    ].join('\n');
    const quotes = extractQuotes(text);
    const ms = tagEntities(text, quotes);
    const s = summarizeMentions(ms);
    expect(s.people).toContain('Olumide Adeyemi');
    expect(s.firms).toContain('ICwise');
    expect(ms.find((m) => m.canonical === 'Olumide Adeyemi')).toMatchObject({
      kind: 'person',
      start: 0,
      count: 2,
    });
    // Gazetteer people count their lone surname too.
    expect(ms.find((m) => m.canonical === 'Jensen Huang')?.count).toBe(2);
  });

  it('returns nothing for text without entities', () => {
    expect(tagEntities('', [])).toEqual([]);
    expect(tag('The weather in the valley was mild all week.')).toEqual([]);
  });
});

describe('tagEntities and news agencies', () => {
  it('lists a news agency only when it is quoted as a speaker', () => {
    expect(tagEntities('Nvidia told Reuters the rules were unclear.', []).map((m) => m.canonical)).toEqual([
      'Nvidia',
    ]);
    const text = '"The fab is ready," Xinhua said, citing local officials.';
    const quotes = extractQuotes(text);
    expect(quotes[0]?.speaker.name).toBe('Xinhua');
    expect(tagEntities(text, quotes).map((m) => m.canonical)).toEqual(['Xinhua']);
  });
});
