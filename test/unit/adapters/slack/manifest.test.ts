import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(join(import.meta.dirname, '../../../../slack/manifest.yml'), 'utf8');

/** The items of a YAML block list under `key:` (this manifest's simple shape). */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const at = lines.findIndex((l) => l.trim() === `${key}:`);
  if (at < 0) return [];
  const indent = lines[at]!.search(/\S/);
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() === '' || l.trim().startsWith('#')) continue;
    if (l.search(/\S/) <= indent && !l.trim().startsWith('-')) break;
    const m = /^\s*-\s+(\S+)/.exec(l);
    if (m) out.push(m[1]!);
    else break;
  }
  return out;
}

describe('slack/manifest.yml', () => {
  it('declares the slash command, events and Socket Mode the adapter relies on', () => {
    expect(manifest).toMatch(/- command: \/chipbrief\n/);
    expect(listUnder('bot_events').sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    expect(manifest).toMatch(/messages_tab_enabled: true/);
  });

  it('asks for exactly the bot scopes the adapter uses', () => {
    expect(listUnder('bot').sort()).toEqual(
      [
        'app_mentions:read',
        'channels:history',
        'chat:write',
        'commands',
        'groups:history',
        'im:history',
        'users:read',
      ].sort(),
    );
  });
});
