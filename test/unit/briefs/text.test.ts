import { describe, expect, it } from 'vitest';
import { cleanHeadline } from '../../../src/briefs/headline.js';
import { quotedSpans, quotesAreVerbatim } from '../../../src/briefs/quote-marks.js';
import { cleanSummaryLine, hasMentionSyntax, stripMentions } from '../../../src/briefs/sanitize.js';
import { splitSentences } from '../../../src/briefs/sentences.js';
import { EXPORT_TEXT } from './story-fixtures.js';

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside sentences', () => {
    const text =
      'The U.S. Commerce Dept. met Dr. Lisa Chen of Acme Co. on Jan. 15 about a 2.5% tariff. Jack G. Smith disagreed! Did it matter? Yes.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'The U.S. Commerce Dept. met Dr. Lisa Chen of Acme Co. on Jan. 15 about a 2.5% tariff.',
      'Jack G. Smith disagreed!',
      'Did it matter?',
      'Yes.',
    ]);
  });

  it('gives offsets into the original text, paragraph by paragraph', () => {
    const sentences = splitSentences(EXPORT_TEXT);
    for (const s of sentences) expect(EXPORT_TEXT.slice(s.start, s.end)).toBe(s.text);
    expect(new Set(sentences.map((s) => s.paragraph)).size).toBe(EXPORT_TEXT.split('\n').length);
    expect(sentences.some((s) => s.text.startsWith('Dr. Reyes noted'))).toBe(true);
  });

  it('ends a sentence after a closing quotation mark', () => {
    const text = '"We will comply," she said. "But not today." Officials declined to comment.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '"We will comply," she said.',
      '"But not today."',
      'Officials declined to comment.',
    ]);
  });
});

describe('quotation marks in model text', () => {
  it('finds spans of straight, curly, guillemet and corner quotes, ignoring apostrophes', () => {
    expect(quotedSpans('China’s rule, as one analyst put it, is “a blockade” of chipmakers’ plans')).toEqual({
      ok: true,
      spans: ['a blockade'],
    });
    expect(quotedSpans('He called it "late" and «unwise» and 「遅い」')).toEqual({
      ok: true,
      spans: ['late', 'unwise', '遅い'],
    });
    expect(quotedSpans('She said ‘enough’ twice')).toEqual({ ok: true, spans: ['enough'] });
  });

  it('rejects unbalanced marks', () => {
    expect(quotedSpans('He said "we will comply').ok).toBe(false);
    expect(quotedSpans('We will comply,” he said').ok).toBe(false);
    expect(quotedSpans('It was «late').ok).toBe(false);
  });

  it('accepts quoted words only when verbatim in the article', () => {
    expect(
      quotesAreVerbatim(
        'Okafor called it “the loophole everyone in the industry has been talking about.”',
        EXPORT_TEXT,
      ),
    ).toBe(true);
    expect(quotesAreVerbatim('Reyes said start-ups "depend on rented compute abroad".', EXPORT_TEXT)).toBe(
      true,
    );
    expect(quotesAreVerbatim('Okafor called it "a disaster for cloud providers".', EXPORT_TEXT)).toBe(false);
    expect(quotesAreVerbatim('Beijing’s ministry “firmly opposed” it', EXPORT_TEXT)).toBe(true);
    expect(quotesAreVerbatim('No quotation marks at all.', EXPORT_TEXT)).toBe(true);
  });
});

describe('sanitize', () => {
  it('removes Slack and Discord mention syntax and markup', () => {
    const line =
      'Alert <!channel> and <!here|here> for <@U123ABC> <@&998877> in <#C42|general>: @everyone, ＠here @Channel';
    const clean = stripMentions(line);
    expect(hasMentionSyntax(clean)).toBe(false);
    expect(clean).not.toMatch(/[<>@＠]/);
    expect(clean.startsWith('Alert and for in')).toBe(true);
  });

  it('keeps ordinary text, strips list markers and control characters', () => {
    expect(cleanSummaryLine('- Exports of chips fell 5% (to $2.1 bn) in May.')).toBe(
      'Exports of chips fell 5% (to $2.1 bn) in May.',
    );
    expect(cleanSummaryLine('\u001b[31mred\u001b[0m text')).toBe('[31mred [0m text');
    expect(cleanSummaryLine(`${'word '.repeat(200)}end`, 100).length).toBeLessThanOrEqual(100);
  });
});

describe('cleanHeadline', () => {
  it('drops site suffixes and wire prefixes but keeps real headline parts', () => {
    expect(cleanHeadline('U.S. widens export curbs on AI chips | Chip Policy Wire', 'Chip Policy Wire')).toBe(
      'U.S. widens export curbs on AI chips',
    );
    expect(cleanHeadline('EU clears state aid for Dresden plant - EuroChips Report', null)).toBe(
      'EU clears state aid for Dresden plant',
    );
    expect(cleanHeadline('UPDATE 2-Dutch curbs on lithography tools take effect – Reuters', 'Reuters')).toBe(
      'Dutch curbs on lithography tools take effect',
    );
    expect(cleanHeadline('Huawei unveils new accelerator - Ascend 950', null)).toBe(
      'Huawei unveils new accelerator - Ascend 950',
    );
    expect(cleanHeadline('China hits back at chip curbs - state media', null)).toBe(
      'China hits back at chip curbs - state media',
    );
    expect(cleanHeadline('Taiwan rule <!channel> @everyone', null)).toBe('Taiwan rule');
    expect(cleanHeadline('', null, 'The lead sentence.')).toBe('The lead sentence.');
  });
});
