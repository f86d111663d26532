import { ChipbriefError } from '../../src/errors.js';
import type { InboundCommand } from '../../src/ports.js';
import type { JobContext } from '../job-context.js';
import { timed } from '../observability/metered.js';
import { processMetrics } from '../observability/process-metrics.js';
import type { AnswerPayload } from '../payloads.js';

export interface AnswerJobResult {
  kind: string;
  messageRef: string;
}

/** An inbound command -> answer (src/answers) -> reply through the platform it came from. */
export async function runAnswerJob(payload: AnswerPayload, ctx: JobContext): Promise<AnswerJobResult> {
  if (!ctx.answer) {
    throw new ChipbriefError('INTERNAL', 'answers are not wired into this worker');
  }
  const command: InboundCommand = payload;
  const platform = ctx.services.platforms.get(command.target.platform);
  if (!platform) {
    throw new ChipbriefError(
      'PLATFORM_FAILED',
      `no ${command.target.platform} connection in this worker to reply through`,
      { permanent: true },
    );
  }
  const answer = await ctx.answer(command, ctx.services);
  const messageRef = await timed(
    () => platform.reply(command.target, answer),
    (seconds, ok) => processMetrics().posted(platform.platform, 'reply', seconds, ok),
  );
  return { kind: answer.kind, messageRef };
}
