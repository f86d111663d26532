import { z } from 'zod';
import { envSchema, SECRET_KEYS } from '../src/config.js';

/** One environment variable as the docs show it, read from the zod schema (src/config.ts). */
export interface EnvVarDoc {
  name: string;
  description: string;
  /** The default as one would write it in .env, or null when the variable is unset by default. */
  default: string | null;
  /** Accepted values in a few words: `auto` | `on` | `off`, 0–65535, URL, `xoxb-…`. */
  values: string;
  secret: boolean;
}

/** Marker lines around the README table; scripts/config-table.ts --write rewrites what lies between. */
export const TABLE_START = '<!-- config-table:start -->';
export const TABLE_END = '<!-- config-table:end -->';

interface JsonProp {
  description?: string;
  default?: unknown;
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
}

const BOOL_WORDS = ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'];

function valuesOf(p: JsonProp): string {
  if (p.enum) {
    const words = p.enum.map(String);
    if (words.length === BOOL_WORDS.length && BOOL_WORDS.every((w) => words.includes(w)))
      return 'true / false';
    return words.map((w) => `\`${w}\``).join(' \\| ');
  }
  if (p.type === 'integer' || p.type === 'number') {
    const max = p.maximum !== undefined && p.maximum > 1e9 ? '' : String(p.maximum ?? '');
    return p.minimum !== undefined ? `${p.minimum}–${max}`.replace(/–$/, ' or more') : 'number';
  }
  if (p.format === 'uri') return 'URL';
  if (p.format === 'starts_with' && p.pattern) {
    const prefix = /^\^(.*)\.\*$/.exec(p.pattern)?.[1];
    if (prefix) return `\`${prefix}…\``;
  }
  if (p.pattern === '^\\d+$') return 'digits';
  return 'text';
}

/**
 * The schema's default, read from the zod definition: JSON Schema (input side) drops the defaults of
 * transformed values such as the booleans.
 */
function defaultOf(schema: z.ZodType): string | null {
  const def = (schema as unknown as { _zod: { def: { type: string; defaultValue?: unknown } } })._zod.def;
  if (def.type !== 'default') return null;
  const v = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
  return v === undefined ? null : String(v);
}

/** Every variable of `envSchema`, in schema order. */
export function envVarDocs(): EnvVarDoc[] {
  const js = z.toJSONSchema(envSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonProp>;
  };
  const secret = new Set<string>(SECRET_KEYS);
  return Object.entries(envSchema.shape).map(([name, schema]) => {
    const p = js.properties[name] ?? {};
    return {
      name,
      description: (p.description ?? schema.description ?? '').trim(),
      default: defaultOf(schema),
      values: valuesOf(p),
      secret: secret.has(name),
    };
  });
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The README configuration table (Markdown, between the markers). */
export function renderConfigTable(docs: readonly EnvVarDoc[] = envVarDocs()): string {
  const rows = docs.map((d) => {
    const def = d.default === null ? '' : `\`${d.default}\``;
    const desc = cell(d.description.replace(/\s*Secret\.$/, '')) + (d.secret ? ' **Secret.**' : '');
    return `| \`${d.name}\` | ${def} | ${d.values} | ${desc} |`;
  });
  return ['| variable | default | values | what it does |', '|---|---|---|---|', ...rows].join('\n');
}

/** Replaces what lies between the table markers; throws when the markers are missing. */
export function withConfigTable(readme: string, table: string = renderConfigTable()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no configuration table markers (${TABLE_START} ... ${TABLE_END})`);
  }
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}

const ENV_HEADER = `# chipbrief configuration. Copy to .env (\`cp .env.example .env\`) and uncomment what you need:
# every variable is optional, and with none set chipbrief runs offline on its defaults.
# \`chipbrief doctor\` checks what you set. Generated from src/config.ts by
# \`npx tsx scripts/config-table.ts --write\`: edit the schema, not this file.
#
# With docker compose, leave REDIS_URL unset to use the compose redis service (set it only for an
# external Redis); CHIPBRIEF_DB is fixed to the /data volume there.`;

const ENV_FOOTER = `# --- docker compose only (not read by chipbrief) ---------------------------------------------
# Password of the optional postgres service (\`docker compose --profile postgres up\`). With it, set
# CHIPBRIEF_DATABASE_URL=postgres://chipbrief:<password>@postgres:5432/chipbrief above.
#POSTGRES_PASSWORD=chipbrief`;

/** .env.example: every variable, commented out, with its description and default. */
export function renderEnvExample(docs: readonly EnvVarDoc[] = envVarDocs()): string {
  const blocks = docs.map((d) => {
    const secret = d.secret && !/\bSecret\b/.test(d.description) ? ' Secret.' : '';
    const notes = [`${d.description}${secret}`];
    if (d.default !== null) notes.push(`Default: ${d.default}.`);
    if (d.values !== 'text' && d.values !== 'URL') notes.push(`Values: ${d.values.replace(/`|\\/g, '')}.`);
    return `# ${notes.join(' ')}\n#${d.name}=${d.default ?? ''}`;
  });
  return `${ENV_HEADER}\n\n${blocks.join('\n\n')}\n\n${ENV_FOOTER}\n`;
}
