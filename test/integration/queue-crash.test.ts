import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeQueueCrash } from '../support/queue-crash-scenario.js';

/** The queue crash scenario (see describeQueueCrash) with the two workers sharing one SQLite file. */
let dir: string;

describeQueueCrash('workers under SIGKILL', {
  label: 'crash',
  async env() {
    dir = mkdtempSync(join(tmpdir(), 'chipbrief-crash-'));
    return { CHIPBRIEF_DB: join(dir, 'chipbrief.db') };
  },
  open: async (env) => openSqliteStore(env.CHIPBRIEF_DB!),
  async remove() {
    rmSync(dir, { recursive: true, force: true });
  },
});
