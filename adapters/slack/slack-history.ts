import type { SlackResult } from './slack-api.js';

/** The messages of a conversations.history / conversations.replies page. */
export function messagesOf(res: SlackResult): Record<string, unknown>[] {
  return Array.isArray(res.messages) ? (res.messages as Record<string, unknown>[]) : [];
}

/** The cursor of the next page, or undefined on the last one. */
export function nextCursor(res: SlackResult): string | undefined {
  const meta = res.response_metadata as { next_cursor?: unknown } | undefined;
  return typeof meta?.next_cursor === 'string' && meta.next_cursor ? meta.next_cursor : undefined;
}

/** The message's metadata payload when its event type is `eventType` (read with include_all_metadata). */
export function metaPayload(m: Record<string, unknown>, eventType: string): Record<string, unknown> | null {
  const meta = m.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
  if (meta?.event_type !== eventType || typeof meta.event_payload !== 'object' || !meta.event_payload)
    return null;
  return meta.event_payload as Record<string, unknown>;
}
