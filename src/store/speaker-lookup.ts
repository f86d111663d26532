/**
 * How both stores find quotes by speaker (`quotesBySpeaker`): a quote matches a name when its speaker
 * is that name, ASCII case folded (SQLite's NOCASE), or ends in a space and that name ("Miller" finds
 * "Chris Miller", "van Dyke" finds "Anna van Dyke", "Mill" finds nobody).
 *
 * Migration 2 gives each quote two generated, indexed columns: `speaker_key`, the name ASCII-lowercased,
 * and `speaker_surname`, the key after its last space (null when it has none). The suffix match then
 * runs as an index lookup on the surname (implied by the suffix) filtered by the suffix itself, instead
 * of a scan of every quote.
 */
export interface SpeakerLookup {
  /** The name as `speaker_key` stores it. */
  key: string;
  /** The `speaker_surname` every suffix match has: the key's last space-separated part. */
  surname: string;
  /** LIKE pattern (escape character `\`) for keys ending in a space and the name. */
  suffix: string;
}

/** ASCII letters folded to lower case, every other character kept (SQLite's lower() and NOCASE). */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** What to look up for a speaker name as typed; null when it is blank. */
export function speakerLookup(name: string): SpeakerLookup | null {
  const key = asciiLower(name.trim());
  if (!key) return null;
  return {
    key,
    surname: key.slice(key.lastIndexOf(' ') + 1),
    suffix: `% ${key.replace(/[%_\\]/g, (c) => `\\${c}`)}`,
  };
}
