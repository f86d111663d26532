import type { EntityKind } from '../entities/mention.js';
import type { Answer } from './answer.js';
import { askAnswer } from './answer-ask.js';
import { firmAnswer } from './answer-firm.js';
import { policyAnswer } from './answer-policy.js';
import { speakerAnswer } from './answer-speaker.js';
import { whoAnswer } from './answer-who.js';
import type { AnswerDraft, ModeContext } from './draft.js';
import { resolveEntity } from './resolve-entity.js';
import { type Intent, phrase, type Understanding } from './understand.js';

const PRONOUN = /^(he|she|him|her|they|them|it)$/i;

/**
 * Answers an understood question: resolves its names against the store and picks the mode (firm,
 * policy, who, speaker or free question). A follow-up's ellipsis ("and tariffs?") keeps the previous
 * question's shape with the new person or topic.
 */
export async function answerIntent(ctx: ModeContext, u: Understanding): Promise<AnswerDraft> {
  return byMode(ctx, u.intent, u.unresolved);
}

async function byMode(ctx: ModeContext, intent: Intent, unresolved: string | null): Promise<AnswerDraft> {
  switch (intent.mode) {
    case 'speaker':
      if (PRONOUN.test(intent.person) || unresolved) {
        if (intent.topic) return whoAnswer(ctx, intent.topic, null);
        const who = unresolved ?? intent.person;
        const answer: Answer = {
          kind: 'empty',
          title: 'Who do you mean?',
          parts: [
            `Who do you mean by \u201c${who}\u201d? Ask with a name, e.g. \u201cwhat did Talia Brennan say?\u201d, or follow up in the thread of an answer that named them.`,
          ],
          quotes: [],
          citations: [],
          suggestions: [],
          visibility: 'ephemeral',
          storyIds: [],
        };
        return { answer, cited: [], quotePool: [], question: phrase(intent), synthesize: false };
      }
      return speakerAnswer(ctx, intent.person, intent.topic);
    case 'who':
      return whoAnswer(ctx, intent.topic, await wholeName(ctx, intent.topic, ['policy', 'firm', 'chip']));
    case 'firm':
      return entityMode(ctx, intent.name, ['firm', 'chip'], 'firm', phrase(intent));
    case 'policy':
      return entityMode(ctx, intent.name, ['policy'], 'policy', phrase(intent));
    case 'about':
      return entityMode(ctx, intent.name, ['firm', 'policy', 'chip'], null, intent.question);
    case 'ask':
      return askAnswer(ctx, intent.question);
    case 'more':
      return askAnswer(ctx, 'tell me more');
    case 'ellipsis':
      return byMode(ctx, await continueWith(ctx, intent.previous, intent.fragment), unresolved);
  }
}

/**
 * A firm, policy or "what is X" question: the mode follows what the name resolves to, so `firm Entity
 * List` still explains the policy and `what is SiCarrier?` gives the firm's stories.
 */
async function entityMode(
  ctx: ModeContext,
  name: string,
  kinds: EntityKind[],
  asked: 'firm' | 'policy' | null,
  question: string,
): Promise<AnswerDraft> {
  const e =
    (await resolveEntity(ctx.store, name, kinds)) ??
    (await resolveEntity(ctx.store, name, ['firm', 'policy', 'chip', 'person']));
  const kind = e?.kind ?? null;
  if (kind === 'person') return speakerAnswer(ctx, e!.canonical, null);
  if (kind === 'policy') return policyAnswer(ctx, name, e);
  if (kind === 'firm' || kind === 'chip') return firmAnswer(ctx, name, e);
  if (asked === 'firm') return firmAnswer(ctx, name, null);
  if (asked === 'policy') return policyAnswer(ctx, name, null);
  return askAnswer(ctx, question);
}

/** A short topic that is itself an entity ("export controls", "Xinkailai") is matched by name and aliases. */
async function wholeName(ctx: ModeContext, topic: string, kinds: EntityKind[]) {
  if (topic.trim().split(/\s+/).length > 4) return null;
  return resolveEntity(ctx.store, topic, kinds);
}

/** The previous question with the fragment in the slot it fits: a speaker, an entity, or the topic. */
async function continueWith(ctx: ModeContext, previous: Intent | null, fragment: string): Promise<Intent> {
  const isSpeaker = /^[A-Z]/.test(fragment) && (await ctx.store.quotesBySpeaker(fragment, 1)).length > 0;
  if (!previous)
    return isSpeaker
      ? { mode: 'speaker', person: fragment, topic: null }
      : { mode: 'ask', question: fragment };
  switch (previous.mode) {
    case 'speaker':
      return isSpeaker
        ? { mode: 'speaker', person: fragment, topic: previous.topic }
        : { mode: 'speaker', person: previous.person, topic: fragment };
    case 'who':
      return isSpeaker
        ? { mode: 'speaker', person: fragment, topic: previous.topic }
        : { mode: 'who', topic: fragment };
    case 'firm':
    case 'policy':
    case 'about': {
      const e = await resolveEntity(ctx.store, fragment, ['firm', 'policy', 'chip']);
      if (e?.kind === 'policy') return { mode: 'policy', name: fragment };
      if (e) return { mode: 'firm', name: fragment };
      return { mode: 'ask', question: `${previous.name} ${fragment}` };
    }
    case 'ask':
    case 'more':
    case 'ellipsis':
      return { mode: 'ask', question: fragment };
  }
}
