/** Word lists for reading speaker phrases. Lower-case; compare with `word.toLowerCase()`. */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const PRONOUNS: ReadonlySet<string> = words('he she they it');

/** First-person and impersonal subjects: the author or nobody; never attributed. */
export const NON_SPEAKER_SUBJECTS: ReadonlySet<string> = words(
  'i we you one this that these those there which who',
);

export const DETERMINERS: ReadonlySet<string> = words(
  'a an the one another two three four five six several some many other multiple numerous both few various',
);

/** Honorifics dropped from a name; the value is the pronoun they imply, or '' when none. */
export const HONORIFICS: ReadonlyMap<string, 'he' | 'she' | ''> = new Map([
  ['mr', 'he'],
  ['mr.', 'he'],
  ['sir', 'he'],
  ['mrs', 'she'],
  ['mrs.', 'she'],
  ['ms', 'she'],
  ['ms.', 'she'],
  ['madam', 'she'],
  ['dame', 'she'],
  ['dr', ''],
  ['dr.', ''],
  ['prof', ''],
  ['prof.', ''],
  ['mx', ''],
  ['mx.', ''],
]);

/**
 * Title nouns: a role written before a name ends with one ("Commerce Secretary Howard Lutnick",
 * "Nvidia chief executive Jensen Huang"), and an appositive holding one is a role.
 */
export const TITLE_NOUNS: ReadonlySet<string> = words(`
ceo cfo cto coo cio cso chief executive officer chairman chairwoman chair chairperson president vice-president
secretary minister spokesperson spokesman spokeswoman director director-general founder co-founder cofounder
analyst economist professor senator sen. rep. representative congressman congresswoman governor ambassador envoy
commissioner administrator undersecretary under-secretary deputy head manager partner researcher fellow lawmaker
legislator premier leader adviser advisor counsel general engineer scientist strategist editor correspondent host
author official chancellor mayor principal vp evp svp boss czar tsar consultant diplomat attorney lawyer judge
speaker treasurer trustee owner publisher columnist writer journalist reporter expert specialist historian
academic scholar dean investor veteran member negotiator regulator lead chief-executive president-elect
secretary-general gov. amb. commissar banker trader observer insider staffer aide lobbyist designer architect
organizer organiser activist moderator panelist panellist colleague commentator anchor presenter
`);

/** Heads of an unnamed-source phrase ("an industry analyst", "people familiar with the matter"). */
export const PERSON_NOUNS: ReadonlySet<string> = words(`
analyst analysts official officials source sources executive executives person people persons engineer engineers
employee employees researcher researchers expert experts economist economists insider insiders diplomat diplomats
lawmaker lawmakers legislator legislators spokesperson spokespeople spokesman spokesmen spokeswoman spokeswomen
banker bankers investor investors trader traders manager managers director directors adviser advisers advisor
advisors consultant consultants observer observers academic academics professor professors scholar scholars
worker workers staffer staffers aide aides lobbyist lobbyists representative representatives customer customers
supplier suppliers founder founders veteran veterans strategist strategists scientist scientists critic critics
proponent proponents supporter supporters negotiator negotiators minister ministers officer officers partner
partners fellow fellows commentator commentators blogger bloggers entrepreneur entrepreneurs participant
participants attendee attendees delegate delegates member members leader leaders buyer buyers seller sellers
distributor distributors broker brokers smuggler smugglers lawyer lawyers attorney attorneys specialist
specialists technician technicians student students owner owners operator operators developer developers user
users watcher watchers hawk hawks ceo ceos chairman insider lobbyist designer designers economist
organizer organizers organiser organisers activist activists moderator panelist panelists colleague colleagues
resident residents farmer farmers teacher teachers chief chiefs boss bosses
governor governors senator senators secretary president chairwoman premier mayor mayors ambassador ambassadors
envoy envoys commissioner congressman congresswoman prosecutor prosecutors judge judges chancellor
administrator undersecretary individual individuals folks
`);

/** Spokesperson-like roles: an unnamed one speaks for the organisation ("an Nvidia spokesperson" -> Nvidia). */
export const SPOKES_NOUNS: ReadonlySet<string> = words(
  'spokesperson spokesman spokeswoman representative spokespeople spokesmen spokeswomen',
);

