#!/usr/bin/env node
// The npm registry this project is built against serves only linux-glibc builds of packages with
// per-platform optional dependencies (biome, msgpackr-extract), so `npm install` leaves the other
// platforms out of package-lock.json and `npm ci` then refuses the lock as out of sync. This adds
// the missing entries with their os/cpu/libc constraints (read off the package name), which is what
// npm itself records: npm ci on another platform fetches them, here it skips them.
// Run after any `npm install`: node scripts/lock-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const pkgs = lock.packages;
let added = 0;

function constraints(name) {
  const c = {};
  const os = name.match(/(darwin|linux|win32|android|freebsd|openbsd|sunos|aix)/)?.[1];
  const cpu = name.match(/(arm64|x64|ia32|arm|ppc64|s390x|riscv64|loong64)/)?.[1];
  if (os) c.os = [os];
  if (cpu) c.cpu = [cpu];
  if (/musl/.test(name)) c.libc = ['musl'];
  else if (os === 'linux') c.libc = ['glibc'];
  return c;
}

for (const [key, entry] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = key ? `${key}/node_modules/${dep}` : `node_modules/${dep}`;
    if (pkgs[`node_modules/${dep}`] || pkgs[base]) continue;
    const c = constraints(dep);
    if (!c.os && !c.cpu) continue;
    pkgs[`node_modules/${dep}`] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...c };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platforms: ${added} platform entries added`);
