import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Client,
  Events,
  GatewayDispatchEvents,
  type GatewayInteractionCreateDispatchData,
  type GatewayMessageCreateDispatchData,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { RecentIds } from '../../src/chat/recent-ids.js';
import { commandSubmitter, QUEUE_BUSY_TEXT } from '../../src/chat/submit-command.js';
import type { Logger } from '../../src/log.js';
import type { CommandSink, InboundCommand } from '../../src/ports.js';
import type { Store } from '../../src/store/port.js';
import type { DiscordAdmins } from './admins.js';
import { entityChoices, sourceChoices, timeZoneChoices } from './autocomplete.js';
import type { ChannelResolver } from './channels.js';
import { COMMAND_NAME, type Invocation, invocationText, isAdminInvocation } from './commands.js';
import type { DiscordApi } from './discord-api.js';
import { COLORS } from './limits.js';
import { stripBotMention } from './markdown.js';
import { VIA } from './replier.js';
import type { ThreadRecorder } from './thread-context.js';

export interface InboundDeps {
  client: Client;
  api: DiscordApi;
  sink: CommandSink;
  admins: DiscordAdmins;
  channels: ChannelResolver;
  threads: ThreadRecorder | null;
  store: Store | null;
  log: Logger;
  now: () => Date;
  /** Called on every accepted event (health). */
  onEvent?: () => void;
}

function invocationOf(i: ChatInputCommandInteraction | AutocompleteInteraction): Invocation {
  const options: Record<string, string> = {};
  for (const o of i.options.data) {
    for (const leaf of [o, ...(o.options ?? []), ...(o.options ?? []).flatMap((x) => x.options ?? [])]) {
      if (typeof leaf.value === 'string') options[leaf.name] = leaf.value;
    }
  }
  return { group: i.options.getSubcommandGroup(false), sub: i.options.getSubcommand(false), options };
}

/**
 * Wires `/chipbrief`, autocomplete, mentions and DMs into the CommandSink.
 *
 * A slash command is deferred first — nothing slow before `deferReply`, Discord wants a response within
 * 3 s — and only then is it placed (thread or channel) and submitted; the `answer` job, possibly in
 * another process, edits the deferred reply through the interaction webhook (see replier.ts). Help and
 * admin subcommands of non-admins are deferred ephemerally: their answers are for the asker only.
 *
 * Messages are read from the raw gateway dispatch, which needs no channel cache (the bot may not have
 * been sent the channel) and no privileged intent: Discord includes the content of messages that
 * mention the bot and of DMs. Other messages are ignored.
 */
