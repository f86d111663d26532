import { isDateLine } from './date-line.js';

/**
 * Line-level boilerplate cleaning. Works on paragraphs from the DOM and on pages already flattened to
 * text, so every rule looks at one line's shape (and, for a few, its position), never at the site.
 * A rule that could match story prose is narrowed by shape: whole-line matches, short lines, no quote
 * marks, or the position after the story's last paragraph.
 */

/** Player, navigation and widget labels: the whole line is one of these. */
const LABEL =
  /^(play live radio|live radio|listen live|next up:?|listen|listen now|now playing|toggle caption|hide caption|show caption|enlarge this image|image|caption|close|advert|advertisement|sponsored( content)?|skip to (main )?content|loading( content)?|comments?|post comment|leave a comment|\d+ comments?|share|share this( article| story)?|share on (facebook|twitter|linkedin)|tweet|email|e-mail|print|subscribe|sign in|sign up|log in|register|menu|home|search|more|read more|continue reading|see more|show more|load more|view comments|highlights|trending|trending now|most popular|most read|related|related articles|related stories|related coverage|recommended|you may also like|you might also like|more from .{1,40}|more stories|more news|latest news|breaking news|don'?t miss|top stories|tags|topics|filed under|advertisement - scroll to continue|story continues below( advertisement)?|article continues below|download the app|back to top|whatsapp|facebook|twitter|linkedin|reddit|pinterest|flipboard|copy link|link copied)[\s.:!…]*$/i;

const CAPTION_TOGGLE = /^(toggle|hide|show) caption$/i;

/** Audio player timings: "0:00", "3:45", "Listen · 3:45", "1:02:10". */
const PLAYER_TIME =
  /^((listen|play|audio|duration|runtime)\s*[·•|:-]?\s*)?\d{1,2}:\d{2}(:\d{2})?(\s*\/\s*\d{1,2}:\d{2}(:\d{2})?)?$/i;

/** "Next Up:" rows of a radio player, "Image 3 of 9" slide counters. */
const PLAYER_ROW = /^(next up:|up next:|image \d+ (of|\/) ?\d*|photo \d+ (of|\/) ?\d+|slide \d+ of \d+)/i;

/** A caption's credit: the whole line is a credit, or a caption ends in one. */
const CREDIT_LINE =
  /^\(?(photo|photos|photograph|image|images|picture|video|graphic|illustration|photo illustration|file photo)( credit| courtesy)?s?\s*[:|]\s*\S.{0,140}$/i;
const IMAGE_META = /^(image|photo) (copyright|caption|credit|source)\b/i;
const CREDIT_TAIL =
  /(\((ap|afp|reuters|getty|epa|xinhua)?\s?(photo|photograph|image|file)[^)]{0,80}\)|\bcredit:\s*[^.]{1,80}|[/|]\s*(getty images|associated press|ap photo|ap|reuters|afp|bloomberg|epa(-efe)?|shutterstock|istock|alamy|xinhua|via [a-z ]{2,30})\b[^.]{0,40}|\breuters\/[\p{L} .'-]{2,40}|\b(getty images|shutterstock|istockphoto)\s*)$/iu;
const FILE_PHOTO = /^file photo:/i;
/**
 * What every CREDIT_TAIL alternative needs somewhere in the line: a closing bracket at the end, a slash
 * or bar, "credit:", or an agency name at the end. Tested first: CREDIT_TAIL tries its alternatives at
 * every position and was the costliest test of all, while this rules out most story lines cheaply.
 */
const CREDIT_TAIL_HINT = /[/|]|\)\s*$|credit:|(getty images|shutterstock|istockphoto)\s*$/i;

/** Copyright and legal footers. "©2025", "(c) 2025", "Copyright 2025", "All rights reserved". */
const COPYRIGHT = /(©|\(c\)\s*\d{4}|^copyright\s*(©|\(c\)|@)?\s*\d{4}|\ball rights reserved\b)/i;
/** Charity registration footers: "EIN 12-3456789", "... is a 501(c)(3) ...". */
const TAX_ID = /\b(EIN|tax id|tax-id|federal tax id)(\s*(number|no\.?|#))?\s*:?\s*\d{2}-\d{7}\b/i;
const NONPROFIT_FOOTER = /^[^,;"“”.]{2,80}\s(is|are) an? ([\w-]+ ){0,3}501\s?\(c\)\s?\(3\)/i;

/** Lines that end the article: a comment form, a scraper's "Source link". Everything after goes too. */
const END_MARKER =
  /^(leave a reply|leave a comment|post a comment|add a comment|join the conversation|source link|source:? link|original source|comments are closed)[\s.:!…]*$/i;

/** Promotions and calls to action; only ever whole short lines without quotation marks. */
const PROMO =
  /^(sign up|subscribe|get (the|our) (latest|free|daily|weekly|best)|click here|tap here|download (our|the)|follow (us|him|her|them|me)\b|join (us|our)|want more|like this (story|article)|enjoy(ed)? this|don'?t miss|never miss|get (breaking|the latest)|start your day|support (our|independent)|become a (member|subscriber|patron)|we (use|rely on) cookies|this (website|site) uses cookies|by (continuing|using) (to use )?this (site|website)|have a tip|got a tip|read more:|related:|see also:|see more:|more:|also read:|also on \S+|watch:|listen:|recommended:|trending:|more from\b)/i;
/** Teaser links to other stories, tagged the tabloid way: "Plague fears grow [VIDEO]", "... [INSIGHT]|". */
const TEASER_TAG = /\s\[[A-Z]{3,12}( [A-Z]{2,12})?\]\s*\|?$/;

const PROMO_WORDS =
  /\b(newsletter|sign up|subscribe|subscription|inbox|our app|the app|follow us|cookies|podcast|youtube channel|click here|tap here)\b/i;

/** Agency credit lines: "Reporting by X; Editing by Y", "X contributed to this report." */
const AGENCY_CREDIT =
  /^((additional )?(reporting|writing|editing|research|compiled|produced) by\b|.{0,200}\bcontributed (reporting )?to this (report|article|story)\.?$)/i;

/** Bylines: "By Jane Doe", "By Jane Doe and John Roe - Nov 3, 2025", "By Jane Doe, Reuters". */
const BYLINE_NAMES =
  /^([Bb]y|[Ww]ritten by|[Ww]ords by|BY)\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|de|van|von|da|al|bin|le))*(\s*(,|and|&)\s*\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*)*)*/u;

/** The names, then nothing, a date stamp, or a short affiliation without a full stop. */
function isByline(line: string): boolean {
  if (line.length > 160) return false;
  const m = line.match(BYLINE_NAMES);
  if (!m) return false;
  const rest = line.slice(m[0].length).replace(/^\s*([-–—|,]|\bon\b)\s*/, '');
  return rest === '' || isDateLine(rest) || (words(rest) <= 6 && !/[.!?]$/.test(rest));
}

/** An author bio: "Jane Doe is a reporter covering trade for X." Only after the story's end. */
const BIO =
  /^\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3} (is|was|has been|serves as) (an? |the )?([\p{L}-]+ ){0,5}(reporter|writer|editor|correspondent|journalist|columnist|contributor|author|analyst|freelancer|producer|intern|staff writer|news editor|photographer|blogger)\b/u;
const AUTHOR_CONTACT =
  /^(you can )?(reach|contact|email|follow) (him|her|them|the (author|writer|reporter))\b|^\S+@\S+\.\w+$/i;

const QUOTE_MARK = /["“”«»„]/;
/** Whitespace that `replace(/\s+/g, ' ')` would change: two in a row, or any but a plain space. */
const RAGGED_SPACE = /\s\s|[^\S ]/;

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

function isCaptionSized(line: string): boolean {
  return words(line) <= 40 && !QUOTE_MARK.test(line);
}

function isCaptionLike(line: string): boolean {
  if (line.length > 400) return false;
  if (CREDIT_LINE.test(line) || IMAGE_META.test(line) || FILE_PHOTO.test(line)) return true;
  // Cheap tests first: most story lines have quote marks or nothing a credit tail needs.
  return !QUOTE_MARK.test(line) && CREDIT_TAIL_HINT.test(line) && CREDIT_TAIL.test(line);
}

function isPromo(line: string): boolean {
  if (line.length > 300 || QUOTE_MARK.test(line)) return false;
  if (PROMO.test(line)) return true;
  // Short calls to action anywhere, e.g. "Get the latest updates right in your inbox."
  return (
    words(line) <= 25 &&
    PROMO_WORDS.test(line) &&
    /^(get|sign|subscribe|join|follow|download|click|tap|receive|listen|watch|read|stay|never)\b/i.test(line)
  );
}

/** Lines dropped wherever they stand. */
function isAlwaysBoilerplate(line: string): boolean {
  if (LABEL.test(line) || PLAYER_TIME.test(line) || PLAYER_ROW.test(line)) return true;
  if (isCaptionLike(line)) return true;
  if (line.length < 300 && (COPYRIGHT.test(line) || TAX_ID.test(line))) return true;
  if (NONPROFIT_FOOTER.test(line) && line.length < 300 && !/\bsaid\b/i.test(line)) return true;
  if (isPromo(line) || (TEASER_TAG.test(line) && words(line) <= 25)) return true;
  if (AGENCY_CREDIT.test(line) && line.length < 300) return true;
  if (isByline(line)) return true;
  return isDateLine(line);
}

/** Lines peeled off the end, after the story: author bios and contact lines. */
function isTailBoilerplate(line: string): boolean {
  return !QUOTE_MARK.test(line) && line.length < 400 && (BIO.test(line) || AUTHOR_CONTACT.test(line));
}

/**
 * Removes boilerplate lines from an article's paragraphs: player and navigation labels, captions and
 * credits, copyright and tax-id footers, promotions, bylines and date lines, comment forms and all
 * after them, and author bios after the story's end. Story paragraphs are kept even when they talk
 * about copyright, photos or subscriptions: the rules match a line's whole shape, not a keyword.
 */
export function cleanParagraphs(paragraphs: readonly string[]): string[] {
  const lines: string[] = [];
  for (const raw of paragraphs) {
    // Lines from the DOM are squashed already: rebuild only those with a run or an odd whitespace.
    const line = RAGGED_SPACE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
    if (!line) continue;
    if (END_MARKER.test(line)) break;
    // "toggle caption" follows the caption it toggles (flattened pages): the caption goes too.
    if (CAPTION_TOGGLE.test(line) && lines.length && isCaptionSized(lines[lines.length - 1]!)) lines.pop();
    if (!isAlwaysBoilerplate(line)) lines.push(line);
  }
  let end = lines.length;
  while (end > 0 && isTailBoilerplate(lines[end - 1]!)) end--;
  return lines.slice(0, end);
}
