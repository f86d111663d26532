import { z } from 'zod';
import type { DoctorCheck, DoctorProbes } from '../../src/cli/commands/doctor.js';
import type { Config } from '../../src/config.js';
import { ChipbriefError } from '../../src/errors.js';
import { openStore } from '../../src/store/open-store.js';
import { closeRedis, connectRedis, ensureRedis } from '../redis.js';

const SLACK_API = 'https://slack.com/api/';
const CALL_TIMEOUT_MS = 10_000;

/** A Slack Web API call with a bearer token; Slack answers 200 with `{ok:false, error}` on refusal. */
async function slackCall(
  config: Pick<Config, 'SLACK_API_URL'>,
  method: string,
  token: string,
): Promise<Record<string, unknown>> {
  const base = config.SLACK_API_URL ?? SLACK_API;
  const url = new URL(method, base.endsWith('/') ? base : `${base}/`);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    throw new ChipbriefError('PLATFORM_FAILED', `cannot reach Slack at ${url.host} (${cause})`, {
      cause: err,
    });
  }
  if (!res.ok) throw new ChipbriefError('PLATFORM_FAILED', `Slack ${method}: HTTP ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Slack: the bot token (auth.test), and the app-level token when Socket Mode is on. */
export async function checkSlack(config: Config): Promise<DoctorCheck[]> {
  const token = config.SLACK_BOT_TOKEN;
  if (!token) return [];
  const checks: DoctorCheck[] = [];
  const auth = await slackCall(config, 'auth.test', token);
  if (auth.ok !== true) {
    checks.push({
      part: 'slack',
      status: 'problem',
      detail: `bot token rejected (${String(auth.error)})`,
      fix: "copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page into SLACK_BOT_TOKEN",
    });
    return checks;
  }
  checks.push({
    part: 'slack',
    status: 'ok',
    detail: `bot ${String(auth.user ?? auth.user_id)} in workspace ${String(auth.team ?? auth.team_id)}`,
  });
  if (config.SLACK_APP_TOKEN) {
    // Opens nothing: the WebSocket URL it returns is simply not used.
    const open = await slackCall(config, 'apps.connections.open', config.SLACK_APP_TOKEN);
    checks.push(
      open.ok === true
        ? { part: 'slack socket', status: 'ok', detail: 'Socket Mode: app-level token accepted' }
        : {
            part: 'slack socket',
            status: 'problem',
            detail: `app-level token rejected (${String(open.error)})`,
            fix: 'create an app-level token with connections:write (Basic Information → App-Level Tokens) and enable Socket Mode',
          },
    );
  } else {
    checks.push({
      part: 'slack http',
      status: 'warning',
      detail: `HTTP mode: Slack must reach https://<public host>/slack/events (PORT ${config.PORT})`,
      fix: 'or set SLACK_APP_TOKEN for Socket Mode (no public URL needed)',
    });
  }
  return checks;
}

/** Discord: adapters/discord's checks (token, application id, registered command). */
export async function checkDiscordToken(config: Config): Promise<DoctorCheck[]> {
  const { checkDiscord } = await import('../../adapters/discord/index.js');
  const found = await checkDiscord(config);
  return found.map((c) => {
    const [detail, fix] = c.detail.split(' — ', 2) as [string, string | undefined];
    // A missing command leaves digests working: worth fixing, not a broken connection.
    const status = c.ok ? 'ok' : c.name === 'discord /chipbrief' ? 'warning' : 'problem';
    return { part: c.name, status, detail, ...(fix ? { fix } : {}) };
  });
}

/** One tiny structured completion: proves the endpoint, key, model and JSON output in one call. */
export async function checkLlm(config: Config): Promise<string> {
  const { openAiLlmFromConfig } = await import('../../adapters/openai/openai-llm.js');
  const llm = openAiLlmFromConfig({
    ...config,
    CHIPBRIEF_LLM_RETRIES: 0,
    CHIPBRIEF_LLM_TIMEOUT_MS: Math.min(config.CHIPBRIEF_LLM_TIMEOUT_MS, 20_000),
  });
  if (!llm) return 'off';
  const r = await llm.complete({
    promptId: 'doctor@1',
    system: 'You answer connectivity checks with JSON only.',
    user: 'Reply with {"ok": true}.',
    schema: z.object({ ok: z.boolean() }),
    schemaName: 'doctor_check',
    // Room for models that reason before answering; still a fraction of a cent.
    maxOutputTokens: 256,
  });
  const where = config.OPENAI_BASE_URL ? new URL(config.OPENAI_BASE_URL).host : 'api.openai.com';
  return `${r.model} at ${where} answered (${r.tokensIn} + ${r.tokensOut} tokens)`;
}

/** The probes `chipbrief doctor` runs against the configured systems. */
export const doctorProbes: DoctorProbes = {
  async redis(config) {
    const redis = connectRedis(config.REDIS_URL, 'command');
    try {
      await ensureRedis(redis, config.REDIS_URL, 3_000);
    } finally {
      await closeRedis(redis);
    }
  },
  async store(config) {
    const store = await openStore(config);
    try {
      await store.ping();
      const s = await store.stats();
      return `${s.articles} articles, ${s.stories} stories, ${s.briefs} briefs`;
    } finally {
      await store.close();
    }
  },
  llm: checkLlm,
  slack: checkSlack,
  discord: checkDiscordToken,
};
