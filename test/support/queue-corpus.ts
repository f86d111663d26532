import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHttpFetcher } from '../../src/articles/fetcher.js';
import { ingestInput } from '../../src/ingest/ingest-input.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { generatedArticle } from './queue-pages.js';

/** Writes `count` generated articles as .txt files (title line, then paragraphs) and returns their paths. */
export function writeCorpus(dir: string, count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, k) => {
    const a = generatedArticle(offset + k);
    const path = join(dir, `article-${offset + k}.txt`);
    writeFileSync(path, `${a.title}\n\n${a.paragraphs.join('\n\n')}\n`);
    return path;
  });
}

/** Ingests files into the SQLite store at `dbPath` in this process, as if at `at` (setup for digest tests). */
export async function ingestFiles(dbPath: string, files: string[], at = new Date()): Promise<void> {
  const store = openSqliteStore(dbPath);
  const fetcher = createHttpFetcher({ allowPrivateNetworks: false, maxBytes: 1 << 20, timeoutMs: 5_000 });
  try {
    for (const f of files) await ingestInput(f, { store, fetcher, clock: { now: () => at } });
  } finally {
    await fetcher.close();
    await store.close();
  }
}

/** A time zone where it is now between 01:00 and 21:59: a few minutes ago is today, 23:30 is still ahead. */
export function midDayZone(now = new Date()): string {
  const zones = [
    'UTC',
    'Asia/Tokyo',
    'America/New_York',
    'Asia/Kolkata',
    'Europe/Berlin',
    'America/Los_Angeles',
    'Pacific/Auckland',
  ];
  for (const tz of zones) {
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(now),
    );
    if (hour >= 1 && hour <= 21) return tz;
  }
  return 'UTC';
}
