import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChipbriefError } from '../errors.js';

/** A versioned prompt file: `prompts/<name>.v<N>.md`, recorded with what it produced as `name@vN`. */
export interface Prompt {
  /** "brief@v1". */
  id: string;
  system: string;
  /** Template with `{{placeholders}}`. */
  user: string;
}

const SYSTEM_MARK = '<!-- system -->';
const USER_MARK = '<!-- user -->';

/** The prompts/ folder: next to src/ in a checkout, next to dist/ in a built image. */
function promptsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'prompts');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new ChipbriefError('CONFIG_INVALID', 'prompts/ folder not found next to the program');
}

const cache = new Map<string, Prompt>();

/**
 * Reads `prompts/<name>.v<version>.md`. The file holds a `<!-- system -->` part and a
 * `<!-- user -->` part; anything before the first marker is a note for maintainers and not sent.
 */
export function loadPrompt(name: string, version: number, dir?: string): Prompt {
  const key = `${dir ?? ''}|${name}@v${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const file = join(dir ?? promptsDir(), `${name}.v${version}.md`);
  if (!existsSync(file)) throw new ChipbriefError('CONFIG_INVALID', `prompt file ${file} is missing`);
  const raw = readFileSync(file, 'utf8');
  const s = raw.indexOf(SYSTEM_MARK);
  const u = raw.indexOf(USER_MARK);
  if (s < 0 || u < 0 || u < s) {
    throw new ChipbriefError(
      'CONFIG_INVALID',
      `${file}: needs a ${SYSTEM_MARK} part followed by a ${USER_MARK} part`,
    );
  }
  const prompt: Prompt = {
    id: `${name}@v${version}`,
    system: raw.slice(s + SYSTEM_MARK.length, u).trim(),
    user: raw.slice(u + USER_MARK.length).trim(),
  };
  cache.set(key, prompt);
  return prompt;
}

/**
 * Fills `{{name}}` placeholders in one pass: inserted values are never scanned again, so an article
 * that contains "{{quotes}}" stays text. An unknown placeholder is a broken prompt file.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined)
      throw new ChipbriefError('CONFIG_INVALID', `prompt placeholder {{${name}}} has no value`);
    return v;
  });
}
