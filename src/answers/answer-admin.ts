import { CONFIG_FILE_OWNER, type Filters } from '../config.js';
import { resolveEntity } from '../entities/resolve.js';
import type { Source } from '../store/port.js';
import type { Answer, Command, CommandContext } from './answer.js';
import { defang } from './defang.js';
import { listOf } from './format.js';
import type { AnswerServices } from './services.js';

type AdminCommand = Extract<Command, { name: 'sources' | 'subscribe' | 'unsubscribe' }>;

const DEFAULT_TIME = '08:00';
const TIME = /^([01]?\d|2[0-3])[:.h]([0-5]\d)$/i;

/** A short confirmation (or a problem) shown only to the admin who ran the command. */
function note(kind: Answer['kind'], title: string, parts: string[], suggestions: string[] = []): Answer {
  return {
    kind,
    title: defang(title),
    parts: parts.map((p) => defang(p)),
    quotes: [],
    citations: [],
    suggestions,
    visibility: 'ephemeral',
    storyIds: [],
  };
}

/**
 * The config file is applied again at every `serve` start: a change made here to what it declares
 * would quietly come back (an unsubscribed channel posting again after a deploy), so it is refused.
 */
function setInConfig(what: string): Answer {
  return note('refused', 'Set in the config file', [
    `${what} comes from the bot's config file (chipbrief.config.json), which is applied again every time the bot starts, so a change made here would be undone. Change it in the file, then restart \`chipbrief serve\`.`,
  ]);
}

/** The polite refusal of an admin command to someone who is not an admin. */
export function refusal(cmd: AdminCommand): Answer {
  const what = cmd.name === 'sources' ? `sources ${cmd.action}` : cmd.name;
  return note('refused', 'Only admins can do that', [
    `\`/chipbrief ${what}\` changes what this bot collects or posts, so only admins can run it (workspace or server admins, or those listed in the bot's config).`,
    'Anyone can ask questions: try `/chipbrief help`.',
  ]);
}

/**
 * `sources ...`, `subscribe ...`, `unsubscribe`: admin-only (the adapter decides `ctx.isAdmin`);
 * everyone else gets a refusal. Bad values get an explanation, never an error.
 */
export async function adminAnswer(
  cmd: AdminCommand,
  ctx: CommandContext,
  services: AnswerServices,
): Promise<Answer> {
  if (!ctx.isAdmin) return refusal(cmd);
  const { store } = services;
  const by = `${ctx.platform}:${ctx.userId}`;
  if (cmd.name === 'unsubscribe') {
    const existing = await store.getSubscription(ctx.platform, ctx.channelId);
    if (existing?.createdBy === CONFIG_FILE_OWNER) return setInConfig("This channel's daily digest");
    const removed = await store.removeSubscription(ctx.platform, ctx.channelId);
    return removed
      ? note('done', 'Unsubscribed', ['This channel will no longer get a daily digest.'])
      : note(
          'empty',
          'Not subscribed',
          ['This channel has no daily digest to stop.'],
          ['subscribe 08:00 UTC'],
        );
  }
  if (cmd.name === 'subscribe') return subscribe(cmd, ctx, services, by);
  if (cmd.action === 'list') {
    const sources = await store.listSources();
    if (sources.length === 0) {
      return note(
        'empty',
        'No sources yet',
        ['No feeds or pages are collected yet.'],
        ['sources add https://example.com/feed.xml'],
      );
    }
    return note('done', `Sources (${sources.length})`, sources.map(sourceLine));
  }
  if (cmd.action === 'add') {
    const url = httpUrl(cmd.url);
    if (!url)
      return note('help', 'Not a web address', [
        `\u201c${cmd.url}\u201d is not an http(s) URL. Use \`sources add https://example.com/feed.xml\`.`,
      ]);
    const s = await store.addSource({
      kind: guessKind(url),
      url,
      name: null,
      enabled: true,
      addedBy: by,
      priority: 0,
      pollMinutes: 30,
    });
    return note('done', 'Source added', [`${sourceLine(s)}. Polled every ${s.pollMinutes} minutes.`]);
  }
  const source = (await store.listSources()).find((x) => x.id === cmd.id);
  if (source?.addedBy === CONFIG_FILE_OWNER) return setInConfig(`Source ${source.id} (${source.url})`);
  const removed = await store.removeSource(cmd.id);
  return removed
    ? note('done', 'Source removed', [`Removed ${cmd.id}. Articles already collected stay.`])
    : note('empty', 'No such source', [`There is no source with id ${cmd.id}.`], ['sources list']);
}

