/**
 * One gazetteer entry. `canonical` is the name we show and store; `aliases` are other surface forms
 * (the canonical name is always matched too, it need not be repeated).
 *
 * Matching is case-insensitive unless `caseSensitive` is set: then a surface must equal an alias exactly
 * or be its ALL-CAPS form ("ARM" for "Arm", never "arm"). Set it for names that are also common words
 * (Arm, Intel, Micron, Canon, Cadence, Hopper, Blackwell) and for people.
 */
export interface GazetteerEntry {
  canonical: string;
  aliases: readonly string[];
  caseSensitive?: boolean;
  /**
   * Finer kind inside the entity kind. Firms: 'company' (default), 'agency' (government bodies and
   * regulators), 'research' (analyst houses, banks' research), 'association', 'media'.
   */
  type?: string;
  /** People only: the pronoun the article would use, when public and stable. Helps pronoun resolution. */
  gender?: 'he' | 'she';
}
