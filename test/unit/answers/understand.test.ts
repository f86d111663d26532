import { describe, expect, it } from 'vitest';
import type { AnswerFocus } from '../../../src/answers/answer.js';
import { phrase, substitutePronouns, understand } from '../../../src/answers/understand.js';

const talia: AnswerFocus = {
  people: ['Talia Brennan'],
  firms: ['SiCarrier'],
  policies: ['AI Diffusion Rule'],
  topic: null,
};

describe('understand', () => {
  it('reads the shapes of questions', () => {
    expect(understand('what did Talia Brennan say?', null, null).intent).toEqual({
      mode: 'speaker',
      person: 'Talia Brennan',
      topic: null,
    });
    expect(understand('What has Dana Whitfield said about tariffs', null, null).intent).toEqual({
      mode: 'speaker',
      person: 'Dana Whitfield',
      topic: 'tariffs',
    });
    expect(
      understand('what did the Semiconductor Trade Alliance say about the credits?', null, null).intent,
    ).toMatchObject({
      mode: 'speaker',
      person: 'Semiconductor Trade Alliance',
    });
    expect(understand('who said export controls were a failure?', null, null).intent).toEqual({
      mode: 'who',
      topic: 'export controls were a failure',
    });
    // Filler before the topic is not the topic.
    for (const q of [
      'who said anything about servicing limits?',
      'who has said something on servicing limits',
    ]) {
      expect(understand(q, null, null).intent).toEqual({ mode: 'who', topic: 'servicing limits' });
    }
    expect(understand("what's new on Huawei?", null, null).intent).toMatchObject({
      mode: 'about',
      name: 'Huawei',
    });
    expect(understand('what is the AI diffusion rule?', null, null).intent).toMatchObject({
      mode: 'about',
      name: 'AI diffusion rule',
    });
    expect(
      understand('how will the tariff credits change fab plans in Arizona and Texas', null, null).intent,
    ).toMatchObject({
      mode: 'ask',
    });
  });

  it('reads a firm or policy argument written as a question as the name', () => {
    expect(understand('policy what is the Entity List', null, null).intent).toEqual({
      mode: 'policy',
      name: 'Entity List',
    });
    expect(understand("firm what's new on SMIC", null, null).intent).toEqual({ mode: 'firm', name: 'SMIC' });
    expect(understand('firm the SiCarrier', null, null).intent).toEqual({ mode: 'firm', name: 'SiCarrier' });
  });

  it('resolves he/she/his against the thread focus, and reports a pronoun with nobody to point to', () => {
    const u = understand('and what did she say about supply chains?', talia, null);
    expect(u.intent).toEqual({ mode: 'speaker', person: 'Talia Brennan', topic: 'supply chains' });
    expect(u.unresolved).toBeNull();
    expect(substitutePronouns('what is his view on it', talia).text).toBe(
      "what is Talia Brennan's view on AI Diffusion Rule",
    );
    const lost = understand('what did he say about tariffs?', null, null);
    expect(lost.unresolved).toBe('he');
  });

  it('reads "and tariffs?" as an ellipsis continuing the previous question', () => {
    const prev = understand('what did Talia Brennan say?', null, null).intent;
    expect(understand('and tariffs?', talia, prev).intent).toEqual({
      mode: 'ellipsis',
      previous: prev,
      fragment: 'tariffs',
    });
    expect(understand('what about SMIC', null, { mode: 'firm', name: 'Huawei' }).intent).toMatchObject({
      mode: 'ellipsis',
      fragment: 'SMIC',
    });
  });

  it('reads back every canonical wording as the same intent', () => {
    const intents = [
      { mode: 'speaker', person: 'Dana Whitfield', topic: 'tariffs' },
      { mode: 'speaker', person: 'Rohan Desai', topic: null },
      { mode: 'who', topic: 'export controls' },
      { mode: 'firm', name: 'SiCarrier' },
      { mode: 'policy', name: 'Entity List' },
    ] as const;
    for (const i of intents) expect(understand(phrase(i), null, null).intent).toEqual(i);
  });
});