/** Heads that make "the X" an organisation already named ("the company said"). */
export const ORG_ANAPHORS: ReadonlyMap<string, 'company' | 'agency' | 'any'> = new Map([
  ['company', 'company'],
  ['firm', 'company'],
  ['chipmaker', 'company'],
  ['group', 'company'],
  ['manufacturer', 'company'],
  ['maker', 'company'],
  ['startup', 'company'],
  ['start-up', 'company'],
  ['foundry', 'company'],
  ['corporation', 'company'],
  ['giant', 'company'],
  ['conglomerate', 'company'],
  ['supplier', 'company'],
  ['ministry', 'agency'],
  ['department', 'agency'],
  ['agency', 'agency'],
  ['bureau', 'agency'],
  ['regulator', 'agency'],
  ['commission', 'agency'],
  ['office', 'agency'],
  ['association', 'any'],
  ['institute', 'any'],
  ['organization', 'any'],
  ['organisation', 'any'],
]);

/** Nouns that make a capitalised phrase an organisation ("Semiconductor Industry Association"). */
export const ORG_WORDS: ReadonlySet<string> = words(`
inc inc. corp corp. corporation co co. company ltd ltd. limited llc plc ag sa nv se gmbh group holdings associates
research partners capital securities bank technologies technology tech semiconductor semiconductors electronics
systems labs laboratories institute university college ministry department agency administration bureau office
commission council association federation committee foundation center centre network media news times post
journal daily exchange fund funds ventures investments intelligence insights consulting advisors advisory
strategies analytics international global industries industry motors microelectronics devices materials
instruments equipment manufacturing foundry parliament congress senate court government embassy authority service
services society union alliance forum board auto memory micro computing cloud robotics platforms software
solutions networks communications telecom mobile chips chip coalition caucus consortium chamber lobby
institution initiative league partnership taskforce academy organization organisation
`);

/** Places and demonyms: capitalised, never a name, but fine before "officials" or "analysts". */
export const PLACE_WORDS: ReadonlySet<string> = words(`
china chinese us u.s. usa america american americans taiwan taiwanese japan japanese korea korean south north east
west netherlands dutch europe european eu beijing washington shanghai shenzhen hsinchu taipei tokyo seoul brussels
hong kong singapore malaysia malaysian india indian vietnam vietnamese germany german france french britain british
uk russia russian iran israel arizona texas ohio new york california silicon valley asia asian western eastern
mainland hefei wuhan guangdong jiangsu zhejiang nanjing hangzhou chengdu dongguan kaohsiung tainan veldhoven
eindhoven global international foreign
`);

/**
 * Capitalised words that are never part of a person's name: sentence openers, places and demonyms,
 * months and days, common acronyms.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  ...PLACE_WORDS,
  ...words(`
the a an in on at but and or so yet for with by from to of as if when while after before since although though
still however meanwhile also then this that these those it its their his her our we they he she i you there here
what why how who which where last next earlier later now today yesterday asked speaking according despite under
over between among during until unlike like some many most all both each every several other another such no not
only even just more less one two three first second new old mr mrs ms dr
january february march april may june july august september october november december jan. feb. mar. apr. jun.
jul. aug. sep. sept. oct. nov. dec. monday tuesday wednesday thursday friday saturday sunday
ai gpu gpus cpu chip chips act rule list
republican republicans democrat democrats democratic congress house senate
`),
]);

/** Words that end a speaker phrase read backwards from its verb ("... that the company said"). */
export const CLAUSE_BOUNDARY: ReadonlySet<string> = words(
  'that and but while because although though if when as so since after before where which who whom then once until unless whereas or nor yet what how why',
);

/** Lower-case particles inside names ("Ursula von der Leyen", "Osama bin Laden"). */
export const NAME_PARTICLES: ReadonlySet<string> = words(
  'de da di du del della van von der den ter bin binti al la le dos das y',
);

/** Sentence-initial words that do not stop the next name from being the sentence's subject. */
export const SUBJECT_LEAD_INS: ReadonlySet<string> = words(
  'but and still however meanwhile yet so now also then indeed instead separately later earlier',
);

/** Irregular past tenses: where a sentence's first verb may be ("Huang met Lutnick and said ..."). */
export const IRREGULAR_PAST: ReadonlySet<string> = words(`
met told said gave made took went saw held spoke wrote sent got put led left ran won lost set cut hit let kept
brought bought thought found built spent paid sold began became came chose drew flew grew knew rose fell stood
understood struck sought fought taught caught meant heard read sat shut split spread swore threw wore woke
`);
