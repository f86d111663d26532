import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config, envSchema } from '../../config.js';
import { oneLine } from '../../errors.js';

/**
 * ok: configured and working. default: not configured, runs on its default (with what to set next).
 * warning: works but something needs a look, or a default that is not reachable. problem: configured
 * and broken — `chipbrief doctor` exits 1.
 */
export type CheckStatus = 'ok' | 'default' | 'warning' | 'problem';

export interface DoctorCheck {
  part: string;
  status: CheckStatus;
  detail: string;
  /** What to do: the fix of a problem, or what to set next for a default. */
  fix?: string;
  /** The fix is an improvement, not needed to run (listed after the needed ones). */
  optional?: boolean;
}

/** The checks that need outside systems; jobs/ supplies them (Redis, store, LLM, Slack, Discord). */
export interface DoctorProbes {
  /** Resolves when Redis answers PING; throws a one-line error otherwise. */
  redis(config: Config): Promise<void>;
  /** Opens the store and pings it; resolves to a short description (kind, counts). */
  store(config: Config): Promise<string>;
  /** One tiny completion; resolves to a short description (model, tokens). */
  llm(config: Config): Promise<string>;
  slack(config: Config): Promise<DoctorCheck[]>;
  discord(config: Config): Promise<DoctorCheck[]>;
}

const PLATFORM_NEXT =
  'connect a platform: SLACK_BOT_TOKEN + SLACK_APP_TOKEN (README "Add to Slack") or DISCORD_TOKEN + DISCORD_APP_ID (README "Add to Discord")';
const ALSO = {
  slack: 'to post to Slack too, set SLACK_BOT_TOKEN + SLACK_APP_TOKEN (README "Add to Slack")',
  discord: 'to post to Discord too, set DISCORD_TOKEN + DISCORD_APP_ID (README "Add to Discord")',
};
const UNREACHABLE = {
  slack: 'check SLACK_BOT_TOKEN, and that this machine reaches slack.com (or SLACK_API_URL)',
  discord: 'check DISCORD_TOKEN, and that this machine reaches discord.com (or DISCORD_API_URL)',
};

async function attempt(part: string, fn: () => Promise<CheckStatus | DoctorCheck>): Promise<DoctorCheck> {
  try {
    const r = await fn();
    return typeof r === 'string' ? { part, status: r, detail: '' } : r;
  } catch (err) {
    return { part, status: 'problem', detail: oneLine(err) };
  }
}

function configCheck(config: Config): DoctorCheck {
  const f = config.file;
  const counts = `${f.sources.length} sources, ${f.subscriptions.length} subscriptions, ${f.admins.length} admins`;
  return config.configPath
    ? { part: 'config', status: 'ok', detail: `${config.configPath}: ${counts}` }
    : {
        part: 'config',
        status: 'default',
        detail: 'no config file: environment only (sources and subscriptions can be added from chat)',
        fix: 'list feeds, subscriptions and admins in chipbrief.config.json (or CHIPBRIEF_CONFIG)',
        optional: true,
      };
}

async function redisCheck(config: Config, probes: DoctorProbes): Promise<DoctorCheck> {
  // Someone who set REDIS_URL to the default itself asked for nothing more than the default.
  const configured = config.REDIS_URL !== envSchema.shape.REDIS_URL.parse(undefined);
  try {
    await probes.redis(config);
    return { part: 'redis', status: 'ok', detail: `reachable${configured ? '' : ' (default REDIS_URL)'}` };
  } catch (err) {
    return {
      part: 'redis',
      status: configured ? 'problem' : 'warning',
      detail: oneLine(err),
      fix: configured
        ? 'check REDIS_URL (host, port, password) and that Redis runs'
        : 'worker, serve and enqueue need Redis: start redis-server, or set REDIS_URL',
    };
  }
}

async function storeCheck(config: Config, probes: DoctorProbes, cwd: string): Promise<DoctorCheck> {
  if (!config.CHIPBRIEF_DATABASE_URL) {
    const path = resolve(cwd, config.CHIPBRIEF_DB);
    if (!existsSync(path)) {
      return {
        part: 'store',
        status: 'default',
        detail: `SQLite at ${config.CHIPBRIEF_DB} (created on first use)`,
        fix: 'for workers on several machines, set CHIPBRIEF_DATABASE_URL (PostgreSQL)',
        optional: true,
      };
    }
    return attempt('store', async () => ({
      part: 'store',
      status: 'ok',
      detail: `SQLite at ${config.CHIPBRIEF_DB}: ${await probes.store(config)}`,
    }));
  }
  const c = await attempt('store', async () => ({
    part: 'store',
    status: 'ok',
    detail: `PostgreSQL: ${await probes.store(config)}`,
  }));
  if (c.status === 'problem') c.fix = 'check CHIPBRIEF_DATABASE_URL and that PostgreSQL accepts connections';
  return c;
}

