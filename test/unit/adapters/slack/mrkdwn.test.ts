import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  engineProse,
  escapeMrkdwn,
  inline,
  link,
  prose,
  safeUrl,
  stripBotMention,
  unescapeSlackInput,
} from '../../../../adapters/slack/mrkdwn.js';
import { HOSTILE } from '../../../fakes/slack-fixtures.js';

/** What a reader sees: entities decoded, zero-width spaces gone, the backtick look-alike read back. */
function shown(mrkdwn: string): string {
  return mrkdwn
    .replace(/\u200b/g, '')
    .replace(/\u02cb/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Slack control syntax: anything in angle brackets (mentions, broadcasts, links). */
const CONTROL = /<[^>]*>/;

describe('escaping untrusted text for mrkdwn', () => {
  it('turns broadcasts, mentions, channel links and links in article text into inert text', () => {
    const out = inline(HOSTILE);
    expect(out).not.toMatch(CONTROL);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;@U0VICTIM&gt;');
    expect(out).toContain('&lt;https://evil.example/steal|the official notice&gt;');
    expect(out).toContain(' &amp; ');
    expect(shown(out)).toBe(HOSTILE);
  });

  it('leaves no formatting marker next to visible text, so *bold* _it_ ~s~ `code` stay literal', () => {
    const out = inline('*Nvidia* _wins_ ~waiver~ `H20`');
    expect(out).not.toMatch(/[^\u200b][*_~]|[*_~][^\u200b]/);
    expect(out).not.toContain('`');
    expect(shown(out)).toBe('*Nvidia* _wins_ ~waiver~ `H20`');
  });

  it('never lets any string produce Slack control syntax, and shows it unchanged', () => {
    fc.assert(
      // The two characters the escaping itself inserts are left out: `shown` reads them back.
      fc.property(
        fc.string({ unit: 'grapheme-composite', maxLength: 200 }).filter((s) => !/[\u200b\u02cb]/.test(s)),
        (s) => {
          const one = inline(s);
          const multi = prose(s);
          for (const out of [one, multi]) {
            expect(out).not.toMatch(/[<>]/);
            expect(out.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
          }
          expect(shown(one)).toBe(s.replace(/\s+/g, ' ').trim());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps paragraphs in prose but collapses runs of blank lines that would push content away', () => {
    expect(prose('First paragraph.\n\n\n\n\n\nSecond.')).toBe('First paragraph.\n\nSecond.');
    expect(prose('  Line one \r\n line two  ')).toBe('Line one\nline two');
  });

  it('escapes only &, < and >', () => {
    expect(escapeMrkdwn('a & b < c > d "e" \'f\'')).toBe('a &amp; b &lt; c &gt; d "e" \'f\'');
  });
});

describe('links the adapter makes', () => {
  it('links http(s) URLs with an escaped label', () => {
    expect(link('https://policywire.example/a?b=1&c=2', 'Rules <!here> & more')).toBe(
      '<https://policywire.example/a?b=1&amp;c=2|Rules &lt;!here&gt; &amp; more>',
    );
  });

  it('refuses other schemes and credentials: the label alone, no link', () => {
    expect(link('javascript:alert(1)', 'Click')).toBe('Click');
    expect(link('file:///etc/passwd', 'Local')).toBe('Local');
    expect(link('https://user:pw@evil.example/', 'Creds')).toBe('Creds');
    expect(safeUrl('not a url')).toBeNull();
  });

  it('cannot be closed or split early by the URL', () => {
    const url = safeUrl('https://evil.example/a|b>c<d')!;
    expect(url).not.toMatch(/[|<>]/);
    expect(link('https://evil.example/x|<!channel>', 'ok')).toMatch(
      /^<https:\/\/evil\.example\/x%7C[^|<>]*\|ok>$/,
    );
  });
});

describe('user input', () => {
  it('strips the bot mention and keeps the question', () => {
    expect(stripBotMention('<@UBOT0001> who said what about tariffs?', 'UBOT0001')).toBe(
      'who said what about tariffs?',
    );
    expect(stripBotMention('hey <@UBOT0001|chipbrief>, and SMIC?', 'UBOT0001')).toBe('hey and SMIC?');
    expect(stripBotMention('ask <@U0OTHER> too', 'UBOT0001')).toBe('ask <@U0OTHER> too');
  });

  it('reads Slack-escaped text and auto-linked URLs back to what the user typed', () => {
    expect(unescapeSlackInput('sources add <https://feeds.example/chips.xml>')).toBe(
      'sources add https://feeds.example/chips.xml',
    );
    expect(unescapeSlackInput('sources add <http://feeds.example/rss|feeds.example/rss>')).toBe(
      'sources add http://feeds.example/rss',
    );
    expect(unescapeSlackInput('R&amp;D &lt;subsidies&gt;')).toBe('R&D <subsidies>');
    expect(unescapeSlackInput('&amp;lt;')).toBe('&lt;');
  });
});

describe('engine prose', () => {
  it('keeps the engine’s short `code` spans and defuses everything else', () => {
    const out = engineProse('Try `/chipbrief who tariffs` or ```rm -rf``` and <!here> *now*');
    expect(out).toContain('`/chipbrief who tariffs`');
    expect(out).not.toContain('```');
    expect(out).toContain('&lt;!here&gt;');
    expect(out).not.toMatch(/[^\u200b][*]|[*][^\u200b]/);
  });
});