async function subscribe(
  cmd: Extract<Command, { name: 'subscribe' }>,
  ctx: CommandContext,
  services: AnswerServices,
  by: string,
): Promise<Answer> {
  const existing = await services.store.getSubscription(ctx.platform, ctx.channelId);
  if (existing?.createdBy === CONFIG_FILE_OWNER) return setInConfig("This channel's daily digest");
  const time = cmd.time === null ? (existing?.time ?? DEFAULT_TIME) : normaliseTime(cmd.time);
  if (!time)
    return note('help', 'Bad time', [
      `\u201c${cmd.time}\u201d is not a time of day. Use 24-hour HH:MM, e.g. \`subscribe 08:30 Europe/Berlin\`.`,
    ]);
  const tz = cmd.tz ?? existing?.tz ?? services.config?.TZ_DEFAULT ?? 'UTC';
  if (!isTimeZone(tz)) {
    return note('help', 'Unknown time zone', [
      `\u201c${tz}\u201d is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York or UTC.`,
    ]);
  }
  const filters =
    cmd.filters.length > 0
      ? parseFilters(cmd.filters)
      : (existing?.filters ?? { firms: [], policies: [], keywords: [] });
  await services.store.upsertSubscription({
    platform: ctx.platform,
    workspaceId: ctx.workspaceId,
    channelId: ctx.channelId,
    time,
    tz,
    filters,
    createdBy: by,
  });
  const f = [
    ...filters.firms.map((x) => `firm ${x}`),
    ...filters.policies.map((x) => `policy ${x}`),
    ...filters.keywords.map((x) => `\u201c${x}\u201d`),
  ];
  return note('done', 'Subscribed', [
    `This channel gets a daily digest at ${time} (${tz})${f.length ? `, stories about ${listOf(f)} first` : ''}.`,
  ]);
}

/** "8:30", "08.30", "8h30" -> "08:30"; null when it is not a time of day. */
export function normaliseTime(raw: string): string | null {
  const m = TIME.exec(raw.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/** True for a time zone the runtime knows (IANA names, UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `firm:Nvidia policy:"Entity List" keyword:gallium`; a bare word is a firm or policy the gazetteer knows, else a keyword. */
export function parseFilters(tokens: readonly string[]): Filters {
  const out: Filters = { firms: [], policies: [], keywords: [] };
  const add = (list: string[], v: string) => {
    const t = v.trim();
    if (t && !list.includes(t)) list.push(t);
  };
  for (const tok of tokens) {
    const m = /^(firm|firms|policy|policies|keyword|keywords|kw|topic):(.+)$/i.exec(tok);
    if (m) {
      const k = m[1]!.toLowerCase();
      const v = m[2]!;
      if (k.startsWith('firm')) add(out.firms, resolveEntity(v)?.canonical ?? v);
      else if (k.startsWith('polic')) add(out.policies, resolveEntity(v)?.canonical ?? v);
      else add(out.keywords, v);
      continue;
    }
    const e = resolveEntity(tok);
    if (e?.kind === 'firm') add(out.firms, e.canonical);
    else if (e?.kind === 'policy') add(out.policies, e.canonical);
    else add(out.keywords, tok);
  }
  return out;
}

function httpUrl(raw: string): string | null {
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Feeds announce themselves in their URL often enough; the poller sniffs the content anyway. */
function guessKind(url: string): Source['kind'] {
  if (/atom/i.test(url)) return 'atom';
  if (/(\brss\b|\/feed\b|\.xml$|\/feeds?\/)/i.test(url)) return 'rss';
  return 'url';
}

function sourceLine(s: Source): string {
  return `${s.id} \u2014 ${s.name ? `${s.name}, ` : ''}${s.url} (${s.kind}${s.enabled ? '' : ', disabled'})`;
}
