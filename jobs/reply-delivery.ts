import type { Answer } from '../src/answers/answer.js';
import type { ReplyDelivery } from '../src/ports.js';

/** What the answer job needs of its BullMQ job (a structural subset, so tests can hand a plain object). */
export interface ReplyJob {
  readonly attemptsMade: number;
  /** Counts starts, also a stalled job's takeover after a crash (attemptsMade does not). */
  readonly attemptsStarted?: number;
  readonly progress: unknown;
  updateProgress(progress: object): Promise<void>;
}

/** The job's progress field while it answers: the answer being sent and the parts sent so far. */
interface AnswerProgress {
  answer: Answer | null;
  sent: number[];
}

/**
 * An answer job's `ReplyDelivery`, kept in the job's progress in Redis so it survives retries and a
 * worker's crash. It also keeps the answer itself: a retry sends the rest of the same answer rather
 * than a new one (an LLM or a freshly ingested article could change it and its parts), and does not
 * run the answer's side effects (thread turns, admin commands) a second time.
 */
export class JobReplyDelivery implements ReplyDelivery {
  readonly retry: boolean;
  private readonly state: AnswerProgress;

  constructor(
    readonly replyId: string,
    private readonly job: ReplyJob,
  ) {
    const saved = readProgress(job.progress);
    this.state = saved ?? { answer: null, sent: [] };
    this.retry = saved !== null || job.attemptsMade > 0 || (job.attemptsStarted ?? 1) > 1;
  }

  /** The answer an earlier attempt computed, if it got that far. */
  get savedAnswer(): Answer | null {
    return this.state.answer;
  }

  /** Keeps the answer before its first part is sent. */
  async saveAnswer(answer: Answer): Promise<void> {
    this.state.answer = answer;
    await this.job.updateProgress({ ...this.state });
  }

  wasSent(index: number): boolean {
    return this.state.sent.includes(index);
  }

  async markSent(index: number): Promise<void> {
    if (this.wasSent(index)) return;
    this.state.sent.push(index);
    await this.job.updateProgress({ ...this.state, sent: [...this.state.sent] });
  }
}

function readProgress(p: unknown): AnswerProgress | null {
  if (typeof p !== 'object' || p === null) return null;
  const { answer, sent } = p as Partial<AnswerProgress>;
  if (!Array.isArray(sent)) return null;
  const ok = typeof answer === 'object' && answer !== null && Array.isArray(answer.parts);
  return { answer: ok ? answer : null, sent: sent.filter((n) => Number.isInteger(n)) };
}
