/**
 * Keeps the README configuration table and .env.example in step with the zod schema (src/config.ts).
 *   npx tsx scripts/config-table.ts           print the table
 *   npx tsx scripts/config-table.ts --write   rewrite both files
 *   npx tsx scripts/config-table.ts --check   exit 1 when either has drifted (CI)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderConfigTable, renderEnvExample, withConfigTable } from './config-docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const files = { readme: `${root}README.md`, env: `${root}.env.example` };

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const mode = process.argv[2] ?? '--print';
const table = renderConfigTable();
if (mode === '--print') {
  process.stdout.write(`${table}\n`);
} else if (mode === '--write' || mode === '--check') {
  const wanted = { readme: withConfigTable(read(files.readme), table), env: renderEnvExample() };
  const stale = (Object.keys(files) as (keyof typeof files)[]).filter((k) => read(files[k]) !== wanted[k]);
  if (mode === '--write') {
    for (const k of stale) writeFileSync(files[k], wanted[k]);
    process.stdout.write(
      stale.length ? `updated ${stale.map((k) => files[k]).join(', ')}\n` : 'up to date\n',
    );
  } else if (stale.length) {
    process.stderr.write(
      `config docs out of date: ${stale.map((k) => files[k]).join(', ')} — run \`npx tsx scripts/config-table.ts --write\`\n`,
    );
    process.exitCode = 1;
  }
} else {
  process.stderr.write('usage: config-table.ts [--print|--write|--check]\n');
  process.exitCode = 2;
}
