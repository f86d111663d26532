import { ChipbriefError } from '../errors.js';

function formatter(tz: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw new ChipbriefError(
      'CONFIG_INVALID',
      `unknown time zone "${tz}" — use an IANA name such as Europe/Berlin`,
    );
  }
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(
  at: Date,
  tz: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const parts = formatter(tz).formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return {
    y: get('year'),
    mo: get('month'),
    d: get('day'),
    h: get('hour'),
    mi: get('minute'),
    s: get('second'),
  };
}

/** Offset of `tz` from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(at: Date, tz: string): number {
  const w = wallClock(at, tz);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(at.getTime() / 1000) * 1000;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

/**
 * The instant a local date and time (HH:MM) in an IANA time zone denote. Around a DST change (a
 * time that does not exist or exists twice) it is one of the adjacent valid instants.
 */
export function zonedInstant(date: string, time: string, tz: string): Date {
  const dm = DATE.exec(date);
  const tm = TIME.exec(time);
  if (!dm || !tm)
    throw new ChipbriefError(
      'COMMAND_INVALID',
      `bad date or time "${date} ${time}" — use YYYY-MM-DD and HH:MM`,
    );
  const guess = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]));
  const first = guess - offsetMs(new Date(guess), tz);
  return new Date(guess - offsetMs(new Date(first), tz));
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date, tz: string): string {
  const w = wallClock(at, tz);
  return `${String(w.y).padStart(4, '0')}-${String(w.mo).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;
}
