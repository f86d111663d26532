import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';

export const COMMAND_NAME = 'chipbrief';

/** Subcommands that change what the bot collects or posts: admins only (checked at run time). */
export const ADMIN_SUBCOMMANDS: ReadonlySet<string> = new Set(['sources', 'subscribe', 'unsubscribe']);

/**
 * The `/chipbrief` command as registered with Discord.
 *
 * One command with subcommands, so `/chipbrief` reads the same as on Slack and in the README. Discord's
 * `default_member_permissions` applies to a whole command, not to a subcommand, so it is left unset
 * (everyone may use `/chipbrief`) and the admin subcommands — `sources …`, `subscribe`, `unsubscribe` —
 * are checked when they run: Manage Server (or Administrator) in the interaction's member permissions,
 * or a user listed in the config's `admins`. Others get a polite refusal only they can see. Server
 * admins can still narrow who sees the command in Server Settings → Integrations.
 */
export function chipbriefCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Semiconductor-policy briefs with verbatim, attributed quotes')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addSubcommand((s) => s.setName('help').setDescription('What chipbrief can do, with examples'))
    .addSubcommand((s) => s.setName('digest').setDescription("This channel's latest digest, now"))
    .addSubcommand((s) =>
      s
        .setName('firm')
        .setDescription('Recent stories about a firm, key quotes and policy context')
        .addStringOption((o) =>
          o
            .setName('name')
            .setDescription('Firm (aliases work)')
            .setRequired(true)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('policy')
        .setDescription('What a policy is, recent developments and who said what')
        .addStringOption((o) =>
          o
            .setName('name')
            .setDescription('Policy, e.g. Entity List')
            .setRequired(true)
            .setMaxLength(100)
            .setAutocomplete(true),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('who')
        .setDescription('Who said what about a topic: verbatim quotes with speaker and source')
        .addStringOption((o) =>
          o
            .setName('topic')
            .setDescription('Topic, e.g. export controls')
            .setRequired(true)
            .setMaxLength(200),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('ask')
        .setDescription('A free question, answered from the collected articles with sources')
        .addStringOption((o) =>
          o
            .setName('question')
            .setDescription("e.g. what's new on Huawei?")
            .setRequired(true)
            .setMaxLength(500),
        ),
    )
    .addSubcommandGroup((g) =>
      g
        .setName('sources')
        .setDescription('The feeds and pages collected (admins)')
        .addSubcommand((s) => s.setName('list').setDescription('List the sources'))
        .addSubcommand((s) =>
          s
            .setName('add')
            .setDescription('Collect a feed or page')
            .addStringOption((o) =>
              o
                .setName('url')
                .setDescription('RSS/Atom feed or page URL')
                .setRequired(true)
                .setMaxLength(500),
            ),
        )
        .addSubcommand((s) =>
          s
            .setName('remove')
            .setDescription('Stop collecting a source')
            .addStringOption((o) =>
              o
                .setName('id')
                .setDescription('Source id (see list)')
                .setRequired(true)
                .setMaxLength(100)
                .setAutocomplete(true),
            ),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('A daily digest in this channel (admins)')
        .addStringOption((o) =>
          o.setName('time').setDescription('HH:MM, 24 h (default 08:00)').setMaxLength(5),
        )
        .addStringOption((o) =>
          o
            .setName('tz')
            .setDescription('Time zone, e.g. Europe/Berlin')
            .setMaxLength(64)
            .setAutocomplete(true),
        )
        .addStringOption((o) =>
          o
            .setName('filters')
            .setDescription('e.g. firm:Nvidia policy:"Entity List" tariffs')
            .setMaxLength(300),
        ),
    )
    .addSubcommand((s) =>
      s.setName('unsubscribe').setDescription("Stop this channel's daily digest (admins)"),
    )
    .toJSON();
}

/** A chosen subcommand and its string options, as read from an interaction. */
export interface Invocation {
  group: string | null;
  sub: string | null;
  options: Record<string, string>;
}

/**
 * The text after `/chipbrief` the answers engine parses (one grammar for every platform):
 * `firm SMIC`, `sources add https://…`, `subscribe 08:30 Europe/Berlin firm:Nvidia`.
 */
export function invocationText(inv: Invocation): string {
  const o = inv.options;
  const name = inv.group ?? inv.sub ?? 'help';
  const clean = (v: string | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
  switch (name) {
    case 'firm':
    case 'policy':
      return `${name} ${clean(o.name)}`.trim();
    case 'who':
      return `who ${clean(o.topic)}`.trim();
    case 'ask':
      return `ask ${clean(o.question)}`.trim();
    case 'sources': {
      const action = inv.sub ?? 'list';
      const arg = action === 'add' ? clean(o.url) : action === 'remove' ? clean(o.id) : '';
      return `sources ${action}${arg ? ` ${arg}` : ''}`;
    }
    case 'subscribe':
      return ['subscribe', clean(o.time), clean(o.tz), clean(o.filters)].filter(Boolean).join(' ');
    default:
      return name;
  }
}

/** Whether the invocation is an admin subcommand. */
export function isAdminInvocation(inv: Invocation): boolean {
  return ADMIN_SUBCOMMANDS.has(inv.group ?? inv.sub ?? '');
}
