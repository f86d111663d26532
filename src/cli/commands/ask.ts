import type { Answer } from '../../answers/answer.js';
import { answerQuestion } from '../../answers/answer-command.js';
import { ChipbriefError } from '../../errors.js';
import { type Clock, type Llm, systemClock } from '../../ports.js';
import type { AppContext } from '../app-context.js';

export interface AskCommandDeps {
  /** When given, the answer's synthesis is written by the LLM (grounded, with the offline fallback). */
  llm?: Llm | null;
  clock?: Clock;
}

/** The `--json` contract of `chipbrief ask`. */
export interface AskJson {
  answer: string;
  quotes: { text: string; speaker: string; role: string | null; articleUrl?: string; articleId?: string }[];
  citations: { n: number; title: string; url?: string; id?: string }[];
}

/** The documented JSON shape: the answer's text, its verbatim quotes and its numbered sources. */
export function answerToJson(a: Answer): AskJson {
  return {
    answer: a.parts.join('\n'),
    quotes: a.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker.name ?? 'unnamed source',
      role: q.speaker.role,
      ...(q.articleUrl ? { articleUrl: q.articleUrl } : { articleId: q.articleId }),
    })),
    citations: a.citations.map((c) => ({
      n: c.n,
      title: c.title,
      ...(c.url ? { url: c.url } : { id: c.articleId }),
    })),
  };
}

/**
 * `chipbrief ask "<question>" [--json]`: an answer with citations from the local store. The question
 * may also use the command grammar ("firm SMIC", "who export controls"). `render` is the terminal
 * renderer (adapters/console), passed in because src/ imports no adapter.
 */
export async function askCommand(
  app: AppContext,
  question: string,
  opts: { json?: boolean },
  render: (a: Answer) => string,
  deps: AskCommandDeps = {},
): Promise<void> {
  const q = question.trim();
  if (!q) {
    throw new ChipbriefError(
      'COMMAND_INVALID',
      'ask needs a question, e.g. chipbrief ask "what is the Entity List?"',
    );
  }
  const store = await app.store();
  const answer = await answerQuestion(q, {
    store,
    llm: deps.llm ?? null,
    clock: deps.clock ?? systemClock,
    config: app.config,
    log: app.log,
  });
  app.out(opts.json ? JSON.stringify(answerToJson(answer), null, 2) : render(answer));
}
