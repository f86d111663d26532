import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cutEscaped,
  engineText,
  escapeMarkdown,
  inline,
  isUnsafeCut,
  link,
  plain,
  prose,
  safeUrl,
  stripBotMention,
} from '../../../../adapters/discord/markdown.js';
import { firstUnescaped, rendered } from './rendered.js';

/** Strings dense in Discord syntax. */
const hostile = fc
  .array(
    fc.constantFrom(
      '*',
      '**',
      '_',
      '__',
      '~~',
      '`',
      '```',
      '||',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '>>> ',
      '@',
      'everyone',
      'here',
      '<@&123456789012345678>',
      '<@!42>',
      '<#99>',
      '<t:1700000000:R>',
      '</chipbrief:1>',
      '# ',
      '## ',
      '-# ',
      '- ',
      '+ ',
      '1. ',
      '\n',
      ' ',
      '\\',
      'https://x.example/a_b',
      'word',
      'Zhang',
      '中文',
      '😀',
      ':',
      '.',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('escapeMarkdown', () => {
  it('leaves no markdown or mention syntax active, and renders back to the same characters', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const out = escapeMarkdown(s);
        expect(firstUnescaped(out)).toBe(-1);
        expect(out).not.toMatch(/@(everyone|here)/i);
        for (const line of out.split('\n')) {
          expect(line).not.toMatch(/^\s*(#{1,3}|[-+]|\d+\.)\s/);
        }
        expect(rendered(out)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('neutralises the classic injections', () => {
    expect(escapeMarkdown('@everyone look')).toBe('@\u2060everyone look');
    expect(escapeMarkdown('ping <@&123> now')).toBe('ping \\<@&123\\> now');
    expect(escapeMarkdown('[Click](https://evil.example)')).toBe('\\[Click\\](https://evil.example)');
    expect(escapeMarkdown('# Breaking\n> quoted\n-# small\n2. item')).toBe(
      '\\# Breaking\n\\> quoted\n\\-# small\n2\\. item',
    );
    expect(escapeMarkdown('||spoiler|| and **bold**')).toBe('\\|\\|spoiler\\|\\| and \\*\\*bold\\*\\*');
  });

  it('drops bidi overrides and control characters', () => {
    expect(escapeMarkdown('a\u202eb\u0007c')).toBe('abc');
  });
});

describe('inline, prose, plain, engineText', () => {
  it('inline keeps one line', () => {
    expect(inline('Headline\n\n# with\tbreaks')).toBe('Headline # with breaks');
  });

  it('prose collapses runs of blank lines but keeps paragraphs', () => {
    expect(prose('a\n\n\n\n\nb\r\nc')).toBe('a\n\nb\nc');
  });

  it('plain (footers, thread names) defuses mentions without backslashes', () => {
    expect(plain('Digest @here *now*')).toBe('Digest @\u2060here *now*');
  });

  it('engineText keeps inline code spans as code and escapes the rest', () => {
    expect(engineText('Try `/chipbrief firm SMIC` — **not bold** @everyone')).toBe(
      'Try `/chipbrief firm SMIC` — \\*\\*not bold\\*\\* @\u2060everyone',
    );
    expect(engineText('a ``` fence')).toBe('a \\`\\`\\` fence');
  });
});

describe('links', () => {
  it('builds a masked link with an inert label and an encoded URL', () => {
    expect(link('https://site.example/a(b) c', 'A [tricky] label')).toBe(
      '[A \\[tricky\\] label](https://site.example/a%28b%29%20c)',
    );
  });

  it('refuses non-http URLs and credentials', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('https://user:pw@site.example/')).toBeNull();
    expect(link('file:///etc/passwd', 'local')).toBe('local');
  });
});

describe('cutEscaped', () => {
  it('never leaves a dangling escape or half a surrogate pair', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 2, max: 60 }), (s, max) => {
        const out = cutEscaped(escapeMarkdown(s), max);
        expect(out.length).toBeLessThanOrEqual(max);
        const body = out.endsWith('\u2026') ? out.slice(0, -1) : out;
        expect(isUnsafeCut(body, body.length)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('stripBotMention', () => {
  it('removes the bot mention in both forms, and only the bot', () => {
    expect(stripBotMention('<@900> <@!900>: what about SMIC? cc <@42>', '900')).toBe(
      'what about SMIC? cc <@42>',
    );
  });
});
