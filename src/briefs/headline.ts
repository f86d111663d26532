import { stripMentions } from './sanitize.js';

/** Separators sites put between a headline and their own name. */
const SEPARATOR = /\s+(\||-|\u2013|\u2014|::|\u00B7|\u2022)\s+/g;
/** Wire-service and tabloid prefixes that say nothing about the story. */
const PREFIX =
  /^(update\s*\d*\s*[-:]|exclusive\s*[-:]|breaking\s*[-:]|analysis\s*[-:]|factbox\s*[-:]|explainer\s*[-:])\s*/i;

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Words outlet names are made of; a capitalised tail without one may be part of the headline. */
const OUTLET_WORD =
  /\b(news|times|post|journal|wire|daily|herald|tribune|review|register|insider|report|telegraph|guardian|street|week|weekly|today|online|media|press|reuters|bloomberg|digest|magazine|gazette|observer|chronicle|monitor|tech|network|radio|tv)\b/i;

/** A segment that reads like an outlet name: a domain, or a short capitalised name with an outlet word. */
function looksLikeSiteName(seg: string): boolean {
  if (/^[\w-]+(\.[\w-]+)*\.[a-z]{2,}$/i.test(seg)) return true;
  const w = seg.split(/\s+/).filter(Boolean);
  const capitalised = w.every((x) => /^[\p{Lu}\p{N}&]/u.test(x) || /^(the|of|and|de|on)$/i.test(x));
  return w.length <= 4 && capitalised && OUTLET_WORD.test(seg);
}

/**
 * The headline of a brief from an article title: without the site suffix ("... | Example Times",
 * "... - Chip Wire"), wire prefixes ("UPDATE 2-") and mention syntax. Falls back to `fallback`
 * (e.g. the lead sentence) when the title is empty.
 */
export function cleanHeadline(title: string, siteName: string | null, fallback = ''): string {
  let t = stripMentions(title).replace(PREFIX, '');
  for (let round = 0; round < 2; round++) {
    const seps = [...t.matchAll(SEPARATOR)];
    const last = seps.at(-1);
    if (!last || last.index === undefined) break;
    const head = t.slice(0, last.index).trim();
    const tail = t.slice(last.index + last[0].length).trim();
    const isSite =
      (siteName !== null &&
        norm(siteName) !== '' &&
        (norm(tail) === norm(siteName) || norm(tail).includes(norm(siteName)))) ||
      (last[1] === '|' && words(tail) <= 5) ||
      (words(head) >= 4 && looksLikeSiteName(tail));
    if (!isSite || head.length === 0) break;
    t = head;
  }
  t = t.trim();
  if (!t) t = stripMentions(fallback);
  if (t.length > 160) {
    const cut = t.lastIndexOf(' ', 159);
    t = `${t.slice(0, cut > 80 ? cut : 159).trimEnd()}\u2026`;
  }
  return t;
}
