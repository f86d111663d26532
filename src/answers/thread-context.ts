import type { Platform } from '../digests/digest.js';
import type { Store, ThreadRecord, ThreadTurn } from '../store/port.js';
import type { Answer, AnswerFocus } from './answer.js';
import type { QuestionContext } from './answer-command.js';
import { understand } from './understand.js';

/** Turns kept per thread: enough for any conversation, bounded so a busy thread stays small. */
const MAX_TURNS = 20;
const MAX_STORIES = 60;

export interface ThreadKey {
  platform: Platform;
  channelId: string;
  threadRef: string;
}

/**
 * What a thread tells the next question: its stories (latest turn's first, the digest's last), the
 * people, firms and policies pronouns may point to (the most recent turn that named any), and the
 * previous question's shape for ellipses.
 */
export function questionContext(thread: ThreadRecord | null): QuestionContext {
  if (!thread) return { prefer: [], focus: null, previous: null };
  const turns = [...thread.turns].reverse();
  const prefer = unique([...turns.flatMap((t) => t.storyIds), ...thread.storyIds]);
  const pick = (k: 'people' | 'firms' | 'policies') =>
    turns.find((t) => t.focus[k].length > 0)?.focus[k] ?? [];
  const last = turns[0];
  const focus: AnswerFocus = {
    people: pick('people'),
    firms: pick('firms'),
    policies: pick('policies'),
    topic: last?.focus.topic ?? null,
  };
  // Stored questions are in canonical wording, so reading one back needs no context of its own.
  const previous = last ? understand(last.question, null, null).intent : null;
  return { prefer, focus, previous };
}

/**
 * Creates or extends a thread's stored context: used when a digest or an answer is posted (its message
 * starts the thread) and after each follow-up. Read-modify-write inside a store transaction, so two
 * follow-ups answered at once both keep their turn.
 */
export async function rememberThread(
  store: Store,
  input: ThreadKey & {
    digestId?: string | null;
    storyIds: readonly string[];
    turn?: { question: string; focus: AnswerFocus; at: string } | null;
  },
): Promise<ThreadRecord> {
  return store.transaction(async () => {
    const have = await store.getThread(input.platform, input.channelId, input.threadRef);
    const turns: ThreadTurn[] = [...(have?.turns ?? [])];
    if (input.turn) {
      turns.push({
        question: input.turn.question,
        focus: input.turn.focus,
        storyIds: [...input.storyIds],
        at: input.turn.at,
      });
    }
    const record: ThreadRecord = {
      platform: input.platform,
      channelId: input.channelId,
      threadRef: input.threadRef,
      digestId: input.digestId ?? have?.digestId ?? null,
      storyIds: unique([...input.storyIds, ...(have?.storyIds ?? [])]).slice(0, MAX_STORIES),
      turns: turns.slice(-MAX_TURNS),
    };
    await store.saveThread(record);
    return record;
  });
}

/**
 * Seeds the thread an answer's message starts (call after posting it outside a thread, with the
 * platform's message reference), so follow-ups in that thread know what was asked.
 */
export async function rememberAnswer(
  store: Store,
  key: ThreadKey,
  answer: Answer,
  at: string,
): Promise<ThreadRecord | null> {
  if (!answer.understood && answer.storyIds.length === 0) return null;
  return rememberThread(store, {
    ...key,
    storyIds: answer.storyIds,
    turn: answer.understood ? { ...answer.understood, at } : null,
  });
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
