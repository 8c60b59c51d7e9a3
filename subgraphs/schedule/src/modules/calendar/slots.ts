import { DATE_RANGE, isCalendarDate } from '@medikamente/runtime';
import { DateTime, IANAZone } from 'luxon';

/** Half-open interval in epoch milliseconds. */
export type Interval = { start: number; end: number };

export type TemplateRule = {
  specialistId: string;
  branchId: string;
  roomId: string | null;
  /** ISO weekday 1..7 */
  weekday: number;
  /** HH:MM local */
  startTime: string;
  endTime: string;
  slotMinutes: number;
  breaks: { start: string; end: string }[];
  validFrom: string | null;
  validUntil: string | null;
};

export type ExceptionRule = {
  specialistId: string;
  branchId: string;
  roomId: string | null;
  kind: 'VACATION' | 'SICK_LEAVE' | 'DAY_OFF' | 'EXTRA_HOURS';
  start: number;
  end: number;
};

export type Window = Interval & { roomId: string | null; slotMinutes: number };

export type ComputedSlot = {
  specialistId: string;
  branchId: string;
  roomId: string | null;
  start: number;
  end: number;
};

export const isValidZone = (zone: string) => IANAZone.isValidZone(zone);

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A calendar date YYYY-MM-DD in the platform's range (runtime's one rule for dates). */
export const isLocalDate = (s: string) => isCalendarDate(s);
export const isLocalTime = (s: string) => TIME.test(s);

type DayInfo = { weekday: number; utcMidnight: number; offsetMinutes: number | null };
const dayCache = new Map<string, DayInfo>();

/**
 * Weekday and UTC offset of a local date in a zone, cached: availability asks for the same few
 * hundred (zone, date) pairs on every request. `offsetMinutes` is null on a day with an offset
 * change (DST), where every time is resolved by luxon instead.
 */
function dayInfo(date: string, zone: string): DayInfo {
  const key = `${zone}|${date}`;
  let info = dayCache.get(key);
  if (!info) {
    const start = DateTime.fromISO(date, { zone });
    const next = start.plus({ days: 1 });
    info = {
      weekday: start.weekday,
      utcMidnight: Date.UTC(start.year, start.month - 1, start.day),
      offsetMinutes: start.offset === next.offset ? start.offset : null,
    };
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(key, info);
  }
  return info;
}

/** ISO weekday (1 = Monday) of a local date. */
export const weekdayOf = (date: string, zone: string) => dayInfo(date, zone).weekday;

/** The instant of a local wall-clock time in a zone (a time in a DST gap moves forward). */
export function localToInstant(date: string, time: string, zone: string): number {
  const info = dayInfo(date, zone);
  if (info.offsetMinutes === null || time.length !== 5)
    return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return info.utcMidnight + (minutes - info.offsetMinutes) * 60_000;
}

const offsetCache = new Map<string, number>();

