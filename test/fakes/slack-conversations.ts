import type { FakeMessage } from './slack-server.js';
import { isTrue } from './slack-wire.js';

type View = (m: FakeMessage, withMetadata: boolean) => Record<string, unknown>;

/** conversations.history over a channel's visible messages: top level, newest first, `oldest`, cursor. */
export function history(visible: FakeMessage[], body: Record<string, unknown>, view: View): unknown {
  const oldest = Number(body.oldest ?? 0);
  const all = visible
    .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
    .filter((m) => Number(m.ts) > oldest)
    .reverse();
  return page(all, body, 100, view);
}

/** conversations.replies: the thread's root, then its replies, oldest first. */
export function replies(visible: FakeMessage[], body: Record<string, unknown>, view: View): unknown {
  const ts = String(body.ts ?? '');
  const root = visible.find((m) => m.ts === ts);
  if (!root) return { ok: false, error: 'thread_not_found' };
  const all = [root, ...visible.filter((m) => m.thread_ts === ts && m.ts !== ts)];
  return page(all, body, 1000, view);
}

function page(all: FakeMessage[], body: Record<string, unknown>, limitDefault: number, view: View) {
  const limit = Math.min(Number(body.limit ?? limitDefault) || limitDefault, 1000);
  const offset = Number(body.cursor ?? 0) || 0;
  const slice = all.slice(offset, offset + limit);
  const more = offset + limit < all.length;
  const meta = isTrue(body.include_all_metadata);
  return {
    ok: true,
    messages: slice.map((m) => view(m, meta)),
    has_more: more,
    response_metadata: { next_cursor: more ? String(offset + limit) : '' },
  };
}