async function llmCheck(config: Config, probes: DoctorProbes): Promise<DoctorCheck> {
  if (!config.llmEnabled) {
    const why = config.CHIPBRIEF_LLM === 'off' ? 'CHIPBRIEF_LLM=off' : 'no OPENAI_API_KEY or OPENAI_BASE_URL';
    return {
      part: 'llm',
      status: 'default',
      detail: `off (${why}): extractive briefs and answers, no tokens spent`,
      fix: 'for LLM briefs and answers, set OPENAI_API_KEY, or OPENAI_BASE_URL for a local model (vLLM, Ollama, llama.cpp)',
      optional: true,
    };
  }
  const c = await attempt('llm', async () => ({
    part: 'llm',
    status: 'ok',
    detail: await probes.llm(config),
  }));
  if (c.status === 'problem') {
    c.fix = /INVALID_OUTPUT/.test(c.detail)
      ? 'the endpoint answers but not in JSON: pick a model that supports JSON output (OPENAI_MODEL), or set CHIPBRIEF_LLM=off'
      : 'check OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL, or set CHIPBRIEF_LLM=off for extractive briefs';
  }
  return c;
}

async function platformChecks(
  name: 'slack' | 'discord',
  config: Config,
  probe: () => Promise<DoctorCheck[]>,
): Promise<DoctorCheck[]> {
  const configured = { slack: Boolean(config.SLACK_BOT_TOKEN), discord: Boolean(config.DISCORD_TOKEN) };
  if (!configured[name]) {
    const other = configured[name === 'slack' ? 'discord' : 'slack'];
    return [
      other
        ? { part: name, status: 'default', detail: 'not configured', fix: ALSO[name], optional: true }
        : { part: name, status: 'default', detail: 'not configured', fix: PLATFORM_NEXT },
    ];
  }
  try {
    return await probe();
  } catch (err) {
    return [{ part: name, status: 'problem', detail: oneLine(err), fix: UNREACHABLE[name] }];
  }
}

function dashboardCheck(config: Config): DoctorCheck {
  const where = `on METRICS_PORT ${config.METRICS_PORT}`;
  if (config.DASHBOARD_USER && config.DASHBOARD_PASSWORD) {
    return {
      part: 'dashboard',
      status: 'ok',
      detail: `/dashboard with basic auth, next to /healthz and /metrics, ${where}`,
    };
  }
  if (config.DASHBOARD_USER || config.DASHBOARD_PASSWORD) {
    return {
      part: 'dashboard',
      status: 'problem',
      detail: 'only one of DASHBOARD_USER and DASHBOARD_PASSWORD is set: the dashboard stays off',
      fix: 'set both, or neither',
    };
  }
  return {
    part: 'dashboard',
    status: 'default',
    detail: `off; /healthz and /metrics are served ${where}`,
    fix: 'for the queue dashboard, set DASHBOARD_USER and DASHBOARD_PASSWORD',
    optional: true,
  };
}

/** Every check of `chipbrief doctor`, in the order they are printed; `cwd` resolves the SQLite path. */
export async function runDoctor(
  config: Config,
  probes: DoctorProbes,
  opts: { cwd: string },
): Promise<DoctorCheck[]> {
  const [redis, store, llm, slack, discord] = await Promise.all([
    redisCheck(config, probes),
    storeCheck(config, probes, opts.cwd),
    llmCheck(config, probes),
    platformChecks('slack', config, () => probes.slack(config)),
    platformChecks('discord', config, () => probes.discord(config)),
  ]);
  const checks = [configCheck(config), redis, store, llm, ...slack, ...discord, dashboardCheck(config)];
  // With neither platform connected, one "connect a platform" line is enough.
  const platformDefaults = checks.filter((c) => c.fix === PLATFORM_NEXT);
  if (platformDefaults.length === 2) delete platformDefaults[1]!.fix;
  return checks;
}

/** 1 when a configured part is broken, else 0 (defaults and warnings do not fail). */
export function doctorExitCode(checks: readonly DoctorCheck[]): number {
  return checks.some((c) => c.status === 'problem') ? 1 : 0;
}

/** The report for a terminal: one line per check, its fix below it, then what runs on defaults and what to set next. */
export function renderDoctor(checks: readonly DoctorCheck[]): string {
  const width = Math.max(...checks.map((c) => c.part.length), 6);
  const lines: string[] = [];
  for (const c of checks) {
    lines.push(`${c.status.padEnd(8)} ${c.part.padEnd(width)}  ${c.detail}`.trimEnd());
    if (c.fix && c.status !== 'ok') {
      const label = c.status === 'default' ? (c.optional ? 'next (optional)' : 'next') : 'fix';
      lines.push(`${' '.repeat(9 + width + 2)}${label}: ${c.fix}`);
    }
  }
  const defaults = checks.filter((c) => c.status === 'default').map((c) => c.part);
  if (defaults.length) lines.push('', `Running on defaults: ${[...new Set(defaults)].join(', ')}.`);
  const rank = (c: DoctorCheck) => ['problem', 'warning', 'default'].indexOf(c.status) + (c.optional ? 3 : 0);
  const next = checks
    .filter((c) => c.fix && c.status !== 'ok')
    .sort((a, b) => rank(a) - rank(b))
    .map((c) => `${c.fix}${c.optional ? ' (optional)' : ''}`);
  if (next.length) {
    lines.push('', 'What to do next:');
    lines.push(...next.map((n, i) => `  ${i + 1}. ${n}`));
  } else {
    lines.push('', 'Everything configured is working.');
  }
  return `${lines.join('\n')}\n`;
}
