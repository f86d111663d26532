/**
 * Speech cues: the one place that says which words attribute a quotation. Extend here, nowhere else.
 * All forms are lower-case; a cue only counts when written in lower case in the text, so "United
 * States" or a sentence-initial noun never reads as a cue.
 */

/** Finite speech verbs (past, present, plural present). "said", "says", "say", "told" ... */
const SPEECH_VERBS = `
said says say
added adds
continued continues
stated states
explained explains
argued argues
noted notes
wrote writes
warned warns
asked asks
insisted insists
cautioned cautions
recalled recalls
acknowledged acknowledges
emphasised emphasises emphasized emphasizes
claimed claims
declared declares
predicted predicts
replied replies
remarked remarks
commented comments
observed observes
stressed stresses
conceded concedes
admitted admits
announced announces
suggested suggests
responded responds
answered answers
countered counters
agreed agrees
disagreed disagrees
concluded concludes
maintained maintains
tweeted tweets
posted posts
quipped quips
complained complains
boasted boasts
joked jokes
lamented laments
mused muses
vowed vows
pledged pledges
urged urges
confirmed confirms
reiterated reiterates
underlined underlines
underscored underscores
testified testifies
assured assures
recounted recounts
summarised summarises summarized summarizes
reckoned reckons
wondered wonders
shouted
told tells
`;

/** Verbs whose cue includes their object: "told NPR", "told reporters", "warned lawmakers". */
const OBJECT_VERBS = 'told tells asked asks warned warns assured assures reminded reminds informed informs';

/**
 * Labelling verbs: they attribute a partial quote ("called the rules "a failure""), never a full one.
 * "dubbed", "termed", "branded" are left out: they mostly introduce a term, not someone's words.
 */
const LABEL_VERBS = 'called calls call described describes describe';

/** Participles that continue an earlier cue's speaker ("he said, adding: "..."" ). */
const PARTICIPLES =
  'adding noting saying explaining arguing warning insisting stressing continuing writing telling asking';

/** Nouns that read as verbs in the lists above; after a determiner they are never cues ("the notes"). */
const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const SPEECH_VERB_SET: ReadonlySet<string> = words(SPEECH_VERBS);
export const OBJECT_VERB_SET: ReadonlySet<string> = words(OBJECT_VERBS);
export const LABEL_VERB_SET: ReadonlySet<string> = words(LABEL_VERBS);
export const PARTICIPLE_SET: ReadonlySet<string> = words(PARTICIPLES);

/** Words between a subject and its speech verb that do not break the link ("Huang has repeatedly said"). */
export const VERB_ADVERBS: ReadonlySet<string> = words(`
also later previously then once recently again separately earlier simply repeatedly further now still often
frequently publicly privately flatly bluntly candidly openly already even never first reportedly has have had
would will was were is are did does do had just since subsequently sharply quickly quietly
`);

/** Nouns and phrases after which an object ends and the cue clause goes on adverbially. */
export const CLAUSE_ADVERBIAL_STARTS: ReadonlySet<string> = words(`
in on at during last this yesterday today tonight earlier later when while after before because as via
through since until amid following ahead from over about of with adding noting saying referring citing
according without by
`);

/**
 * Documents: "a statement posted on WeChat", "comments made on Tuesday". A speech verb right after one
 * is a participle describing the document, not a cue with the document as speaker.
 */
export const DOCUMENT_NOUNS: ReadonlySet<string> = words(`
statement statements post posts message messages notice notices report reports letter letters note notes comment
comments remarks filing filings video videos blog article articles interview interviews transcript release releases
announcement announcements speech speeches memo memos email emails document documents tweet tweets essay essays
rule rules regulation regulations guidance order orders paper papers presentation slides
`);

/** Documents that speak for whoever issued them: "the filing said", "the statement read". */
export const DOCUMENT_SPEAKERS: ReadonlySet<string> = words(`
statement filing report letter memo note release email post notice announcement submission presentation
study analysis essay circular
`);

/** Verbs a document speaks with ("the statement read"); "read" is a cue only here. */
export const DOCUMENT_VERB_SET: ReadonlySet<string> = words(`
said says read reads stated states concluded concludes added adds noted notes warned warns argued argues
continued continues explained explains
`);
