import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  envVarDocs,
  renderConfigTable,
  renderEnvExample,
  TABLE_END,
  TABLE_START,
  withConfigTable,
} from '../../../scripts/config-docs.js';
import { envSchema, SECRET_KEYS } from '../../../src/config.js';

const root = new URL('../../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const envExample = readFileSync(new URL('.env.example', root), 'utf8');

describe('README configuration table', () => {
  it('matches the zod schema (run `npx tsx scripts/config-table.ts --write` after changing src/config.ts)', () => {
    expect(withConfigTable(readme)).toBe(readme);
  });

  it('has one row per schema variable, with its default and description', () => {
    const table = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END));
    const names = [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(names).toEqual(Object.keys(envSchema.shape));
    expect(table).toMatch(
      /^\| `REDIS_URL` \| `redis:\/\/127\.0\.0\.1:6379` \| URL \| Redis for the BullMQ queues/m,
    );
    expect(table).toMatch(/^\| `CHIPBRIEF_LLM` \| `auto` \| `auto` \\\| `on` \\\| `off` \|/m);
    expect(table).toMatch(/^\| `CI` \| `false` \| true \/ false \|/m);
    expect(table).toMatch(/^\| `METRICS_PORT` \| `9464` \| 0–65535 \|/m);
  });

  it('notices drift: a changed row, or missing markers', () => {
    const drifted = readme.replace('| `OPENAI_MODEL` | `gpt-4o-mini`', '| `OPENAI_MODEL` | `gpt-4`');
    expect(drifted).not.toBe(readme);
    expect(withConfigTable(drifted)).toBe(readme);
    expect(() => withConfigTable('# README without the markers\n')).toThrow(/no configuration table markers/);
  });
});

describe('envVarDocs', () => {
  it('describes every variable and marks the secrets', () => {
    const docs = envVarDocs();
    expect(docs.every((d) => d.description.length > 10)).toBe(true);
    expect(
      docs
        .filter((d) => d.secret)
        .map((d) => d.name)
        .sort(),
    ).toEqual([...SECRET_KEYS].sort());
    expect(renderConfigTable(docs)).toContain(
      '| `DASHBOARD_PASSWORD` |  | text | Queue dashboard basic-auth password. **Secret.** |',
    );
  });
});

describe('.env.example', () => {
  it('is generated from the schema: every variable, commented out, with its description', () => {
    expect(envExample).toBe(renderEnvExample());
    for (const [name, schema] of Object.entries(envSchema.shape)) {
      const at = envExample.indexOf(`\n#${name}=`);
      expect(at, name).toBeGreaterThan(0);
      const comment = envExample.slice(envExample.lastIndexOf('\n# ', at), at);
      expect(comment, name).toContain(schema.description!.slice(0, 20));
    }
    // Nothing is set by copying it: every assignment is commented out.
    expect(envExample.split('\n').filter((l) => /^\w+=/.test(l))).toEqual([]);
  });
});