/** UTC offset (minutes) of a zone at an instant; cached per hour (offsets change on the hour). */
function offsetAt(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / 3_600_000)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(ms, { zone }).offset;
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-11-24T09:00:00+03:00. */
export function formatInZone(ms: number, zone: string): string {
  if (ms % 1000 !== 0) return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;
  const offset = offsetAt(ms, zone);
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The calendar date after a YYYY-MM-DD date. */
export const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export const localDate = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toISODate()!;

/**
 * Parses a date-time from the API: ISO 8601 with an offset, or a local `YYYY-MM-DDTHH:MM[:SS]`
 * interpreted in the branch's zone. Returns null when invalid.
 */
export function parseDateTime(s: string, zone: string): number | null {
  if (typeof s !== 'string' || s.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return null;
  const dt = DateTime.fromISO(s, { zone });
  if (!dt.isValid) return null;
  // Year 9999 parses, but neither a schedule nor the database's ranges have room for it.
  const day = dt.toISODate()!;
  return day >= DATE_RANGE.min && day <= DATE_RANGE.max ? dt.toMillis() : null;
}

/** Local dates from `from` to `to` inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 400; d = nextDate(d)) out.push(d);
  return out;
}

/** Subtracts `cuts` from `windows` (both sorted or not). */
export function subtract<W extends Interval>(windows: W[], cuts: Interval[]): W[] {
  let out = windows;
  for (const c of cuts) {
    const next: W[] = [];
    for (const w of out) {
      if (c.end <= w.start || c.start >= w.end) {
        next.push(w);
        continue;
      }
      if (c.start > w.start) next.push({ ...w, end: c.start });
      if (c.end < w.end) next.push({ ...w, start: c.end });
    }
    out = next;
  }
  return out;
}

/**
 * Working windows of one specialist in one branch on the given local dates: weekly templates
 * (minus breaks, holidays and absences) plus one-off extra hours, as instants.
 */
export function workingWindows(args: {
  zone: string;
  dates: string[];
  templates: TemplateRule[];
  exceptions: ExceptionRule[];
  holidays: Set<string>;
}): Window[] {
  const { zone, dates, templates, exceptions, holidays } = args;
  let windows: Window[] = [];
  for (const date of dates) {
    if (holidays.has(date)) continue;
    const weekday = weekdayOf(date, zone);
    for (const t of templates) {
      if (t.weekday !== weekday) continue;
      if (t.validFrom && date < t.validFrom) continue;
      if (t.validUntil && date > t.validUntil) continue;
      const day: Window[] = [
        {
          start: localToInstant(date, t.startTime, zone),
          end: localToInstant(date, t.endTime, zone),
          roomId: t.roomId,
          slotMinutes: t.slotMinutes,
        },
      ];
      const breaks = t.breaks.map((b) => ({
        start: localToInstant(date, b.start, zone),
        end: localToInstant(date, b.end, zone),
      }));
      windows.push(...subtract(day, breaks));
    }
  }
  const absent = exceptions.filter((e) => e.kind !== 'EXTRA_HOURS');
  windows = subtract(windows, absent);
  if (dates.length > 0) {
    const rangeStart = localToInstant(dates[0]!, '00:00', zone);
    const rangeEnd = localToInstant(nextDate(dates[dates.length - 1]!), '00:00', zone);
    const slotMinutes = templates[0]?.slotMinutes ?? 30;
    for (const e of exceptions) {
      if (e.kind !== 'EXTRA_HOURS') continue;
      const start = Math.max(e.start, rangeStart);
      const end = Math.min(e.end, rangeEnd);
      if (end > start) windows.push(...subtract([{ start, end, roomId: e.roomId, slotMinutes }], absent));
    }
  }
  return windows.sort((a, b) => a.start - b.start);
}

/**
 * Slot starts on the grid of each window (every `slotMinutes` from its start) where an
 * appointment of `durationMinutes` fits inside the window and overlaps nothing busy.
 */
export function slotsIn(args: {
  specialistId: string;
  branchId: string;
  windows: Window[];
  busy: Interval[];
  /**
   * Time taken in each room by anyone (the database refuses two appointments in one room at
   * once, whoever the doctors): a window with a room loses these too.
   */
  roomBusy?: ReadonlyMap<string, Interval[]>;
  durationMinutes?: number | undefined;
  notBefore: number;
  notAfter: number;
}): ComputedSlot[] {
  const busy = [...args.busy].sort((a, b) => a.start - b.start);
  const out: ComputedSlot[] = [];
  for (const w of args.windows) {
    const step = w.slotMinutes * 60_000;
    const length = (args.durationMinutes ?? w.slotMinutes) * 60_000;
    const room = (w.roomId && args.roomBusy?.get(w.roomId)) || [];
    for (let start = w.start; start + length <= w.end; start += step) {
      if (start < args.notBefore || start > args.notAfter) continue;
      const end = start + length;
      if (busy.some((b) => b.start < end && b.end > start)) continue;
      if (room.some((b) => b.start < end && b.end > start)) continue;
      out.push({ specialistId: args.specialistId, branchId: args.branchId, roomId: w.roomId, start, end });
    }
  }
  return out;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A template's working minutes of its weekday (breaks cut out), as [start, end) minute pairs. */
function workingMinutes(t: Pick<TemplateRule, 'startTime' | 'endTime' | 'breaks'>): Interval[] {
  return subtract(
    [{ start: minutes(t.startTime), end: minutes(t.endTime) }],
    t.breaks.map((b) => ({ start: minutes(b.start), end: minutes(b.end) })),
  );
}

/**
 * Templates of other doctors that use the same room on the same weekday at overlapping times
 * (breaks excepted) while both are valid: saving `candidate` beside them would let two doctors
 * be booked into one room at once.
 */
export function roomClashes<T extends TemplateRule>(candidate: TemplateRule, others: readonly T[]): T[] {
  if (!candidate.roomId) return [];
  const mine = workingMinutes(candidate);
  return others.filter(
    (o) =>
      o.roomId === candidate.roomId &&
      o.specialistId !== candidate.specialistId &&
      o.weekday === candidate.weekday &&
      (o.validUntil === null || candidate.validFrom === null || candidate.validFrom <= o.validUntil) &&
      (o.validFrom === null || candidate.validUntil === null || o.validFrom <= candidate.validUntil) &&
      workingMinutes(o).some((a) => mine.some((b) => a.start < b.end && b.start < a.end)),
  );
}
