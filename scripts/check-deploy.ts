/**
 * Static checks of Dockerfile, docker-compose.yml, .dockerignore, .env.example and the README against
 * each other, package.json and the CLI (see deploy-checks.ts). Exit 1 with one line per problem.
 *   npx tsx scripts/check-deploy.ts
 */
import { fileURLToPath } from 'node:url';
import { checkDeploy } from './deploy-checks.js';
import { cliCommands, loadDeployFiles } from './deploy-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const commands = cliCommands(root);
const problems = checkDeploy(loadDeployFiles(root), commands);
if (problems.length) {
  for (const p of problems) process.stderr.write(`check-deploy: ${p}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`check-deploy: static checks passed (${commands.length} CLI commands known)\n`);
}
