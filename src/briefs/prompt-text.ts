/**
 * Article and user text on its way into an LLM prompt (briefs and answers): kept inside its data block
 * and within a token budget.
 */

/** Rough token count (about four characters each) for budgets and trimming. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * Article text is data: nothing in it may close or open a block of the prompt. Angle brackets become
 * single guillemets, so `</article>` or `<!channel>` in an article reads as text.
 */
export function neutralize(text: string): string {
  return text.replace(/</g, '\u2039').replace(/>/g, '\u203A');
}

/** One field of a prompt line (a title, a speaker, a quote): neutralized, on one line. */
export function promptLine(s: string): string {
  return neutralize(s).replace(/\s+/g, ' ').trim();
}

/** Cuts text to about `maxTokens` at a paragraph (else sentence, else word) boundary. */
export function trimToTokens(text: string, maxTokens: number): string {
  const maxChars = maxTokens * 4;
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('. ') + 1);
  const at = cut > maxChars * 0.6 ? cut : head.lastIndexOf(' ');
  return `${head.slice(0, at > 0 ? at : maxChars).trimEnd()}\n[\u2026]`;
}
