import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../../adapters/slack/render-answer.js';
import { storyIdsFromBlocks } from '../../../../adapters/slack/render-parts.js';
import { answer, HOSTILE, quote } from '../../../fakes/slack-fixtures.js';
import { checkMessage } from '../../../fakes/slack-server.js';

function texts(blocks: ReturnType<typeof renderAnswer>[number]['blocks']): string {
  return blocks
    .flatMap((b) =>
      b.type === 'section' ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => e.text) : [],
    )
    .join('\n');
}

describe('renderAnswer', () => {
  it('shows quotes verbatim with speaker and citation number, then numbered sources', () => {
    const [m, ...rest] = renderAnswer(answer());
    expect(rest).toEqual([]);
    expect(checkMessage({ text: m!.text, blocks: m!.blocks })).toBeNull();
    const t = texts(m!.blocks);
    expect(t).toContain('*Who said what about export controls*');
    expect(t).toContain(
      '>\u201cWe will keep licensing advanced accelerators case by case, and the review will take time\u201d',
    );
    expect(t).toContain('\u2014 Dana Whitfield, a Commerce Department spokesperson [1]');
    expect(t).toContain('\u2014 unnamed source (an industry analyst) [2]');
    expect(t).toContain(
      '[1] <https://policywire.example/2025/rules-1|Commerce tightens licensing> \u2014 Policy Wire, 2025-03-14',
    );
    expect(t).toContain(
      '[2] <https://chipsdaily.example/analysts|Analysts expect slower approvals> \u2014 Chips Daily',
    );
    expect(m!.text.length).toBeGreaterThan(0);
    expect(storyIdsFromBlocks(m!.blocks)).toEqual(['st_00000000000000000001', 'st_00000000000000000002']);
  });

  it('keeps engine prose and user words inert', () => {
    const [m] = renderAnswer(
      answer({
        title: HOSTILE,
        parts: [HOSTILE],
        suggestions: ['firm <!everyone>'],
        quotes: [quote({ text: HOSTILE, n: 1 })],
      }),
    );
    const t = `${m!.text}\n${texts(m!.blocks)}`;
    expect(t).not.toMatch(/<[!@#]/);
    expect(t).not.toContain('<https://evil');
    expect(t).toContain('`firm &lt;!everyone&gt;`');
  });

  it('splits a very long answer into several valid messages', () => {
    const parts = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i} on the CHIPS Act grants [1]. ${'Detail. '.repeat(120)}`,
    );
    const messages = renderAnswer(answer({ parts }));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkMessage({ text: m.text, blocks: m.blocks })).toBeNull();
    expect(messages.map((m) => texts(m.blocks)).join('\n')).toContain('Paragraph 39 on the CHIPS Act');
  });
});
