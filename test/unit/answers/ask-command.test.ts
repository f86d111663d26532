import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answers/answer.js';
import { AppContext } from '../../../src/cli/app-context.js';
import { type AskJson, askCommand } from '../../../src/cli/commands/ask.js';
import { NOW } from '../../fixtures/answers/corpus.js';
import { openCorpusStore } from '../../fixtures/answers/open-corpus.js';

let dbPath: string;
let spunUrl: string;
let originalUrl: string;

beforeAll(async () => {
  const c = await openCorpusStore();
  dbPath = c.path;
  originalUrl = c.byFile.get('26-huawei-ascend-smic-yields.txt')!.url;
  spunUrl = c.byFile.get('27-huawei-ascend-yields-spun.html')!.url;
  await c.store.close();
});

function app(): { app: AppContext; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d) => (o += d));
  stderr.on('data', (d) => (e += d));
  const a = new AppContext({
    argv: [],
    cwd: '/nonexistent',
    env: { CHIPBRIEF_DB: dbPath, CHIPBRIEF_LLM: 'off' },
    stdout,
    stderr,
  });
  return { app: a, out: () => o, err: () => e };
}

const render = (a: Answer) => `${a.title}\n${a.parts.join('\n')}`;

describe('chipbrief ask', () => {
  it('--json gives {answer, quotes, citations} with verbatim quotes and one source per story', async () => {
    const t = app();
    await t.app.run(() =>
      askCommand(t.app, 'how are Huawei Ascend yields at SMIC?', { json: true }, render, {
        clock: { now: () => NOW },
      }),
    );
    expect(t.app.exitCode).toBe(0);
    const j = JSON.parse(t.out()) as AskJson;
    expect(Object.keys(j).sort()).toEqual(['answer', 'citations', 'quotes']);
    expect(j.answer).toMatch(/\[1\]/);
    expect(j.citations[0]).toEqual({ n: 1, title: expect.stringContaining('Ascend'), url: originalUrl });
    expect(j.citations.map((c) => c.url)).not.toContain(spunUrl);
    expect(j.quotes.length).toBeGreaterThan(0);
    for (const q of j.quotes) {
      expect(Object.keys(q).sort()).toEqual(['articleUrl', 'role', 'speaker', 'text']);
      expect(typeof q.speaker).toBe('string');
    }
    expect(j.quotes.map((q) => q.speaker)).toContain('unnamed source');
  });

  it('prints the rendered answer without --json', async () => {
    const t = app();
    await t.app.run(() => askCommand(t.app, 'firm Xinkailai', {}, render));
    expect(t.out().split('\n')[0]).toBe('SiCarrier: recent stories');
  });

  it('rejects an empty question with one line on stderr and exit code 2', async () => {
    const t = app();
    await t.app.run(() => askCommand(t.app, '  ', {}, render));
    expect(t.app.exitCode).toBe(2);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    expect(t.err()).toContain('COMMAND_INVALID');
  });
});
