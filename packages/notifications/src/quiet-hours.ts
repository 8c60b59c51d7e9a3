import { appError, ErrorCode } from '@medikamente/runtime';
import { DateTime } from 'luxon';

/** A daily window of local wall-clock time (`HH:mm`) in which nobody is disturbed. */
export type QuietHours = { start: string; end: string };

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '22:00', end: '08:00' };

const MINUTE = 60_000;

/** Minutes since local midnight of `HH:mm`; throws on anything else. */
function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw appError(ErrorCode.BAD_USER_INPUT, `Invalid time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

function localNow(now: Date, timeZone: string): DateTime {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (!local.isValid) throw appError(ErrorCode.INVALID_TIME_ZONE, `Unknown time zone: ${timeZone}`);
  return local;
}

/** Whether `now` falls inside the quiet window in `timeZone` (start inclusive, end exclusive). */
export function isQuietTime(now: Date, timeZone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const local = localNow(now, timeZone);
  const m = local.hour * 60 + local.minute + local.second / 60;
  // A window across midnight (22:00–08:00) is "after start or before end".
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/**
 * The earliest moment at or after `now` that is outside quiet hours in `timeZone`: `now` itself
 * when it is not quiet, otherwise the end of the quiet period as a wall-clock time in that zone.
 * Day arithmetic is done in local time, so the answer is right across midnight and DST changes:
 * an end time skipped by a spring-forward gap resolves to the first instant after the gap, and
 * one repeated by a fall-back resolves to the occurrence that is not in the past.
 */
export function nextAllowedTime(now: Date, timeZone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (!isQuietTime(now, timeZone, quiet)) return now;
  const local = localNow(now, timeZone);
  const end = minutesOf(quiet.end);
  const m = local.hour * 60 + local.minute;
  // Before the end on the same local day, or else the end falls on the next local day.
  const day = m < end ? local.startOf('day') : local.startOf('day').plus({ days: 1 });
  const hour = Math.floor(end / 60);
  const minute = end % 60;
  let at = day.set({ hour, minute, second: 0, millisecond: 0 });
  if (at.hour !== hour || at.minute !== minute) at = DateTime.fromMillis(gapEnd(at), { zone: timeZone });
  if (at.toMillis() <= now.getTime()) {
    // The end time occurs twice (fall back) and luxon chose the earlier one: take the later.
    const later = at.plus({ minutes: at.offset - at.plus({ hours: 6 }).offset });
    if (later.toMillis() > now.getTime()) at = later;
  }
  return at.toJSDate();
}

/**
 * `at` was shifted forward past a DST gap; the first valid instant after the gap is the moment
 * the offset changed, found by bisection over the preceding hours.
 */
function gapEnd(at: DateTime): number {
  let lo = at.toMillis() - 3 * 60 * MINUTE;
  let hi = at.toMillis();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: at.zone }).offset;
  const after = offsetAt(hi);
  if (offsetAt(lo) === after) return hi;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE || lo + MINUTE;
    if (offsetAt(mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}
