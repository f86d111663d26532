import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../../src/cli/app-context.js';

function context(): { app: AppContext; stderr: () => string } {
  const err = new PassThrough();
  let text = '';
  err.on('data', (d: Buffer) => {
    text += d.toString();
  });
  const app = new AppContext({
    argv: [],
    cwd: process.cwd(),
    env: {},
    stdout: new PassThrough(),
    stderr: err,
  });
  return { app, stderr: () => text };
}

describe('AppContext.close', () => {
  it('leaves a resource that never closes behind after a bounded wait and still closes the others', async () => {
    const { app, stderr } = context();
    const closed: string[] = [];
    app.onClose(async () => {
      closed.push('store');
    });
    // A client whose server went away: its close never settles.
    app.onClose(() => new Promise<void>(() => {}));
    app.onClose(async () => {
      throw new Error('socket already closed');
    });
    const t0 = Date.now();
    await app.close();
    expect(Date.now() - t0).toBeLessThan(4_500);
    expect(closed).toEqual(['store']);
    expect(stderr()).toContain('did not close within 3 s');
    expect(stderr()).toContain('socket already closed');
  });
});
