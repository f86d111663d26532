import type { AnswerFocus } from './answer.js';

/** What a question asks for, before names are resolved against the store. */
export type Intent =
  | { mode: 'speaker'; person: string; topic: string | null }
  | { mode: 'who'; topic: string }
  | { mode: 'firm'; name: string }
  | { mode: 'policy'; name: string }
  /** "what is X" / "what's new on X": a firm or a policy when X resolves to one, else a free question. */
  | { mode: 'about'; name: string; question: string }
  | { mode: 'ask'; question: string }
  /** "and tariffs?": continues the previous turn with a new person or topic. */
  | { mode: 'ellipsis'; previous: Intent | null; fragment: string }
  /** "tell me more": the thread's stories. */
  | { mode: 'more' };

export interface Understanding {
  intent: Intent;
  /** A pronoun the thread gave nothing to refer to ("he" in a fresh channel). */
  unresolved: string | null;
}

const SAY =
  '(?:say|said|says|think|thinks|thought|argue|argued|tell|told|write|wrote|mean|claim|claimed|warn|warned|predict|predicted)';
const ABOUT = '(?:about|on|regarding|of|concerning|with regard to)';
const SPEAKER = [
  new RegExp(
    `^(?:what|anything)\\s+(?:else\\s+)?(?:did|has|have|does|do|had)\\s+(.+?)\\s+(?:else\\s+)?${SAY}(?:\\s+anything)?(?:\\s+${ABOUT}\\s+(.+))?$`,
    'i',
  ),
  new RegExp(`^(?:did|has|does)\\s+(.+?)\\s+${SAY}\\s+anything(?:\\s+(?:else\\s+)?${ABOUT}\\s+(.+))?$`, 'i'),
  new RegExp(
    `^what\\s+(?:is|was|are|were)\\s+(.+?)\\s+(?:saying|arguing|claiming|warning)(?:\\s+${ABOUT}\\s+(.+))?$`,
    'i',
  ),
  /^(?:quotes?|comments?)\s+(?:from|by)\s+(.+?)(?:\s+(?:about|on|regarding)\s+(.+))?$/i,
  /^(.+?)['\u2019]s?\s+(?:view|views|take|stance|position|comments|quotes)\s+(?:on|about)\s+(.+)$/i,
];
// "who said anything about X" asks about X: the filler before the topic is not part of it.
const WHO = new RegExp(
  `^who\\s+(?:has\\s+|have\\s+)?(?:said|says|say|is saying|are saying|thinks?|argued|argues|warned|warns|claimed|claims|called|calls|critici[sz]ed|praised|commented on|talked about|spoke about|is talking about|was quoted on|defended|opposed|supports?)\\s+(?:that\\s+|(?:anything|something|things|much)\\s+${ABOUT}\\s+)?(.+)$`,
  'i',
);
const WHO_IS = /^who\s+(?:is|was)\s+([A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+){0,3})$/u;
const ABOUT_NEWS =
  /^(?:what(?:['\u2019]s|\s+is)\s+(?:new|happening|going on|the latest|the news)\s+(?:on|with|at|for|about|in|to)|(?:the\s+)?(?:latest|news|updates?)\s+(?:on|about|for|from|at)|any\s+(?:news|updates?)\s+(?:on|about|from)|what\s+(?:do we know|is known)\s+about|tell me about|(?:give me\s+)?(?:an?\s+)?(?:overview|summary)\s+of)\s+(.+)$/i;
const ABOUT_WHAT = /^(?:what(?:['\u2019]s|\s+is|\s+are|\s+was)|explain|define)\s+(?:the\s+|an?\s+)?(.+)$/i;
const ELLIPSIS =
  /^(?:and|also|plus|what about|how about|and what about|and how about|same for|and on|and about|and for)\s+(.+)$/i;
const MORE = /^(?:tell me more|more|more details|go on|details|and\?|what else)$/i;

/**
 * Reads a question: pronouns resolved against the thread's focus, then the shape of the question
 * (what did X say / who said / what is X / what's new on X / and Y? / anything else). Pure: names are
 * resolved against the store by the caller.
 */
export function understand(text: string, focus: AnswerFocus | null, previous: Intent | null): Understanding {
  let t = tidy(text);
  const cmd = /^(firm|policy|who|ask)\s+(.+)$/i.exec(t);
  if (cmd) {
    const word = cmd[1]!.toLowerCase();
    const arg = cmd[2]!;
    if (word === 'firm') return { intent: { mode: 'firm', name: bareName(arg) }, unresolved: null };
    if (word === 'policy') return { intent: { mode: 'policy', name: bareName(arg) }, unresolved: null };
    if (word === 'who') return understandWho(`who ${arg}`, focus, previous);
    t = arg;
  }
  // "Tell me more" is about the thread's stories, not a repeat of the last answer.
  if (MORE.test(t)) return { intent: { mode: 'more' }, unresolved: null };
  const sub = substitutePronouns(t, focus);
  t = sub.text;
  const ell = ELLIPSIS.exec(t);
  if (ell && !isFullQuestion(ell[1]!)) {
    return { intent: { mode: 'ellipsis', previous, fragment: ell[1]!.trim() }, unresolved: sub.unresolved };
  }
  if (ell) t = ell[1]!.trim();
  return { intent: shape(t), unresolved: sub.unresolved };
}

function understandWho(t: string, focus: AnswerFocus | null, previous: Intent | null): Understanding {
  const shaped = shape(t);
  if (shaped.mode !== 'ask') return { intent: shaped, unresolved: null };
  const topic = t.replace(/^who\s+/i, '').trim();
  return previous && !topic
    ? { intent: previous, unresolved: null }
    : { intent: { mode: 'who', topic: substitutePronouns(topic, focus).text }, unresolved: null };
}

function shape(t: string): Intent {
  for (const re of SPEAKER) {
    const m = re.exec(t);
    if (m && isName(m[1]!))
      return { mode: 'speaker', person: stripArticle(m[1]!), topic: m[2]?.trim() || null };
  }
  const whoIs = WHO_IS.exec(t);
  if (whoIs) return { mode: 'speaker', person: whoIs[1]!, topic: null };
  const who = WHO.exec(t);
  if (who) return { mode: 'who', topic: who[1]!.trim() };
  const news = ABOUT_NEWS.exec(t);
  if (news) return { mode: 'about', name: stripArticle(news[1]!), question: t };
  const what = ABOUT_WHAT.exec(t);
  if (what && what[1]!.split(/\s+/).length <= 6)
    return { mode: 'about', name: stripArticle(what[1]!), question: t };
  // A bare name ("Xinkailai?", "the Entity List") asks about that name.
  if (t.split(/\s+/).length <= 4 && !QUESTION_WORD.test(t))
    return { mode: 'about', name: stripArticle(t), question: t };
  return { mode: 'ask', question: t };
}

/** The canonical wording of an intent: what a thread stores, and what `understand` reads back the same way. */
export function phrase(intent: Intent): string {
  switch (intent.mode) {
    case 'speaker':
      return intent.topic
        ? `what did ${intent.person} say about ${intent.topic}?`
        : `what did ${intent.person} say?`;
    case 'who':
      return `who ${intent.topic}`;
    case 'firm':
      return `firm ${intent.name}`;
    case 'policy':
      return `policy ${intent.name}`;
    case 'about':
    case 'ask':
      return intent.question;
    case 'ellipsis':
      return intent.fragment;
    case 'more':
      return 'tell me more';
  }
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:ok(?:ay)?|so|hey|hi|please|thanks)[,!]?\s+/i, '')
    .replace(/[?!.\s]+$/, '')
    .trim();
}

/** "what is the Entity List" -> "Entity List": a command's argument written as a question. */
function bareName(arg: string): string {
  const m = ABOUT_NEWS.exec(arg) ?? ABOUT_WHAT.exec(arg);
  return stripArticle(m ? m[1]! : arg);
}

function stripArticle(s: string): string {
  return s.replace(/^(?:the|a|an)\s+/i, '').trim();
}

/** A name-like phrase: up to five words, not a question clause. */
function isName(s: string): boolean {
  const n = stripArticle(s);
  return (
    n.split(/\s+/).length <= 5 &&
    !/\b(?:a|people|anyone|someone|everyone|they|you|we|i|analysts|experts)\b/i.test(n)
  );
}

const QUESTION_WORD =
  /^(?:what|who|how|why|when|where|which|did|does|do|is|are|was|were|has|have|can|could|will|would|should|tell|explain)\b/i;

/** "and what did he say about supply chains" is a whole question after its "and". */
function isFullQuestion(s: string): boolean {
  return QUESTION_WORD.test(s);
}

/** Replaces he/she/they/it with the thread's focus; reports a person pronoun with nobody to point to. */
export function substitutePronouns(
  text: string,
  focus: AnswerFocus | null,
): { text: string; unresolved: string | null } {
  const person = focus?.people[0] ?? null;
  const thing = focus?.policies[0] ?? focus?.firms[0] ?? null;
  const group = focus?.firms[0] ?? person;
  let unresolved: string | null = null;
  let out = text.replace(
    /\b(he|she|him|his|hers|her)\b(\s+\w+)?/gi,
    (m, p: string, next: string | undefined) => {
      if (!person) {
        unresolved ??= p.toLowerCase();
        return m;
      }
      const lower = p.toLowerCase();
      const possessive =
        lower === 'his' ||
        lower === 'hers' ||
        (lower === 'her' && next && !/^\s+(about|on|say|said|to|in|at|for|with|regarding)$/i.test(next));
      return `${possessive ? `${person}'s` : person}${next ?? ''}`;
    },
  );
  if (group)
    out = out.replace(/\b(they|them|their)\b/gi, (p) => (p.toLowerCase() === 'their' ? `${group}'s` : group));
  if (thing)
    out = out.replace(
      /\b(about|on|of|with|regarding) (it|that|this)\b/gi,
      (_m, prep: string) => `${prep} ${thing}`,
    );
  return { text: out, unresolved };
}
