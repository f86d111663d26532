import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * `npm ci` refuses a lock that lacks an entry for any optional dependency, even one for another
 * platform; the registry we build against serves linux-glibc builds only, so `npm install` leaves
 * those out. scripts/lock-platforms.mjs puts them back; this test catches a lock committed without it.
 */
describe('package-lock.json', () => {
  it('has an entry for every optional (per-platform) dependency, so npm ci accepts it', () => {
    const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
        const nested = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
        if (!lock.packages[`node_modules/${dep}`] && !lock.packages[nested]) missing.push(dep);
      }
    }
    expect(missing, 'run: node scripts/lock-platforms.mjs').toEqual([]);
  });
});
