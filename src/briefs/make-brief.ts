import { sha256 } from '../articles/identity.js';
import { ChipbriefError, toChipbriefError } from '../errors.js';
import type { Clock, Llm } from '../ports.js';
import type { Store } from '../store/port.js';
import type { Brief } from './brief.js';
import { type BriefDraft, EXTRACTIVE_MODEL, EXTRACTIVE_VERSION, extractiveBrief } from './extractive.js';
import { BRIEF_PROMPT, buildBriefRequest, DEFAULT_ARTICLE_TOKENS, llmBrief } from './llm-brief.js';
import { loadPrompt, type Prompt } from './prompt.js';
import { estimateTokens } from './prompt-text.js';
import { loadStoryMaterial, type StoryMaterial } from './story-material.js';

export { renderBriefView } from './brief-view.js';

export interface MakeBriefDeps {
  /** null: offline, extractive only. */
  llm: Llm | null;
  clock: Clock;
  /** CHIPBRIEF_LLM_DAILY_TOKENS; 0 = no limit. */
  dailyTokenBudget: number;
  /** Model name in the cache key; defaults to `llm.model`. */
  model?: string;
  maxArticleTokens?: number;
  /** Prompt override (tests); defaults to prompts/brief.v1.md. */
  prompt?: Prompt;
  /** Folder to read prompt files from; defaults to the prompts/ folder of the program. */
  promptDir?: string;
}

/**
 * Failures that say something about this content with this prompt and model: asking again would
 * cost the same tokens for the same answer, so the fallback is cached under the LLM key.
 * Timeouts, rate limits, server errors and a spent budget are not: a later call may succeed.
 */
const STICKY: ReadonlySet<string> = new Set(['LLM_INVALID_OUTPUT']);

/** Tokens an LLM adapter or the grounding step attached to an error (the call cost them anyway). */
function errorUsage(err: unknown): { tokensIn: number; tokensOut: number } {
  const u = (err as { usage?: { tokensIn?: unknown; tokensOut?: unknown } } | null)?.usage;
  const n = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? Math.round(x) : 0);
  return { tokensIn: n(u?.tokensIn), tokensOut: n(u?.tokensOut) };
}

function briefId(storyId: string, contentHash: string, promptVersion: string, model: string): string {
  return `brief:${sha256(`${storyId}\n${contentHash}\n${promptVersion}\n${model}`).slice(0, 24)}`;
}

function toBrief(
  m: StoryMaterial,
  draft: BriefDraft,
  key: { promptVersion: string; model: string },
  extra: Pick<Brief, 'summarizer' | 'tokensIn' | 'tokensOut' | 'fallbackReason'>,
  clock: Clock,
): Brief {
  return {
    id: briefId(m.story.id, m.contentHash, key.promptVersion, key.model),
    storyId: m.story.id,
    contentHash: m.contentHash,
    promptVersion: key.promptVersion,
    model: key.model,
    headline: draft.headline,
    bullets: draft.bullets,
    quoteIds: draft.quoteIds,
    createdAt: clock.now().toISOString(),
    ...extra,
  };
}

/** UTC day of an instant: the unit of the token budget. */
export function usageDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Stores the offline brief (or returns the stored one) for this content. */
async function extractive(
  store: Store,
  m: StoryMaterial,
  clock: Clock,
  reason: string | null,
): Promise<Brief> {
  const key = { promptVersion: EXTRACTIVE_VERSION, model: EXTRACTIVE_MODEL };
  const cached = await store.findBrief(m.story.id, m.contentHash, key.promptVersion, key.model);
  const stored =
    cached ??
    (await store.putBrief(
      toBrief(
        m,
        extractiveBrief(m),
        key,
        { summarizer: 'extractive', tokensIn: 0, tokensOut: 0, fallbackReason: reason },
        clock,
      ),
    ));
  // The stored row keeps the first reason; the caller learns this call's.
  return reason === stored.fallbackReason ? stored : { ...stored, fallbackReason: reason };
}

