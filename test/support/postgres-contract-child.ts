/**
 * A child process for the store contract's cross-process tests (both stores; it lives beside the
 * PostgreSQL support because the contract gained these tests with it). It opens the store at
 * CB_STORE_LOCATION (JSON: { CHIPBRIEF_DB, CHIPBRIEF_DATABASE_URL? }) through openStore, exactly as the
 * CLI does (migrations included), prints "ready", waits for "go" on stdin so that every child acts at
 * the same moment, does CB_ACTION, prints one JSON line and exits.
 */
import { createInterface } from 'node:readline';
import { migrationStatus } from '../../src/store/migrations-status.js';
import { openStore } from '../../src/store/open-store.js';
import { contractArticle, contractQuote } from './postgres-contract-data.js';

const location = JSON.parse(process.env.CB_STORE_LOCATION ?? '{}') as {
  CHIPBRIEF_DB: string;
  CHIPBRIEF_DATABASE_URL?: string;
};
const action = process.env.CB_ACTION ?? 'open';
const proposal = process.env.CB_PROPOSAL ?? 'none';

const store = await openStore(location);
const lines = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => {
  lines.on('line', (l) => {
    if (l.trim() === 'go') resolve();
  });
});
process.stdout.write('ready\n');
await go;
lines.close();

let result: unknown;
if (action === 'put-article') {
  const a = contractArticle('shared-1');
  result = await store.putArticle(
    a,
    [contractQuote(a)],
    [{ kind: 'firm', canonical: 'Huawei', surface: 'Huawei', start: 0, count: 1 }],
  );
} else if (action === 'claim-digest') {
  result = await store.claimDigest({
    id: 'digest:slack:C1:2026-11-20',
    platform: 'slack',
    channelId: 'C1',
    date: '2026-11-20',
    storyIds: [proposal],
  });
} else {
  result = await migrationStatus(store);
}
process.stdout.write(`${JSON.stringify({ result })}\n`);
await store.close();
