import type { Answer, AnswerFocus, Command, CommandContext } from './answer.js';
import { adminAnswer } from './answer-admin.js';
import { digestAnswer } from './answer-digest.js';
import { answerIntent } from './answer-intent.js';
import type { ModeContext } from './draft.js';
import { helpAnswer } from './help.js';
import { refineWithLlm } from './refine.js';
import type { AnswerServices } from './services.js';
import { type Intent, understand } from './understand.js';

/** Thread context for a question: the thread's stories and what its earlier turns were about. */
export interface QuestionContext {
  /** Story ids to rank first (the latest turn's, then the rest of the thread's, then its digest's). */
  prefer: readonly string[];
  /** Who and what "he", "she", "they" and "it" refer to. */
  focus: AnswerFocus | null;
  /** The previous question's shape, which an ellipsis ("and tariffs?") continues. */
  previous: Intent | null;
}

const NO_THREAD: QuestionContext = { prefer: [], focus: null, previous: null };

/**
 * Answers one command. Questions (firm, policy, who, ask) are answered from the store — offline, or with
 * the LLM rewriting the synthesis when one is configured; admin commands run only for admins; anything
 * unknown gets help. Never throws for bad input.
 */
export async function answerCommand(
  cmd: Command,
  ctx: CommandContext,
  services: AnswerServices,
  thread: QuestionContext = NO_THREAD,
): Promise<Answer> {
  switch (cmd.name) {
    case 'help':
      return helpAnswer(cmd.reason);
    case 'digest':
      return digestAnswer(ctx, services);
    case 'sources':
    case 'subscribe':
    case 'unsubscribe':
      return adminAnswer(cmd, ctx, services);
    case 'firm':
    case 'policy':
    case 'who':
      return answerQuestion(`${cmd.name} ${cmd.arg}`, services, thread);
    case 'ask':
      return answerQuestion(cmd.arg, services, thread);
  }
}

/** A question in words (a command's argument or a follow-up), read against the thread's context. */
export async function answerQuestion(
  text: string,
  services: AnswerServices,
  thread: QuestionContext = NO_THREAD,
): Promise<Answer> {
  const u = understand(text, thread.focus, thread.previous);
  const mode: ModeContext = { store: services.store, now: services.clock.now(), prefer: thread.prefer };
  const draft = await answerIntent(mode, u);
  const answer = await refineWithLlm(draft, services);
  if (u.unresolved && answer.kind === 'answer') {
    answer.parts = [
      `I could not tell who \u201c${u.unresolved}\u201d is here (ask with a name, e.g. \u201cwhat did Jane Doe say?\u201d), so this answers without them.`,
      ...answer.parts,
    ];
  }
  return answer;
}
