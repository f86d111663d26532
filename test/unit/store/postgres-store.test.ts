import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.js';
import { storeContract } from '../../contract/store-contract.js';
import { emptyDatabase, type TestDatabase, TestDatabases } from '../../support/postgres.js';

const dbs = new TestDatabases();
let db: TestDatabase;
beforeAll(async () => {
  db = await dbs.create('contract');
});
afterAll(() => dbs.dropAll());

// One database for the file, emptied for each test (the previous test closed its store).
storeContract(
  'postgres',
  async () => {
    await emptyDatabase(db.url);
    return openPostgresStore(db.url);
  },
  // Cross-process tests: a new, empty database each (SQLite path unused: the URL wins).
  {
    shared: async () => ({
      CHIPBRIEF_DB: ':memory:',
      CHIPBRIEF_DATABASE_URL: (await dbs.create('shared')).url,
    }),
  },
);