export function registerInbound(deps: InboundDeps): void {
  const { client, log } = deps;
  // A gateway resume may replay an event, which must be submitted once.
  const recent = new RecentIds();
  const hints = new Map<string, { type: number | null; parentId: string | null }>();
  const submit = commandSubmitter({ sink: deps.sink, log, platform: 'discord', onEvent: deps.onEvent });

  // Raw interaction data names the channel's type and parent: kept so a thread needs no REST lookup.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (d: GatewayInteractionCreateDispatchData) => {
    const ch = d.channel as { type?: number; parent_id?: string | null } | undefined;
    hints.set(d.id, { type: ch?.type ?? null, parentId: ch?.parent_id ?? null });
    if (hints.size > 500) hints.delete(hints.keys().next().value as string);
  });

  const onCommand = async (i: ChatInputCommandInteraction) => {
    const inv = invocationOf(i);
    const isAdmin = deps.admins.isAdmin(i.user.id, i.memberPermissions?.bitfield ?? null);
    const ephemeral = inv.sub === 'help' || inv.group === 'sources' || (isAdminInvocation(inv) && !isAdmin);
    if (!recent.add(i.id)) return;
    try {
      await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    } catch (err) {
      log.warn(
        { err, interactionId: i.id },
        'discord: could not defer the interaction (expired or already answered)',
      );
      return;
    }
    const hint = hints.get(i.id);
    hints.delete(i.id);
    const place = await deps.channels
      .place(i.channelId, { guildId: i.guildId, type: hint?.type ?? null, parentId: hint?.parentId ?? null })
      .catch(() => ({ channelId: i.channelId, threadId: null, dm: !i.guildId }));
    if (place.threadId) await deps.threads?.recover(deps.api, place.channelId, place.threadId);
    const cmd: InboundCommand = {
      text: invocationText(inv),
      followUp: false,
      ctx: {
        platform: 'discord',
        workspaceId: i.guildId ?? '',
        channelId: place.channelId,
        userId: i.user.id,
        threadRef: place.threadId,
        isAdmin,
      },
      target: {
        platform: 'discord',
        channelId: place.channelId,
        threadRef: place.threadId,
        via: {
          [VIA.kind]: 'command',
          [VIA.eventId]: i.id,
          [VIA.appId]: i.applicationId,
          [VIA.token]: i.token,
          [VIA.createdAt]: new Date(i.createdTimestamp).toISOString(),
          [VIA.deferred]: ephemeral ? 'ephemeral' : 'public',
          [VIA.userId]: i.user.id,
        },
      },
      receivedAt: deps.now().toISOString(),
      eventId: i.id,
    };
    await submit(cmd, () =>
      i.editReply({
        embeds: [{ description: QUEUE_BUSY_TEXT, color: COLORS.notice }],
        allowedMentions: { parse: [] },
      }),
    );
  };

  const onAutocomplete = async (i: AutocompleteInteraction) => {
    const focused = i.options.getFocused(true);
    const inv = invocationOf(i);
    let choices: { name: string; value: string }[] = [];
    try {
      if ((inv.sub === 'firm' || inv.sub === 'policy') && focused.name === 'name') {
        choices = await entityChoices(inv.sub, String(focused.value), deps.store);
      } else if (inv.group === 'sources' && focused.name === 'id' && deps.store) {
        choices = await sourceChoices(String(focused.value), deps.store);
      } else if (focused.name === 'tz') {
        choices = timeZoneChoices(String(focused.value));
      }
    } catch (err) {
      log.warn({ err }, 'discord: autocomplete lookup failed');
    }
    await i
      .respond(choices)
      .catch((err) => log.warn({ err }, 'discord: could not send autocomplete choices'));
  };

  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (i.isChatInputCommand() && i.commandName === COMMAND_NAME) {
      onCommand(i).catch((err) => log.error({ err }, 'discord: command handler failed'));
    } else if (i.isAutocomplete() && i.commandName === COMMAND_NAME) {
      onAutocomplete(i).catch((err) => log.error({ err }, 'discord: autocomplete handler failed'));
    }
  });

  const onMessage = async (m: GatewayMessageCreateDispatchData) => {
    const botId = client.user?.id ?? null;
    if (!botId || m.author.bot || m.author.id === botId || m.webhook_id) return;
    const dm = !m.guild_id;
    if (!dm && !m.mentions.some((u) => u.id === botId)) return;
    if (!recent.add(m.id)) return;
    const text = stripBotMention(m.content, botId) || 'help';
    const place = await deps.channels.place(m.channel_id, {
      guildId: m.guild_id ?? null,
      type: (m as { channel_type?: number }).channel_type ?? null,
    });
    if (place.threadId) await deps.threads?.recover(deps.api, place.channelId, place.threadId);
    // A DM is one running conversation: its channel is its thread.
    const threadRef = place.dm ? place.channelId : place.threadId;
    const kind = place.dm ? 'dm' : 'mention';
    const cmd: InboundCommand = {
      text,
      followUp: true,
      ctx: {
        platform: 'discord',
        workspaceId: m.guild_id ?? '',
        channelId: place.channelId,
        userId: m.author.id,
        threadRef,
        isAdmin: deps.admins.isAdmin(m.author.id),
      },
      target: {
        platform: 'discord',
        channelId: place.channelId,
        threadRef,
        via: { [VIA.kind]: kind, [VIA.eventId]: m.id, [VIA.userId]: m.author.id, [VIA.replyTo]: m.id },
      },
      receivedAt: deps.now().toISOString(),
      eventId: m.id,
    };
    await submit(cmd, () =>
      deps.api.createMessage(
        m.channel_id,
        { embeds: [{ description: QUEUE_BUSY_TEXT, color: COLORS.notice }] },
        { replyTo: m.id },
      ),
    );
  };

  client.ws.on(GatewayDispatchEvents.MessageCreate, (m: GatewayMessageCreateDispatchData) => {
    onMessage(m).catch((err) => log.error({ err, messageId: m.id }, 'discord: message handler failed'));
  });
}
