import { type SlackApi, SlackCallError } from './slack-api.js';
import { messagesOf, metaPayload, nextCursor } from './slack-history.js';

/** Message metadata event type of every chat.postMessage part of an answer. */
export const ANSWER_EVENT = 'chipbrief_answer';

const PAGE = 200;
const MAX_PAGES = 10;

/** Metadata of part `index` (0-based) of reply `replyId`; Slack's `part` is 1-based, as the digest's. */
export function answerMetadata(
  replyId: string,
  index: number,
): { event_type: string; event_payload: Record<string, unknown> } {
  return { event_type: ANSWER_EVENT, event_payload: { reply_id: replyId, part: index + 1 } };
}

/** Where a reply's parts would be: a thread (conversations.replies) or a conversation since `oldest`. */
export type AnswerPlace = { channel: string; threadTs: string } | { channel: string; oldest: Date };

/**
 * The parts of `replyId` already on Slack, as 0-based index -> ts. Reads what chipbrief itself posts
 * (messages of `botId` when known), so a look-alike from another app is not taken for ours. The read
 * is bounded (MAX_PAGES of PAGE): an answer's retry comes seconds to minutes after its first attempt,
 * so its parts are at the end of the thread or among the newest messages.
 */
export async function findAnswerParts(
  api: SlackApi,
  place: AnswerPlace,
  replyId: string,
  botId: string | null,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const base =
    'threadTs' in place
      ? { method: 'conversations.replies', args: { channel: place.channel, ts: place.threadTs } }
      : {
          method: 'conversations.history',
          args: { channel: place.channel, oldest: (place.oldest.getTime() / 1000).toFixed(6) },
        };
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const res = await read(api, base.method, {
      ...base.args,
      include_all_metadata: true,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    });
    for (const m of messagesOf(res)) {
      const payload = metaPayload(m, ANSWER_EVENT);
      if (payload?.reply_id !== replyId || typeof payload.part !== 'number') continue;
      if (botId && m.bot_id && m.bot_id !== botId) continue;
      found.set(payload.part - 1, String(m.ts));
    }
    cursor = nextCursor(res);
    if (!cursor) break;
  }
  return found;
}

async function read(api: SlackApi, method: string, args: Record<string, unknown>) {
  try {
    return await api.read(method, args);
  } catch (err) {
    // A thread deleted since is not an error here: nothing of the reply can be in it.
    if (err instanceof SlackCallError && err.slackError === 'thread_not_found') return {};
    if (err instanceof SlackCallError && err.permanent) {
      throw new SlackCallError(
        `slack ${method} in ${String(args.channel)}: ${err.slackError} — the bot cannot check for parts of the answer already posted; give it the channels:history / groups:history / im:history scopes`,
        err.slackError,
        false,
        { cause: err },
      );
    }
    throw err;
  }
}
