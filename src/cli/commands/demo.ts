import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChipbriefError } from '../../errors.js';
import { storeLocation } from '../../store/store-location.js';
import type { AppContext } from '../app-context.js';
import { ingestAll } from './ingest.js';

/** The sample corpus: ./examples in the working directory, else the one shipped with chipbrief. */
export function findExamples(cwd: string): string | null {
  const local = resolve(cwd, 'examples');
  if (existsSync(join(local, 'manifest.json'))) return local;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, 'manifest.json'))) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/**
 * `chipbrief demo`: ingests the sample corpus into the store and prints today's digest — the whole
 * offline pipeline (intake, quotes, stories, briefs, digest) on the embedded defaults.
 */
export async function demoCommand(app: AppContext, printDigest: () => Promise<void>): Promise<void> {
  const dir = findExamples(app.cli.cwd);
  if (!dir)
    throw new ChipbriefError(
      'INPUT_NOT_FOUND',
      'no examples/ folder with manifest.json found — run from the chipbrief checkout',
    );
  const files = (await readdir(dir))
    .filter((f) => /\.(html?|txt)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
  const store = await app.store();
  const s = await ingestAll(app, store, files);
  const stats = await store.stats();
  const where = relative(app.cli.cwd, dir) || '.';
  app.out(
    `chipbrief demo: ${files.length} sample articles from ${where}/ -> ${s.stories.size} stories, ` +
      `${stats.quotes} verbatim quotes (${s.stored} new, ${s.seen} already stored; store ${storeLocation(app.config, store)})`,
  );
  app.out('');
  await printDigest();
  app.out('');
  app.out('Next: npx chipbrief ask "who said what about export controls?"   ·   npx chipbrief stats');
}
