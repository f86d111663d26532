import { validateMessage } from '../fakes/discord-rest.js';
import { checkMessage } from '../fakes/slack-wire.js';

/** Every string inside a JSON-like value (message bodies are checked wherever text can hide). */
export function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** A link the Slack adapter made itself: `<http(s)://...|label>` with nothing active in it. */
const SLACK_LINK = /<(https?:\/\/[^\s<>|]+)\|[^<>]*>/g;

/**
 * What is wrong with a Slack message body as it would be sent: Block Kit limits, and any control
 * sequence (`<!channel>`, `<!here>`, `<@U…>`, `<#C…>`, a link not made by the adapter, link_names).
 */
export function slackProblems(body: Record<string, unknown>, botUserId: string | null = null): string[] {
  const problems: string[] = [];
  const invalid = checkMessage(body);
  if (invalid) problems.push(`Block Kit: ${invalid}`);
  if (body.link_names === true || body.link_names === 1 || body.link_names === 'true') {
    problems.push('link_names is on: plain @names would ping');
  }
  for (const s of strings(body)) {
    for (const m of s.matchAll(SLACK_LINK)) {
      if (/^(https?:)\/\/[^/]*(javascript|file|data):/i.test(m[1]!)) problems.push(`odd link ${m[1]}`);
    }
    // The adapter's own links, and its own mention of the bot (how to ask follow-ups), are allowed.
    let rest = s.replace(SLACK_LINK, '');
    if (botUserId) rest = rest.split(`<@${botUserId}>`).join('');
    const at = rest.search(/<[!@#]/);
    if (at >= 0)
      problems.push(
        `unescaped Slack control sequence: ${JSON.stringify(rest.slice(Math.max(0, at - 60), at + 60))}`,
      );
    else if (rest.includes('<'))
      problems.push(
        `raw "<": ${JSON.stringify(rest.slice(Math.max(0, rest.indexOf('<') - 60), rest.indexOf('<') + 60))}`,
      );
  }
  return problems;
}

/**
 * What is wrong with a Discord message body as it would be sent: message limits, allowed_mentions not
 * locked down, raw @everyone/@here, user/role/channel mentions, masked links to non-http(s) targets.
 */
export function discordProblems(body: Record<string, unknown>, botUserId: string | null = null): string[] {
  const problems: string[] = [];
  const invalid = validateMessage(body);
  if (invalid) problems.push(`limits: ${invalid}`);
  const am = body.allowed_mentions as { parse?: unknown; users?: unknown[]; roles?: unknown[] } | undefined;
  if (!am || !Array.isArray(am.parse) || am.parse.length > 0)
    problems.push('allowed_mentions.parse is not []');
  if (am?.users?.length || am?.roles?.length) problems.push('allowed_mentions names users or roles');
  for (const e of (body.embeds as { url?: unknown }[] | undefined) ?? []) {
    if (e.url !== undefined && !/^https?:\/\//.test(String(e.url)))
      problems.push(`embed url ${String(e.url)}`);
  }
  for (const raw of strings(body)) {
    // The adapter's own mention of the bot (how to ask follow-ups) is allowed.
    const s = botUserId ? raw.split(`<@${botUserId}>`).join('') : raw;
    const show = JSON.stringify(s.slice(0, 120));
    if (/@(everyone|here)/i.test(s)) problems.push(`raw @everyone/@here in ${show}`);
    if (/<@[!&]?\d+>|<#\d+>/.test(s)) problems.push(`raw mention in ${show}`);
    // A masked link needs unescaped brackets; `\[x\](javascript:…)` is shown as text.
    if (/(?<!\\)\[[^\]]*(?<!\\)\]\(\s*<?\s*(javascript|file|data|vbscript):/i.test(s))
      problems.push(`masked link to a bad scheme in ${show}`);
  }
  return problems;
}
