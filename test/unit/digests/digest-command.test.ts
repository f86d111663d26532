import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderDigestConsole } from '../../../adapters/console/render-digest.js';
import { AppContext } from '../../../src/cli/app-context.js';
import { digestCommand } from '../../../src/cli/commands/digest.js';
import type { DigestJson } from '../../../src/digests/digest-json.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import {
  addToStory,
  exportCopies,
  fixedClock,
  huaweiArticle,
  subsidyArticle,
} from '../briefs/story-fixtures.js';

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cb-digest-cmd-'));
  const db = join(dir, 'chipbrief.db');
  const store = openSqliteStore(db);
  for (const c of exportCopies())
    await addToStory(store, 'st-export', c, { firstSeen: '2026-11-17T10:00:00.000Z' });
  await addToStory(store, 'st-subsidy', subsidyArticle(), { firstSeen: '2026-11-17T23:30:00.000Z' });
  await addToStory(store, 'st-huawei', huaweiArticle(), { firstSeen: '2026-11-18T00:30:00.000Z' });
  await store.close();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const app = new AppContext({
    argv: [],
    env: { CHIPBRIEF_DB: db, TZ_DEFAULT: 'UTC' },
    cwd: dir,
    stdout,
    stderr,
  });
  return { app, out, err };
}

const clock = fixedClock('2026-11-17T18:00:00.000Z');

describe('chipbrief digest', () => {
  it('--json: the stories first seen that local day, with verbatim quotes and members', async () => {
    const { app, out } = await setup();
    await app.run(() => digestCommand(app, { json: true }, renderDigestConsole, { clock }));
    expect(app.exitCode).toBe(0);
    const json = JSON.parse(out()) as DigestJson;
    expect(json.date).toBe('2026-11-17');
    expect(json.stories.map((s) => s.storyId)).toEqual(['st-export', 'st-subsidy']);
    const exp = json.stories[0]!;
    expect(exp.members).toHaveLength(5);
    expect(exp.quotes.length).toBeGreaterThanOrEqual(1);
    expect(exp.quotes[0]).toHaveProperty('articleUrl');
    expect(exp.bullets.length).toBeGreaterThanOrEqual(2);
  });

  it('--print with --date renders through the given renderer; bad dates exit 2 with one line', async () => {
    const { app, out } = await setup();
    await app.run(() =>
      digestCommand(app, { date: '2026-11-18', print: true }, renderDigestConsole, { clock }),
    );
    expect(out()).toMatch(/^chipbrief digest · 2026-11-18\n1 story: /);
    expect(out()).toContain('1. Huawei ships AI chip made with domestic tools, researchers say');

    const bad = await setup();
    await bad.app.run(() => digestCommand(bad.app, { date: '2026-13-01' }, renderDigestConsole, { clock }));
    expect(bad.app.exitCode).toBe(2);
    expect(bad.err()).toMatch(/^chipbrief: COMMAND_INVALID: --date "2026-13-01" is not a date/);
    expect(bad.err().trim().split('\n')).toHaveLength(1);
  });

  it('uses a stored LLM brief when there is one and spends nothing without an LLM', async () => {
    const { app, out } = await setup();
    const store = await app.store();
    const members = await store.storyMembers('st-subsidy');
    await store.putBrief({
      id: 'b-llm',
      storyId: 'st-subsidy',
      contentHash: 'whatever',
      promptVersion: 'brief@v1',
      model: 'gpt-test',
      summarizer: 'llm',
      headline: 'Brussels backs Dresden chip plant with record aid',
      bullets: ['The Commission approved 4.1 billion euros.', 'Output starts in 2028.'],
      quoteIds: [`${members[0]!.id}:307`, 'missing:1'],
      tokensIn: 900,
      tokensOut: 120,
      fallbackReason: null,
      createdAt: '2026-11-17T13:00:00.000Z',
    });
    await app.run(() => digestCommand(app, { json: true }, renderDigestConsole, { clock }));
    const json = JSON.parse(out()) as DigestJson;
    const sub = json.stories.find((s) => s.storyId === 'st-subsidy')!;
    expect(sub.headline).toBe('Brussels backs Dresden chip plant with record aid');
    expect(sub.summarizer).toBe('llm');
    expect(sub.quotes.map((q) => q.speaker)).toEqual(['Lena Hartmann']);
  });
});
