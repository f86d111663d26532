import type { Platform } from '../../src/digests/digest.js';
import type { CommandSink, Llm, LlmRequest, LlmResult } from '../../src/ports.js';
import type { ChipbriefMetrics } from './metrics.js';

/** Runs `fn`, reporting its duration in seconds and whether it succeeded; rethrows what it throws. */
export async function timed<T>(
  fn: () => Promise<T>,
  report: (seconds: number, ok: boolean) => void,
): Promise<T> {
  const start = performance.now();
  try {
    const value = await fn();
    report((performance.now() - start) / 1_000, true);
    return value;
  } catch (err) {
    report((performance.now() - start) / 1_000, false);
    throw err;
  }
}

/** Tokens an adapter attached to an error: the call cost them although it failed. */
function usageOf(err: unknown): { tokensIn: number; tokensOut: number } {
  const u = (err as { usage?: { tokensIn?: unknown; tokensOut?: unknown } } | null)?.usage;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : 0);
  return { tokensIn: n(u?.tokensIn), tokensOut: n(u?.tokensOut) };
}

/** The Llm port with every request counted: outcome (ok or error code) and tokens in and out. */
export function meteredLlm(llm: Llm, metrics: ChipbriefMetrics): Llm {
  return {
    get model() {
      return llm.model;
    },
    async complete<T>(request: LlmRequest<T>): Promise<LlmResult<T>> {
      try {
        const result = await llm.complete(request);
        metrics.llmRequest('ok', result.tokensIn, result.tokensOut);
        return result;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        const { tokensIn, tokensOut } = usageOf(err);
        metrics.llmRequest(
          typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'error',
          tokensIn,
          tokensOut,
        );
        throw err;
      }
    },
  };
}

/**
 * The command sink with each accepted command counted and, when the command carries the platform's
 * own timestamp (`via.createdAt`, Discord interactions), its acknowledgement latency: the adapter
 * acknowledges before it builds the command, so `receivedAt - createdAt` bounds the ack from above.
 */
export function meteredSink(sink: CommandSink, metrics: ChipbriefMetrics): CommandSink {
  return {
    async submit(command) {
      await sink.submit(command);
      const platform: Platform = command.ctx.platform;
      metrics.commandSubmitted(platform, command.followUp);
      const created = Date.parse(command.target.via.createdAt ?? '');
      const received = Date.parse(command.receivedAt);
      if (Number.isFinite(created) && Number.isFinite(received)) {
        metrics.commandAcked(platform, (received - created) / 1_000);
      }
    },
  };
}
