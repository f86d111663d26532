import type { EntityKind } from '../mention.js';
import { CHIPS } from './chips.js';
import { FIRMS } from './firms.js';
import { PEOPLE } from './people.js';
import { POLICIES } from './policies.js';
import type { GazetteerEntry } from './types.js';

export type { GazetteerEntry } from './types.js';

/** Every gazetteer list by entity kind. Add a kind's entries in its own file; nothing else changes. */
export const GAZETTEER: Readonly<Record<EntityKind, readonly GazetteerEntry[]>> = {
  firm: FIRMS,
  person: PEOPLE,
  policy: POLICIES,
  chip: CHIPS,
};
