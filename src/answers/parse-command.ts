import type { Command } from './answer.js';

/** Longest argument kept: a question longer than this is cut, never rejected. */
const MAX_ARG = 500;

const NAMED = [
  'help',
  'digest',
  'firm',
  'policy',
  'who',
  'ask',
  'sources',
  'subscribe',
  'unsubscribe',
] as const;

/** Words that look like a mistyped command only when they are this close to one and not ordinary words. */
const ORDINARY = new Set(['form', 'farm', 'fire', 'firms', 'hello', 'held', 'hell', 'source', 'police']);

const EXAMPLE: Record<string, string> = {
  firm: 'firm SMIC',
  policy: 'policy Entity List',
  who: 'who export controls',
  ask: "ask what's new on Huawei?",
};

/**
 * Parses the text after `/chipbrief` (or a mention) into a Command. Never throws: unknown commands and
 * missing arguments become `help` with a reason; free text that is not a command is an `ask`.
 */
export function parseCommand(text: string): Command {
  const t = clean(text);
  if (t === '' || /^(-h|--help|\?|help)$/i.test(t)) return { name: 'help' };
  const m = /^(\S+)\s*([\s\S]*)$/.exec(t)!;
  const word = m[1]!.toLowerCase();
  const rest = (m[2] ?? '').trim();
  switch (word) {
    case 'help':
      return { name: 'help' };
    case 'digest':
      return { name: 'digest' };
    case 'firm':
    case 'policy':
    case 'who':
    case 'ask': {
      const arg = cleanArg(rest);
      if (!arg)
        return { name: 'help', reason: `\`${word}\` needs ${needs(word)}, e.g. \`${EXAMPLE[word]}\`.` };
      return { name: word, arg };
    }
    case 'sources':
      return parseSources(rest);
    case 'subscribe':
      return parseSubscribe(rest);
    case 'unsubscribe':
      return { name: 'unsubscribe' };
  }
  const near = typoOf(word);
  if (near && !/[?]$/.test(t) && !ORDINARY.has(word)) {
    return { name: 'help', reason: `Unknown command \`${word}\` — did you mean \`${near}\`?` };
  }
  return { name: 'ask', arg: cleanArg(t) };
}

function needs(word: string): string {
  if (word === 'firm') return 'a firm name';
  if (word === 'policy') return 'a policy name';
  if (word === 'who') return 'a topic';
  return 'a question';
}

function parseSources(rest: string): Command {
  const [verb = '', ...args] = rest.split(/\s+/).filter(Boolean);
  const v = verb.toLowerCase();
  if (v === '' || v === 'list' || v === 'ls') return { name: 'sources', action: 'list' };
  if (v === 'add') {
    const url = stripBrackets(args[0] ?? '');
    if (!url) return { name: 'help', reason: '`sources add` needs a feed or page URL.' };
    return { name: 'sources', action: 'add', url };
  }
  if (v === 'remove' || v === 'rm' || v === 'delete') {
    const id = args[0] ?? '';
    if (!id) return { name: 'help', reason: '`sources remove` needs a source id (see `sources list`).' };
    return { name: 'sources', action: 'remove', id };
  }
  return {
    name: 'help',
    reason: `Unknown \`sources\` action \`${verb}\`: use list, add <url> or remove <id>.`,
  };
}

/** `subscribe [HH:MM] [tz] [filters...]`: values are checked by the answer, so a bad time gets a clear reply. */
function parseSubscribe(rest: string): Command {
  let time: string | null = null;
  let tz: string | null = null;
  const filters: string[] = [];
  for (const tok of tokens(rest)) {
    if (time === null && /^\d{1,2}[:.h]\d{2}$/i.test(tok)) time = tok;
    else if (tz === null && looksLikeTz(tok)) tz = tok;
    else filters.push(tok);
  }
  return { name: 'subscribe', time, tz, filters };
}

function looksLikeTz(tok: string): boolean {
  return /^[A-Za-z][A-Za-z_+-]*(\/[A-Za-z0-9_+-]+){1,2}$/.test(tok) || /^(UTC|GMT|Etc\/\S+)$/i.test(tok);
}

/** Splits on spaces but keeps "quoted phrases" (straight or curly) together, without their quotes. */
function tokens(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/(\w+:)?["\u201c]([^"\u201d]*)["\u201d]|\S+/g)) {
    out.push(m[2] !== undefined ? `${m[1] ?? ''}${m[2]}` : m[0]);
  }
  return out.map((x) => x.trim()).filter(Boolean);
}

function clean(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^\s*\/?chipbrief\b/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function cleanArg(s: string): string {
  let a = s.trim();
  const q = /^["\u201c'\u2018](.*)["\u201d'\u2019]$/.exec(a);
  if (q) a = q[1]!.trim();
  return a.slice(0, MAX_ARG).trim();
}

/** Slack wraps links as <https://x|label>. */
function stripBrackets(s: string): string {
  const m = /^<([^|>]+)(\|[^>]*)?>$/.exec(s);
  return (m ? m[1]! : s).trim();
}

/** The command a word is one edit (or one swap) away from, for words of 4+ letters. */
function typoOf(word: string): string | null {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return null;
  for (const name of NAMED) {
    if (name.length >= 4 && damerau(word, name) === 1) return name;
  }
  return null;
}

function damerau(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
