#!/usr/bin/env node
// Entry point of `npx chipbrief`. A built image ships compiled JavaScript in dist/ without the .ts
// sources; a checkout runs the TypeScript sources through tsx, so `npm ci` is all it needs.
import { existsSync } from 'node:fs';

const built = new URL('../dist/jobs/main.js', import.meta.url);
const source = new URL('../jobs/main.ts', import.meta.url);
if (!existsSync(source) && existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
}
