import type { AppContext } from '../app-context.js';

/** `chipbrief stats [--json]`: what the store holds and what the LLM has cost. */
export async function statsCommand(app: AppContext, opts: { json?: boolean }): Promise<void> {
  const store = await app.store();
  const s = await store.stats();
  if (opts.json) {
    app.out(JSON.stringify(s));
    return;
  }
  const rows: [string, number][] = [
    ['articles', s.articles],
    ['stories', s.stories],
    ['quotes', s.quotes],
    ['briefs', s.briefs],
    ['LLM calls', s.llmCalls],
    ['tokens in', s.tokensIn],
    ['tokens out', s.tokensOut],
  ];
  for (const [k, v] of rows) app.out(`${k.padEnd(12)} ${v}`);
}
