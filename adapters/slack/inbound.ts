import type { App } from '@slack/bolt';
import { RecentIds } from '../../src/chat/recent-ids.js';
import { commandSubmitter, QUEUE_BUSY_TEXT } from '../../src/chat/submit-command.js';
import type { Logger } from '../../src/log.js';
import type { CommandSink, InboundCommand } from '../../src/ports.js';
import { isAdminCommand, type SlackAdmins } from './admins.js';
import { fallbackText, sections } from './blocks.js';
import { stripBotMention, unescapeSlackInput } from './mrkdwn.js';
import { VIA } from './replier.js';
import { postToResponseUrl } from './response-url.js';
import type { SlackApi } from './slack-api.js';
import type { ThreadMemory } from './thread-memory.js';

export interface InboundDeps {
  api: SlackApi;
  sink: CommandSink;
  admins: SlackAdmins;
  threads: ThreadMemory;
  log: Logger;
  bot: () => { botId: string | null; botUserId: string | null };
  commandName: string;
  now: () => Date;
  /** Called on every accepted event (health). */
  onEvent?: () => void;
  /** Seconds from receiving a slash command to acknowledging it (for /metrics). */
  onAck?: (seconds: number) => void;
}

/**
 * Wires `/chipbrief`, mentions and DMs into the CommandSink. Every handler acknowledges first (Slack
 * wants an ack within 3 s; Bolt acks events itself, commands ack with nothing slow in it) and only then
 * does anything that may take time: the admin check, thread-context recovery, the sink.
 */
export function registerInbound(app: App, deps: InboundDeps): void {
  // Slack redelivers an event it thinks was not acknowledged: each is submitted once.
  const recent = new RecentIds();
  const submit = commandSubmitter({
    sink: deps.sink,
    log: deps.log,
    platform: 'slack',
    onEvent: deps.onEvent,
  });

  const isAdmin = async (userId: string, text: string) =>
    isAdminCommand(text) ? deps.admins.isAdmin(userId) : deps.admins.isConfigured(userId);

  app.command(deps.commandName, async ({ command, ack }) => {
    const received = performance.now();
    await ack();
    deps.onAck?.((performance.now() - received) / 1000);
    if (!recent.add(`cmd.${command.trigger_id}`)) return;
    const text = unescapeSlackInput(command.text ?? '').trim();
    const cmd: InboundCommand = {
      text,
      followUp: false,
      ctx: {
        platform: 'slack',
        workspaceId: command.team_id,
        channelId: command.channel_id,
        userId: command.user_id,
        threadRef: null,
        isAdmin: await isAdmin(command.user_id, text),
      },
      target: {
        platform: 'slack',
        channelId: command.channel_id,
        threadRef: null,
        via: {
          [VIA.responseUrl]: command.response_url,
          [VIA.userId]: command.user_id,
          [VIA.kind]: 'command',
        },
      },
      receivedAt: deps.now().toISOString(),
      eventId: `cmd.${command.trigger_id}`,
    };
    await submit(cmd, () => {
      const blocks = sections(QUEUE_BUSY_TEXT);
      return postToResponseUrl(command.response_url, { text: QUEUE_BUSY_TEXT, blocks }, 'ephemeral', {
        log: deps.log,
      });
    });
  });

  const followUp = async (
    e: { channel: string; user?: string; text?: string; ts: string; thread_ts?: string; team?: string },
    eventId: string,
    teamId: string,
    kind: 'mention' | 'dm',
  ) => {
    const userId = e.user ?? '';
    const { botId, botUserId } = deps.bot();
    const text = unescapeSlackInput(stripBotMention(e.text ?? '', botUserId));
    if (!userId || !text || !recent.add(`ev.${eventId}`)) return;
    // A mention outside a thread starts one under the mention; a top-level DM is answered in the DM.
    const threadRef = e.thread_ts ?? (kind === 'mention' ? e.ts : null);
    if (e.thread_ts) await deps.threads.recover(deps.api, e.channel, e.thread_ts, botId);
    const cmd: InboundCommand = {
      text,
      followUp: true,
      ctx: {
        platform: 'slack',
        workspaceId: teamId,
        channelId: e.channel,
        userId,
        threadRef: e.thread_ts ?? null,
        isAdmin: await isAdmin(userId, text),
      },
      target: {
        platform: 'slack',
        channelId: e.channel,
        threadRef,
        via: { [VIA.userId]: userId, [VIA.kind]: kind },
      },
      receivedAt: deps.now().toISOString(),
      eventId: `ev.${eventId}`,
    };
    await submit(cmd, async () => {
      const blocks = sections(QUEUE_BUSY_TEXT);
      await deps.api.post('chat.postMessage', {
        channel: e.channel,
        text: fallbackText(blocks),
        blocks,
        ...(threadRef ? { thread_ts: threadRef } : {}),
      });
    });
  };

  app.event('app_mention', async ({ event, body }) => {
    if (event.bot_id || event.channel.startsWith('D')) return;
    await followUp(event, String(body.event_id), String(body.team_id ?? event.team ?? ''), 'mention');
  });

  app.event('message', async ({ event, body }) => {
    const m = event as unknown as Record<string, unknown>;
    if (m.channel_type !== 'im' || m.subtype !== undefined || m.bot_id) return;
    if (typeof m.channel !== 'string' || typeof m.ts !== 'string') return;
    if (m.user === deps.bot().botUserId) return;
    const e = {
      channel: m.channel,
      ts: m.ts,
      ...(typeof m.user === 'string' ? { user: m.user } : {}),
      ...(typeof m.text === 'string' ? { text: m.text } : {}),
      ...(typeof m.thread_ts === 'string' ? { thread_ts: m.thread_ts } : {}),
    };
    await followUp(e, String(body.event_id), String(body.team_id ?? ''), 'dm');
  });
}
