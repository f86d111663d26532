import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * The only reader of process.env. Everything else receives a parsed `Config`.
 * Each variable carries a description: scripts/config-table.ts renders the README table from it.
 */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const httpUrl = z.url({ protocol: /^https?$/ });

export const envSchema = z.object({
  CHIPBRIEF_DB: z
    .string()
    .min(1)
    .default('./data/chipbrief.db')
    .describe('SQLite file of the embedded store.'),
  CHIPBRIEF_DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe('postgres://user:pass@host/db — use PostgreSQL instead of SQLite (several machines).'),
  CHIPBRIEF_CONFIG: z
    .string()
    .optional()
    .describe(
      'Path of the JSON config file (sources, subscriptions, admins). Default ./chipbrief.config.json.',
    ),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .default('redis://127.0.0.1:6379')
    .describe('Redis for the BullMQ queues (worker, serve, enqueue).'),
  OPENAI_API_KEY: z.string().min(1).optional().describe('Turns the LLM summarizer on. Secret.'),
  OPENAI_BASE_URL: httpUrl
    .optional()
    .describe('Any OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp ...).'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini').describe('Model name sent to the endpoint.'),
  CHIPBRIEF_LLM: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe('auto: LLM when a key or base URL is set; off: always extractive.'),
  CHIPBRIEF_LLM_DAILY_TOKENS: int(0, 1e10)
    .default(2_000_000)
    .describe('Daily LLM token budget (0 = no limit).'),
  CHIPBRIEF_LLM_TIMEOUT_MS: int(100, 600_000).default(30_000).describe('Timeout of one LLM request.'),
  CHIPBRIEF_LLM_RETRIES: int(0, 10).default(2).describe('Retries of one LLM request (429, 5xx, network).'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-').optional().describe('Slack bot token (xoxb-...). Secret.'),
  SLACK_SIGNING_SECRET: z.string().min(1).optional().describe('Slack signing secret. Secret.'),
  SLACK_APP_TOKEN: z
    .string()
    .startsWith('xapp-')
    .optional()
    .describe('Slack app token: turns Socket Mode on.'),
  SLACK_API_URL: httpUrl.optional().describe('Slack Web API base URL (proxies, tests).'),
  PORT: int(0, 65535)
    .default(3000)
    .describe('HTTP port of the Slack events receiver (when not Socket Mode).'),
  DISCORD_TOKEN: z.string().min(1).optional().describe('Discord bot token. Secret.'),
  DISCORD_APP_ID: z.string().regex(/^\d+$/).optional().describe('Discord application id.'),
  DISCORD_API_URL: httpUrl.optional().describe('Discord REST base URL (proxies, tests).'),
  METRICS_PORT: int(0, 65535).default(9464).describe('Port of /healthz, /metrics and the dashboard.'),
  DASHBOARD_USER: z
    .string()
    .min(1)
    .optional()
    .describe('Queue dashboard basic-auth user (dashboard off if unset).'),
  DASHBOARD_PASSWORD: z.string().min(1).optional().describe('Queue dashboard basic-auth password. Secret.'),
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
    .optional()
    .describe('Log level (default: info for worker/serve, warn for other commands).'),
  CI: bool.default(false).describe('Set by CI systems: no progress bars or prompts.'),
  CHIPBRIEF_ALLOW_PRIVATE_NETWORKS: bool
    .default(false)
    .describe('Let the fetcher reach loopback/private addresses (intranet feeds, tests).'),
  CHIPBRIEF_FETCH_MAX_BYTES: int(1024, 1e9)
    .default(5 * 1024 * 1024)
    .describe('Largest page body fetched.'),
  CHIPBRIEF_FETCH_TIMEOUT_MS: int(100, 600_000).default(15_000).describe('Timeout of one fetch.'),
  CHIPBRIEF_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('chipbrief')
    .describe('Redis key prefix of the queues (several deployments on one Redis).'),
  CHIPBRIEF_CONCURRENCY: int(1, 64).default(4).describe('Jobs a worker runs at once per queue.'),
  CHIPBRIEF_DIGEST_MAX_STORIES: int(1, 50).default(8).describe('Most stories in one digest.'),
  TZ_DEFAULT: z.string().default('UTC').describe('Time zone of subscriptions that name none.'),
});

const adminSchema = z.object({ platform: z.enum(['slack', 'discord']), userId: z.string().min(1) });
const filtersSchema = z
  .object({
    firms: z.array(z.string()).default([]),
    policies: z.array(z.string()).default([]),
    keywords: z.array(z.string()).default([]),
  })
  .default({ firms: [], policies: [], keywords: [] });

export const fileSchema = z.object({
  sources: z
    .array(
      z.object({
        url: httpUrl,
        name: z.string().optional(),
        kind: z.enum(['rss', 'atom', 'url']).optional(),
        priority: z.number().int().default(0),
        pollMinutes: z.number().int().min(1).default(30),
      }),
    )
    .default([]),
  subscriptions: z
    .array(
      z.object({
        platform: z.enum(['slack', 'discord']),
        workspaceId: z.string().default(''),
        channelId: z.string().min(1),
        time: z
          .string()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (24 h)')
          .default('08:00'),
        tz: z.string().optional(),
        filters: filtersSchema,
      }),
    )
    .default([]),
  admins: z.array(adminSchema).default([]),
});

export type Env = z.infer<typeof envSchema>;
export type FileConfig = z.infer<typeof fileSchema>;
export type Filters = z.infer<typeof filtersSchema>;

export interface Config extends Env {
  file: FileConfig;
  /** Where the file config came from, or null when none was found (defaults). */
  configPath: string | null;
  /** True when briefs and answers may call the LLM. */
  llmEnabled: boolean;
}

function failLine(source: string, issue: z.core.$ZodIssue): string {
  const path = issue.path.join('.');
  return `${source}${path ? ` ${path}` : ''}: ${issue.message}`;
}

/** Parses env (and the optional config file) once. Throws ConfigError with one line saying what to fix. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  // Empty strings are how shells and compose files say "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const desc = envSchema.shape[name as keyof Env]?.description ?? '';
    throw new ConfigError(`${failLine('env', issue)} — fix ${name}${desc ? ` (${desc})` : ''}`);
  }
  const e = parsed.data;
  const explicit = e.CHIPBRIEF_CONFIG;
  const path = resolve(cwd, explicit ?? 'chipbrief.config.json');
  let file: FileConfig = fileSchema.parse({});
  let configPath: string | null = null;
  if (existsSync(path)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new ConfigError(
        `${path}: not valid JSON (${(err as Error).message}) — fix the file or unset CHIPBRIEF_CONFIG`,
      );
    }
    const f = fileSchema.safeParse(raw);
    if (!f.success) throw new ConfigError(`${failLine(path, f.error.issues[0]!)} — fix it in that file`);
    file = f.data;
    configPath = path;
  } else if (explicit) {
    throw new ConfigError(`CHIPBRIEF_CONFIG: no file at ${path} — create it or unset CHIPBRIEF_CONFIG`);
  }
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN for the HTTP receiver — set it, or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  if (e.DISCORD_TOKEN && !e.DISCORD_APP_ID) {
    throw new ConfigError(
      'DISCORD_APP_ID: required with DISCORD_TOKEN — copy the Application ID from the developer portal',
    );
  }
  const hasEndpoint = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const llmEnabled = e.CHIPBRIEF_LLM === 'off' ? false : e.CHIPBRIEF_LLM === 'on' ? true : hasEndpoint;
  if (e.CHIPBRIEF_LLM === 'on' && !hasEndpoint) {
    throw new ConfigError(
      'CHIPBRIEF_LLM: "on" needs OPENAI_API_KEY or OPENAI_BASE_URL — set one, or use auto/off',
    );
  }
  return { ...e, file, configPath, llmEnabled };
}

/** Names of variables whose values must never be printed or logged. */
export const SECRET_KEYS = [
  'OPENAI_API_KEY',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'DASHBOARD_PASSWORD',
  'CHIPBRIEF_DATABASE_URL',
] as const;

/** `addedBy` / `createdBy` of the sources and subscriptions `serve` copies from the config file. */
export const CONFIG_FILE_OWNER = 'config';
