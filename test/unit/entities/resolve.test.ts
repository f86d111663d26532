import { describe, expect, it } from 'vitest';
import { GAZETTEER } from '../../../src/entities/gazetteer/index.js';
import type { EntityKind } from '../../../src/entities/mention.js';
import { listEntities, resolveEntity } from '../../../src/entities/resolve.js';

describe('resolveEntity', () => {
  it('resolves aliases in any case where only one entity has them', () => {
    expect(resolveEntity('xinkailai')).toEqual({ kind: 'firm', canonical: 'SiCarrier' });
    expect(resolveEntity('Semiconductor Manufacturing International Corporation')).toEqual({
      kind: 'firm',
      canonical: 'SMIC',
    });
    expect(resolveEntity('Taiwan Semiconductor Manufacturing Co.')).toEqual({
      kind: 'firm',
      canonical: 'TSMC',
    });
    expect(resolveEntity('  arm ')).toEqual({ kind: 'firm', canonical: 'Arm' });
    expect(resolveEntity("Nvidia's")).toEqual({ kind: 'firm', canonical: 'Nvidia' });
    expect(resolveEntity('entity list')).toEqual({ kind: 'policy', canonical: 'Entity List' });
    expect(resolveEntity('h20')).toEqual({ kind: 'chip', canonical: 'H20' });
    expect(resolveEntity('Lutnick')).toEqual({ kind: 'person', canonical: 'Howard Lutnick' });
    expect(resolveEntity('C. C. Wei')).toEqual({ kind: 'person', canonical: 'C.C. Wei' });
  });

  it('answers null for unknown or empty names', () => {
    expect(resolveEntity('')).toBeNull();
    expect(resolveEntity('Acme Widgets')).toBeNull();
    expect(resolveEntity('Huang')).toBeNull();
    expect(resolveEntity('he')).toBeNull();
  });
});

describe('listEntities', () => {
  it('lists every kind sorted, with firm types', () => {
    for (const kind of ['firm', 'person', 'policy', 'chip'] as EntityKind[]) {
      const list = listEntities(kind);
      expect(list.length).toBe(GAZETTEER[kind].length);
      const names = list.map((e) => e.canonical);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    }
    const firms = listEntities('firm');
    expect(firms.find((f) => f.canonical === 'BIS')?.type).toBe('agency');
    expect(firms.find((f) => f.canonical === 'Nvidia')?.type).toBe('company');
  });
});

describe('the gazetteer data', () => {
  it('has unique canonical names, and every alias resolves back to its own entity', () => {
    for (const kind of Object.keys(GAZETTEER) as EntityKind[]) {
      const names = GAZETTEER[kind].map((e) => e.canonical);
      expect(new Set(names).size, `duplicate canonical in ${kind}`).toBe(names.length);
      for (const e of GAZETTEER[kind]) {
        for (const alias of [e.canonical, ...e.aliases]) {
          expect(resolveEntity(alias), `${kind} alias "${alias}"`).toEqual({ kind, canonical: e.canonical });
        }
      }
    }
  });
});
