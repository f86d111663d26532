import { packGroups } from '../../src/chat/pack-groups.js';
import { blockChars, LIMITS, type SlackBlock } from './blocks.js';

export interface PackLimits {
  maxBlocks: number;
  maxChars: number;
}

export const DEFAULT_PACK: PackLimits = { maxBlocks: LIMITS.blocksPerMessage, maxChars: LIMITS.messageChars };

/**
 * Packs groups of blocks (one story, one quote with its attribution) into messages within Slack's
 * limits (see packGroups). Never returns an empty message; returns [] for no blocks.
 */
export function packMessages(
  groups: readonly SlackBlock[][],
  limits: PackLimits = DEFAULT_PACK,
): SlackBlock[][] {
  return packGroups(groups, { maxParts: limits.maxBlocks, maxChars: limits.maxChars }, blockChars);
}
