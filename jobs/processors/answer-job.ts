import { ChipbriefError } from '../../src/errors.js';
import type { InboundCommand } from '../../src/ports.js';
import type { JobContext } from '../job-context.js';
import { answerJobId } from '../job-id.js';
import { timed } from '../observability/metered.js';
import { processMetrics } from '../observability/process-metrics.js';
import type { AnswerPayload } from '../payloads.js';
import { JobReplyDelivery, type ReplyJob } from '../reply-delivery.js';

export interface AnswerJobResult {
  kind: string;
  messageRef: string;
}

/**
 * An inbound command -> answer (src/answers) -> reply through the platform it came from, each part of
 * the reply posted once across retries and crashes: the job id is the reply id the platform tags parts
 * with, and the job's progress records the answer and the parts sent (see reply-delivery.ts).
 */
export async function runAnswerJob(
  payload: AnswerPayload,
  ctx: JobContext,
  job: ReplyJob,
): Promise<AnswerJobResult> {
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
  const delivery = new JobReplyDelivery(answerJobId(command.ctx.platform, command.eventId), job);
  let answer = delivery.savedAnswer;
  if (!answer) {
    answer = await ctx.answer(command, ctx.services);
    await delivery.saveAnswer(answer);
  }
  const reply = answer;
  const messageRef = await timed(
    () => platform.reply(command.target, reply, delivery),
    (seconds, ok) => processMetrics().posted(platform.platform, 'reply', seconds, ok),
  );
  return { kind: answer.kind, messageRef };
}