function reasonOf(err: ChipbriefError): string {
  const msg = err.message.replace(/\s+/g, ' ').trim().slice(0, 180);
  return `${err.code}: ${msg}`;
}

/**
 * The brief of a story. Cached by (story, content hash, prompt version, model): an unchanged story
 * never costs a second LLM call. With an LLM, the daily token budget is checked first; a timeout,
 * rate limit, server error, invalid or refused answer, or spent budget gives the extractive brief
 * with `fallbackReason` set and a fallback counted in the day's usage. Never throws because the LLM
 * failed; throws INPUT_NOT_FOUND for an unknown story.
 */
export async function makeBrief(store: Store, storyId: string, deps: MakeBriefDeps): Promise<Brief> {
  const m = await loadStoryMaterial(store, storyId);
  if (!deps.llm) return extractive(store, m, deps.clock, null);

  let prompt: Prompt;
  try {
    prompt = deps.prompt ?? loadPrompt(BRIEF_PROMPT.name, BRIEF_PROMPT.version, deps.promptDir);
  } catch (err) {
    // A deployment without prompts/ still briefs every story; the reason says what to fix.
    await store.recordLlmUsage(usageDay(deps.clock.now()), {
      calls: 0,
      tokensIn: 0,
      tokensOut: 0,
      fallbacks: 1,
    });
    return extractive(store, m, deps.clock, `LLM_FAILED: ${toChipbriefError(err).message}`);
  }
  const key = { promptVersion: prompt.id, model: deps.model ?? deps.llm.model };
  const cached = await store.findBrief(m.story.id, m.contentHash, key.promptVersion, key.model);
  if (cached) return cached;

  const day = usageDay(deps.clock.now());
  const options = { prompt, maxArticleTokens: deps.maxArticleTokens ?? DEFAULT_ARTICLE_TOKENS };
  if (deps.dailyTokenBudget > 0) {
    const used = await store.llmUsage(day);
    const { request } = buildBriefRequest(m, options);
    const need =
      estimateTokens(request.system) + estimateTokens(request.user) + (request.maxOutputTokens ?? 0);
    if (used.tokensIn + used.tokensOut + need > deps.dailyTokenBudget) {
      await store.recordLlmUsage(day, { calls: 0, tokensIn: 0, tokensOut: 0, fallbacks: 1 });
      const spent = new ChipbriefError(
        'LLM_BUDGET_SPENT',
        `daily budget of ${deps.dailyTokenBudget} tokens reached (${used.tokensIn + used.tokensOut} used today)`,
      );
      return extractive(store, m, deps.clock, reasonOf(spent));
    }
  }

  let res: Awaited<ReturnType<typeof llmBrief>>;
  try {
    res = await llmBrief(deps.llm, m, options);
  } catch (thrown) {
    const err = toChipbriefError(thrown, 'LLM_FAILED');
    if (!err.code.startsWith('LLM_')) throw err;
    const usage = errorUsage(thrown);
    await store.recordLlmUsage(day, { calls: 1, ...usage, fallbacks: 1 });
    if (!STICKY.has(err.code)) return extractive(store, m, deps.clock, reasonOf(err));
    // Negative cache: this content with this prompt and model gave an unusable answer; do not pay again.
    const fallback = { summarizer: 'extractive' as const, ...usage, fallbackReason: reasonOf(err) };
    return store.putBrief(toBrief(m, extractiveBrief(m), key, fallback, deps.clock));
  }
  await store.recordLlmUsage(day, {
    calls: 1,
    tokensIn: res.tokensIn,
    tokensOut: res.tokensOut,
    fallbacks: 0,
  });
  const accounting = {
    summarizer: 'llm' as const,
    tokensIn: res.tokensIn,
    tokensOut: res.tokensOut,
    fallbackReason: null,
  };
  return store.putBrief(toBrief(m, res.draft, key, accounting, deps.clock));
}
