import type { InboundCommand } from '../ports.js';
import type { Answer, Command } from './answer.js';
import { answerCommand } from './answer-command.js';
import { parseCommand } from './parse-command.js';
import type { AnswerServices } from './services.js';
import { questionContext, rememberThread } from './thread-context.js';

/**
 * What the queue's `answer` job calls for every command or follow-up an adapter received: parses it
 * (a follow-up is a free question unless it is a command word), answers it with the thread's context
 * (its stories first, its people and topics for "he" and "and tariffs?"), and stores the new turn so a
 * restart keeps the conversation. A command asked outside a thread is stored by `rememberAnswer` once
 * its message (the new thread's root) is posted.
 */
export async function answerInbound(cmd: InboundCommand, services: AnswerServices): Promise<Answer> {
  const { ctx } = cmd;
  const threadRef = ctx.threadRef ?? cmd.target.threadRef;
  const key = threadRef ? { platform: ctx.platform, channelId: ctx.channelId, threadRef } : null;
  const thread = key ? await services.store.getThread(key.platform, key.channelId, key.threadRef) : null;
  const command = cmd.followUp ? followUp(cmd.text) : parseCommand(cmd.text);
  const answer = await answerCommand(command, ctx, services, questionContext(thread));
  if (key && answer.understood) {
    await rememberThread(services.store, {
      ...key,
      storyIds: answer.storyIds,
      turn: { ...answer.understood, at: services.clock.now().toISOString() },
    });
  }
  return answer;
}

/** A mention or thread reply: a command when it starts with one, else (typos included) a question. */
function followUp(text: string): Command {
  const parsed = parseCommand(text);
  if (parsed.name === 'help' && parsed.reason && text.trim())
    return { name: 'ask', arg: text.trim().slice(0, 500) };
  return parsed;
}
