import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerFor, type FakeMode } from './openai-answers.js';

export type { FakeMode } from './openai-answers.js';

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    max_tokens?: number;
    max_completion_tokens?: number;
  };
}

export interface FakeOpenAi {
  /** Base URL for the SDK, ending in /v1. */
  readonly baseURL: string;
  /** Chat completion requests received (every HTTP attempt, retries included). */
  readonly calls: number;
  /** Prompt tokens of all requests received (about four characters each, like the usage it reports). */
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly requests: RecordedRequest[];
  mode: FakeMode;
  /** For 'rate-limit-then-ok': how many 429s before answering. */
  failuresBeforeOk: number;
  reset(): void;
  close(): Promise<void>;
}

const tokens = (s: string) => Math.ceil(s.length / 4);

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function apiError(message: string, type: string) {
  return { error: { message, type, param: null, code: null } };
}

/**
 * An OpenAI-compatible server on node:http for e2e tests and benches: POST /v1/chat/completions.
 * Modes answer well, invent a quote, send malformed JSON, rate-limit then answer, fail with 500s,
 * hang, refuse, follow a prompt injection, or reject json_schema (old llama.cpp / vLLM).
 */
export async function startFakeOpenAi(initial: FakeMode = 'good'): Promise<FakeOpenAi> {
  let calls = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  let rateLimited = 0;
  const requests: RecordedRequest[] = [];
  const state = { mode: initial, failuresBeforeOk: 1 };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        send(res, 404, apiError(`no route ${req.method} ${req.url}`, 'invalid_request_error'));
        return;
      }
      let body: RecordedRequest['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        send(res, 400, apiError('request body is not JSON', 'invalid_request_error'));
        return;
      }
      calls++;
      requests.push({ path: req.url, headers: req.headers, body });
      const prompt = (body.messages ?? []).map((m) => m.content).join('\n');
      promptTokens += tokens(prompt);

      switch (state.mode) {
        case 'hang':
          return; // never answers; the client's timeout decides
        case 'server-error':
          send(res, 500, apiError('The server had an error while processing your request.', 'server_error'), {
            'retry-after-ms': '5',
          });
          return;
        case 'rate-limit-then-ok':
          if (rateLimited < state.failuresBeforeOk) {
            rateLimited++;
            send(res, 429, apiError('Rate limit reached for requests', 'requests'), {
              'retry-after-ms': '5',
            });
            return;
          }
          break;
        case 'no-json-schema':
          if (body.response_format?.type === 'json_schema') {
            send(
              res,
              400,
              apiError(
                "response_format type 'json_schema' is not supported by this server",
                'invalid_request_error',
              ),
            );
            return;
          }
          break;
      }

      const user = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user')?.content ?? '';
      const answer = answerFor(state.mode, user);
      completionTokens += tokens(answer.content ?? answer.refusal ?? '');
      send(res, 200, {
        id: `chatcmpl-fake-${calls}`,
        object: 'chat.completion',
        created: 1_790_000_000,
        model: body.model ?? 'fake-model',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer.content, refusal: answer.refusal },
            logprobs: null,
            finish_reason: answer.finishReason,
          },
        ],
        usage: {
          prompt_tokens: tokens(prompt),
          completion_tokens: tokens(answer.content ?? answer.refusal ?? ''),
          total_tokens: tokens(prompt) + tokens(answer.content ?? answer.refusal ?? ''),
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get calls() {
      return calls;
    },
    get promptTokens() {
      return promptTokens;
    },
    get completionTokens() {
      return completionTokens;
    },
    requests,
    get mode() {
      return state.mode;
    },
    set mode(m: FakeMode) {
      state.mode = m;
      rateLimited = 0;
    },
    get failuresBeforeOk() {
      return state.failuresBeforeOk;
    },
    set failuresBeforeOk(n: number) {
      state.failuresBeforeOk = n;
    },
    reset() {
      calls = 0;
      promptTokens = 0;
      completionTokens = 0;
      rateLimited = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
