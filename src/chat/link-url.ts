/**
 * The URL a chat adapter may make a link to, as parsed: http(s) only, and no credentials (a
 * `https://user:pass@host` link in an article would put someone's password in a channel). Null for
 * anything else, which the adapters show as plain text. Each adapter then escapes it for its own link
 * syntax.
 */
export function linkableUrl(raw: string): URL | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username || u.password) return null;
  return u;
}
