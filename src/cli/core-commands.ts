import type { Command } from 'commander';
import type { AppContext } from './app-context.js';
import { clusterCommand } from './commands/cluster.js';
import { extractCommand } from './commands/extract.js';
import { ingestCommand } from './commands/ingest.js';
import { migrateCommand } from './commands/migrate.js';
import { statsCommand } from './commands/stats.js';
import { exportCommand, importCommand } from './commands/transfer.js';

/** The commands that need only the core and the store (no queue, no platform). */
export function registerCoreCommands(program: Command, app: AppContext): void {
  program
    .command('extract')
    .description('Extract one article (a .txt/.html file or an http(s) URL): clean text, quotes, entities')
    .argument('<input>', 'file path or URL')
    .option('--json', 'print the article as JSON (the documented contract)')
    .action((input: string, opts: { json?: boolean }) => app.run(() => extractCommand(app, input, opts)));

  program
    .command('stats')
    .description('Counts of articles, stories, quotes, briefs and LLM usage in the store')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => app.run(() => statsCommand(app, opts)));

  program
    .command('ingest')
    .description(
      'Store articles (files, URLs, or the items of a feed) with their quotes, entities and stories',
    )
    .argument('[inputs...]', 'files or URLs')
    .option('--feed <url>', 'an RSS/Atom/RDF feed whose items to ingest')
    .action((inputs: string[], opts: { feed?: string }) => app.run(() => ingestCommand(app, inputs, opts)));

  program
    .command('cluster')
    .description('Group articles into stories: reprints and spun copies together, other stories apart')
    .argument('<inputs...>', 'files or URLs')
    .option('--json', 'print {clusters:[{id, canonical, members}]}')
    .action((inputs: string[], opts: { json?: boolean }) => app.run(() => clusterCommand(app, inputs, opts)));

  program
    .command('migrate')
    .description('Apply pending store migrations (SQLite, or PostgreSQL when CHIPBRIEF_DATABASE_URL is set)')
    .option('--json', 'print {store, location, version, applied}')
    .action((opts: { json?: boolean }) => app.run(() => migrateCommand(app, opts)));

  program
    .command('export')
    .description('Write every table of the store to stdout as JSON lines (chipbrief export > store.jsonl)')
    .action(() => app.run(() => exportCommand(app)));

  program
    .command('import')
    .description('Load a `chipbrief export` file into the configured store; rows already stored are kept')
    .argument('<file>', 'a file written by chipbrief export')
    .option('--json', 'print {store, rows, added, tables}')
    .action((file: string, opts: { json?: boolean }) => app.run(() => importCommand(app, file, opts)));
}
