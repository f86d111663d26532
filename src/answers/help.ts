import type { Answer } from './answer.js';
import { defang } from './defang.js';

/** The commands, with an example each: the help answer and the suggestions of empty answers use them. */
export const COMMAND_HELP: readonly [string, string][] = [
  ["ask what's new on Huawei?", 'a free question, answered from the stored articles with sources'],
  ['firm SiCarrier', 'recent stories about a firm (aliases work), key quotes, its policy context'],
  ['policy Entity List', 'what a policy is, recent developments in date order, who said what'],
  ['who export controls', 'the quote index: who said what about a topic, verbatim, with speaker and source'],
  ['digest', "this channel's latest digest, now"],
  ['sources [list | add <url> | remove <id>]', 'the feeds and pages collected (admins)'],
  [
    'subscribe [HH:MM] [tz] [filters]',
    'a daily digest in this channel, e.g. `subscribe 08:30 Europe/Berlin firm:Nvidia` (admins)',
  ],
  ['unsubscribe', "stop this channel's daily digest (admins)"],
];

/** The help answer: what the bot can do, with examples; `reason` says what was wrong with the command. */
export function helpAnswer(reason?: string): Answer {
  const lines = COMMAND_HELP.map(([cmd, what]) => `\`/chipbrief ${cmd}\` — ${what}`);
  const parts = [
    // The reason may echo what the user typed: it must not ping anyone.
    ...(reason ? [defang(reason)] : []),
    'I answer questions about semiconductor policy from the articles collected here, quoting people verbatim with a link to each source.',
    ...lines,
    'In a digest or answer thread, mention me with a follow-up such as "and what did he say about supply chains?".',
  ];
  return {
    kind: 'help',
    title: reason ? 'That command needs a fix' : 'chipbrief: what I can do',
    parts,
    quotes: [],
    citations: [],
    suggestions: [],
    visibility: 'ephemeral',
    storyIds: [],
  };
}
