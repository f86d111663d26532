import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/answers/parse-command.js';

describe('parseCommand', () => {
  it('reads every subcommand of the grammar', () => {
    expect(parseCommand('help')).toEqual({ name: 'help' });
    expect(parseCommand('digest')).toEqual({ name: 'digest' });
    expect(parseCommand('firm Xinkailai')).toEqual({ name: 'firm', arg: 'Xinkailai' });
    expect(parseCommand('policy  "Entity List"')).toEqual({ name: 'policy', arg: 'Entity List' });
    expect(parseCommand('who export controls')).toEqual({ name: 'who', arg: 'export controls' });
    expect(parseCommand('ask what is the AI diffusion rule?')).toEqual({
      name: 'ask',
      arg: 'what is the AI diffusion rule?',
    });
    expect(parseCommand('sources')).toEqual({ name: 'sources', action: 'list' });
    expect(parseCommand('sources list')).toEqual({ name: 'sources', action: 'list' });
    expect(parseCommand('sources add <https://feeds.example/chips.xml|chips>')).toEqual({
      name: 'sources',
      action: 'add',
      url: 'https://feeds.example/chips.xml',
    });
    expect(parseCommand('sources remove src_12ab34cd')).toEqual({
      name: 'sources',
      action: 'remove',
      id: 'src_12ab34cd',
    });
    expect(parseCommand('unsubscribe')).toEqual({ name: 'unsubscribe' });
  });

  it('reads subscribe with optional time, time zone and filters in any combination', () => {
    expect(parseCommand('subscribe')).toEqual({ name: 'subscribe', time: null, tz: null, filters: [] });
    expect(parseCommand('subscribe 08:30 Europe/Berlin firm:Nvidia policy:"Entity List" gallium')).toEqual({
      name: 'subscribe',
      time: '08:30',
      tz: 'Europe/Berlin',
      filters: ['firm:Nvidia', 'policy:Entity List', 'gallium'],
    });
    expect(parseCommand('subscribe America/Argentina/Buenos_Aires')).toEqual({
      name: 'subscribe',
      time: null,
      tz: 'America/Argentina/Buenos_Aires',
      filters: [],
    });
    // Values are checked by the answer, which can explain what is wrong.
    expect(parseCommand('subscribe 25:99 UTC')).toMatchObject({ time: '25:99', tz: 'UTC' });
  });

  it('is case-insensitive for command words and strips a leading /chipbrief', () => {
    expect(parseCommand('/chipbrief FIRM SMIC')).toEqual({ name: 'firm', arg: 'SMIC' });
    expect(parseCommand('  Who   tariffs ')).toEqual({ name: 'who', arg: 'tariffs' });
  });

  it('answers empty input and empty arguments with help and a reason, never an error', () => {
    expect(parseCommand('')).toEqual({ name: 'help' });
    expect(parseCommand('   ')).toEqual({ name: 'help' });
    for (const word of ['firm', 'policy', 'who', 'ask']) {
      const c = parseCommand(word);
      expect(c.name).toBe('help');
      expect(c.name === 'help' && c.reason).toContain(word);
    }
    expect(parseCommand('sources add')).toMatchObject({ name: 'help' });
    expect(parseCommand('sources remove')).toMatchObject({ name: 'help' });
    expect(parseCommand('sources purge all')).toMatchObject({ name: 'help' });
  });

  it('answers a mistyped command with help naming the command meant', () => {
    const c = parseCommand('frim Huawei');
    expect(c).toMatchObject({ name: 'help' });
    expect(c.name === 'help' && c.reason).toContain('firm');
    expect(parseCommand('polcy tariffs')).toMatchObject({ name: 'help' });
  });

  it('reads free text that is not a command as a question', () => {
    expect(parseCommand("what's new on Huawei?")).toEqual({ name: 'ask', arg: "what's new on Huawei?" });
    expect(parseCommand('Huawei')).toEqual({ name: 'ask', arg: 'Huawei' });
    expect(parseCommand('how do tariffs work')).toEqual({ name: 'ask', arg: 'how do tariffs work' });
    expect(parseCommand('form factors of AI chips?')).toMatchObject({ name: 'ask' });
  });

  it('never throws and never yields an empty argument, whatever the input', () => {
    const inputs = [
      '\u0000',
      '"""',
      'ask ""',
      'who \u200b',
      'x'.repeat(5000),
      'subscribe "unclosed',
      '<@U123> firm',
    ];
    for (const text of inputs) {
      const c = parseCommand(text);
      if ('arg' in c) {
        expect(c.arg.length).toBeGreaterThan(0);
        expect(c.arg.length).toBeLessThanOrEqual(500);
      }
    }
  });
});
