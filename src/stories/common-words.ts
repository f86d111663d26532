/**
 * A general notion of how ordinary an English word is: four tiers of common words, most frequent first,
 * written from general English usage (not from any article). Tier boundaries approximate ranks in a
 * large news-and-web frequency list; words outside every tier count as rare.
 */
export const WORD_TIERS: readonly string[] = [
  // ~top 120
  `the of and to a in is it you that he was for on are with as i his they be at one have this from or had
  by not but what all were we when your can said there use an each which she do how their if will up other
  about out many then them these so some her would make like him into time has look two more go see no way
  could people my than first been call who its now find long down day did get come made may part new also
  after year years our over says say just most me us only any been being those such very where here
  because while should there's it's well back even still through last before between under three`,
  // ~120-700
  `work know take place live little show good give man men woman women think help line turn cause much mean
  move right boy old too same tell does set want air play small end put home read hand port large add land
  must big high follow act why ask change went light kind off need house try again animal point mother
  world near build self earth father own page country school grow study learn plant cover food sun four
  thought let keep eye never city tree cross farm hard start might story saw far sea draw left late run
  don't press close night real life few north open seem together next white children begin got walk example
  ease paper group always music both mark often letter until mile river car feet care second book carry took
  science eat room friend began idea fish mountain stop once base hear horse cut sure watch color face wood
  main enough plain girl usual young ready above ever red list though feel talk bird soon body dog family
  direct pose leave song measure door product black short class wind question happen complete ship area
  half rock order fire south problem piece told knew pass since top whole king space heard best hour better
  true during hundred five remember step early hold west ground interest reach fast five sing listen six
  table travel less morning ten simple several toward war lay against pattern slow center love person money
  serve appear road map rain rule govern pull cold notice voice unit power town fine certain fly fall lead
  cry dark machine note wait plan figure star box field rest able pound done beauty drive stood contain
  front teach week final gave green quick develop ocean warm free minute strong special mind behind clear
  tail produce fact street inch multiply nothing course stay wheel full force blue object decide surface
  deep moon island foot system busy test record boat common gold possible plane age dry wonder laugh
  thousand ago ran check game shape yes hot miss brought heat snow bed bring sit perhaps fill east weight
  language among government company companies state states group president told million billion percent
  market business report according officials official including however added new news month months
  plans plan law rules rule trade work working public national least later support help help's part
  already around last another around both today without believe called expected set sales price prices
  chief team days meet meeting move want wants told early began high higher lower low major top recent
  american china chinese us u.s. years per cent deal deals buy sell sold cost costs big bigger largest
  large largest within across made make makes making told tells used using use uses lot lots far case
  cases level levels plus half rather almost able based include includes taken take takes took give
  gives given gave go goes going went get gets getting got seen come comes coming came run runs running
  way ways thing things something nothing anything everything someone anyone everyone world's
  important political economic security foreign domestic international local federal official`,
  // ~700-2500
  `agency agencies administration department ministry policy policies industry industries technology
  technologies export exports import imports tariff tariffs control controls restriction restrictions
  license licenses licence manufacturing manufacturer manufacturers factory factories plant plants supply
  supplier suppliers chain chains investment investments invest invested investor investors fund funds
  funding grant grants subsidy subsidies billion-dollar capacity production produce produced products
  demand customer customers revenue revenues profit profits quarter quarterly share shares stock stocks
  firm firms executive executives analyst analysts research researchers data advanced leading equipment
  tool tools design designs designed chip chips device devices computer computers computing network
  networks service services system systems software hardware model models version versions line lines
  announce announced announcement statement statements comment comments decision decisions decide decided
  issue issues issued question questions answer answers response respond responded warn warned warning
  concern concerns concerned expect expects expected expectation risk risks impact effect effects result
  results lead leads leader leaders leadership member members committee congress lawmakers senator senators
  bill bills measure measures act acts proposal proposals propose proposed approve approved approval
  allow allowed allows ban banned bans block blocked limit limits limited require required requires
  requirement requirements apply applied applies review reviewed reviews consider considered continue
  continued continues remain remained remains include included increase increased decrease decreased
  rise rose fall fell drop dropped grow grew growth sign signed agree agreed agreement talks talk
  tension tensions relation relations relationship partner partners ally allies region regional global
  nation nations country's domestic overseas abroad foreign access sector sectors economy economies
  build building built expand expanded expansion open opened opening close closed plan planned plans
  goal goals effort efforts push pushed pressure step steps move moved moves aim aimed aims target
  targeted targets focus focused reason reasons example examples term terms period past future current
  currently recently likely unlikely possible possibly clear clearly difficult different similar
  significant major minor key main primary general specific particular certain several various whether
  although though despite especially particularly instead likely nearly roughly about approximately
  week's month's year's monday tuesday wednesday thursday friday saturday sunday january february march
  april may june july august september october november december spokesperson spokesman spokeswoman
  interview reporters reporter press conference briefing earlier later late soon since until already
  yet still further furthermore also however therefore meanwhile moreover rather quite really simply
  largely mostly partly fully directly quickly slowly strongly widely publicly privately officially
  role roles position positions office offices post posts job jobs worker workers staff employee
  employees labor labour skills training school schools university universities student students
  power energy water cost price value prices values amount amounts number numbers total share rate rates
  level levels range series list lists set sets type types form forms kind kinds sort sorts group groups
  name names named household households booth booths event events show shows trade fair visitor visitors
  hall halls stand stands display displayed displays sale sales space spaces floor floors room rooms
  people's person's public private personal national local international world's city's nation's
  effort hope hoped hopes fear feared fears believe believed believes feel felt feels seem seemed seems
  show showed shown shows tell told tells ask asked asks need needed needs want wanted wants try tried
  tries help helped helps keep kept keeps hold held holds bring brought brings begin began begins
  begun start started starts end ended ends stop stopped stops turn turned turns follow followed
  follows know knew known knows think thought thinks say said says speak spoke spoken speaks call called
  calls mean meant means find found finds leave left leaves put puts set sets become became becomes
  provide provided provides offer offered offers create created creates lose lost loses win won wins
  pay paid pays meet met meets lead led leads understand understood believe seek sought seeks`,
  // ~2500-6000: ordinary but less frequent words
  `additionally furthermore nevertheless consequently subsequently accordingly henceforth whereby thereby
  stated stating state-owned remarked remarks noted notes noting indicated indicates indicating
  explained explains explaining asserted claims claimed claiming emphasised emphasized stressed
  acknowledged declined refused confirmed confirms denied denies insisted argued argues suggests
  suggested commented commenting observed observes pointed reiterated revealed reveals disclosed
  unveiled launched launches introduce introduced introduces implement implemented implementing
  enforce enforced enforcement curb curbs curbed restrict restricted restricts tighten tightened loosen
  loosened ease eased lift lifted impose imposed imposes levy levies waive waived exemption exemptions
  exempt waiver waivers sanction sanctions sanctioned blacklist entity entities listing listed rival
  rivals rivalry competitor competitors competition compete competing competitive advantage edge
  dominance dominant dominate leading-edge cutting-edge mature legacy node nodes wafer wafers fab fabs
  foundry foundries lithography semiconductor semiconductors microchip microchips processor processors
  accelerator accelerators memory storage packaging assembly yield yields throughput smuggling smuggled
  diversion diverted loophole loopholes compliance enforcement penalty penalties fine fined fines
  probe probes investigation investigations inquiry audit audits scrutiny oversight transparency
  bipartisan partisan legislation legislative lawmaker regulator regulators regulatory regulation
  regulations framework guidance guideline guidelines directive directives mandate mandates provision
  provisions clause clauses stipulation conditions condition criteria threshold thresholds cap caps
  quota quotas ceiling ceilings volume volumes shipment shipments shipped shipping delivery deliveries
  consignment consignments inventory inventories backlog backlogs shortage shortages surplus glut
  bottleneck bottlenecks disruption disruptions resilience resilient vulnerable vulnerability
  dependence dependent reliance rely relies relied self-sufficiency sufficiency indigenous homegrown
  domestically-made substitute substitutes substitution alternative alternatives option options
  opportunity opportunities challenge challenges challenging obstacle obstacles hurdle hurdles setback
  setbacks blow blows boost boosts boosted bolster bolstered strengthen strengthened weaken weakened
  undermine undermined jeopardize threaten threatened threat threats retaliate retaliated retaliation
  countermeasure countermeasures escalate escalated escalation de-escalation truce ceasefire standoff
  dispute disputes negotiation negotiations negotiate negotiated negotiator negotiators summit summits
  delegation delegations envoy envoys ambassador ambassadors diplomat diplomats diplomatic embassy
  counterpart counterparts minister ministers secretary secretaries commissioner commissioners
  chairman chairwoman chair chairs chief-executive founder founders co-founder veteran veterans
  expert experts specialist specialists consultant consultants adviser advisers advisor advisors
  observer observers commentator commentators critic critics proponent proponents supporter supporters
  opponent opponents skeptic skeptics sceptic sceptics stakeholder stakeholders shareholder shareholders
  vendor vendors buyer buyers seller sellers client clients consumer consumers user users
  well-known famous renowned notable prominent identify identified identifies identity label labelled
  brand brands branded household-name reputation reputations recognise recognize recognised recognized
  pavilion pavilions exhibitor exhibitors exhibition exhibitions expo expos showcase showcased
  showcases venue venues attendee attendees booth-space kiosk kiosks counter counters outlet outlets
  enormous huge massive vast sizeable sizable considerable substantial tremendous immense colossal
  tiny minuscule modest slight marginal negligible minimal meagre meager
  rapidly swiftly promptly hastily speedily gradually steadily progressively sharply steeply
  significantly substantially considerably notably markedly remarkably dramatically drastically
  frequently regularly routinely occasionally seldom rarely hardly scarcely barely merely solely
  purportedly reportedly allegedly apparently evidently seemingly supposedly ostensibly
  commence commenced commences initiate initiated initiates terminate terminated conclude concluded
  concludes cease ceased obtain obtained obtains acquire acquired acquires acquisition acquisitions
  purchase purchased purchases procure procured procurement utilise utilize utilised utilized
  utilises utilizes employ employed employs deploy deployed deploys deployment deployments
  endeavour endeavor endeavours endeavors attempt attempted attempts pursue pursued pursues
  assist assisted assists facilitate facilitated facilitates enable enabled enables ensure ensured
  ensures safeguard safeguarded safeguards protect protected protects protection shield shielded
  nonetheless notwithstanding whereas whilst amid amidst among amongst beneath beside besides beyond
  toward towards upon via within without regarding concerning pertaining relating
  commerce commercial trading trader traders tradeable merchant merchandise goods commodity commodities
  fiscal monetary budget budgets deficit deficits debt debts loan loans credit credits tax taxes
  incentive incentives rebate rebates allowance allowances compensation reimbursement
  corporation corporations enterprise enterprises conglomerate conglomerates organisation organization
  organisations organizations institution institutions establishment entity's body bodies unit units
  division divisions branch branches subsidiary subsidiaries affiliate affiliates arm arms
  territory territories province provinces jurisdiction jurisdictions homeland mainland
  approximately roughly around nearly almost virtually practically essentially basically
  individual individuals citizen citizens resident residents populace population populations
  occasion occasions instance instances circumstance circumstances situation situations scenario`,
];
