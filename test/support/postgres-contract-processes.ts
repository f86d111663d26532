import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MigrationStatus } from '../../src/store/migrations-status.js';
import { openStore } from '../../src/store/open-store.js';
import type { DigestRecord, Store } from '../../src/store/port.js';
import { runTogether, type StoreLocation } from './postgres-contract-procs.js';

export interface StoreContractOptions {
  /**
   * A new, empty, unmigrated store location for the cross-process tests (child processes open it
   * through openStore). Default: a new SQLite file, when `open` gives SQLite stores.
   */
  shared?: () => Promise<StoreLocation>;
}

/**
 * Part of the Store contract suite (test/contract/store-contract.ts calls it): several processes on one
 * store — the same article inserted by two (exactly one inserts it), the same digest claimed by two
 * (exactly one wins), migrations from empty by two at once. Runs for every store.
 */
export function processContract(
  name: string,
  open: () => Promise<Store>,
  options: StoreContractOptions,
): void {
  describe(`Store contract: ${name}, across processes`, () => {
    const fresh = async (): Promise<StoreLocation> => {
      if (options.shared) return options.shared();
      const probe = await open();
      const kind = probe.kind;
      await probe.close();
      if (kind !== 'sqlite') throw new Error(`${name}: pass options.shared for the cross-process tests`);
      return { CHIPBRIEF_DB: join(mkdtempSync(join(tmpdir(), 'cb-contract-')), 'shared.db') };
    };

    it('two processes inserting the same article: exactly one inserts it', async () => {
      const where = await fresh();
      const results = (await runTogether(where, [{ action: 'put-article' }, { action: 'put-article' }])) as {
        inserted: boolean;
      }[];
      expect(results.map((r) => r.inserted).sort()).toEqual([false, true]);
      const s = await openStore(where);
      try {
        expect(await s.stats()).toMatchObject({ articles: 1, quotes: 1 });
        expect(await s.getMentions('shared-1')).toHaveLength(1);
        expect(await s.searchArticles('washington', 5)).toHaveLength(1);
        expect(await s.searchQuotes('failure', 5)).toHaveLength(1);
      } finally {
        await s.close();
      }
    });

    it('two processes claiming the same digest: exactly one wins, both get its claim', async () => {
      const where = await fresh();
      const results = (await runTogether(where, [
        { action: 'claim-digest', proposal: 'story-a' },
        { action: 'claim-digest', proposal: 'story-b' },
      ])) as DigestRecord[];
      expect(results[0]).toEqual(results[1]);
      const winner = results[0]!.storyIds[0];
      expect(['story-a', 'story-b']).toContain(winner);
      const s = await openStore(where);
      try {
        expect((await s.getDigest('digest:slack:C1:2026-11-20'))?.storyIds).toEqual([winner]);
      } finally {
        await s.close();
      }
    });

    it('migrates an empty store from two processes at once, and again when migrated', async () => {
      const where = await fresh();
      for (let round = 0; round < 2; round++) {
        const results = (await runTogether(where, [
          { action: 'open' },
          { action: 'open' },
        ])) as MigrationStatus[];
        for (const r of results) {
          expect(r.applied).toEqual(r.known);
          expect(r.version).toBe(Math.max(...r.known.map((m) => m.version)));
        }
      }
    });
  });
}
