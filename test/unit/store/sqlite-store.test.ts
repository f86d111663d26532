import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { storeContract } from '../../contract/store-contract.js';

storeContract('sqlite', async () =>
  openSqliteStore(join(mkdtempSync(join(tmpdir(), 'cb-store-')), 'test.db')),
);
