import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const validDate = isoDate.refine((d) => DateTime.fromISO(d).isValid, 'not a calendar date');
// YAML reads an unquoted 2026-01-09 as a timestamp: accept it and keep the calendar date.
const dateField = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), validDate);

const entry = z.object({
  date: dateField,
  /** The holiday (or weekend day) the day off was moved from. */
  from: dateField.optional(),
  basis: z.string().min(1),
  verified: z.boolean(),
});

const schema = z.object({
  timeZone: z.string().refine((zone) => DateTime.now().setZone(zone).isValid, 'unknown time zone'),
  fixedHolidays: z.array(
    z.object({ date: z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD'), name: z.string().min(1) }),
  ),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({
      source: z.string().min(1),
      verifiedAgainst: z.string().nullable(),
      daysOff: z.array(entry).default([]),
      workingDays: z.array(entry).default([]),
    }),
  ),
});
export type CalendarConfig = z.infer<typeof schema>;

/** The production calendar file shipped with the subgraph (PRODUCTION_CALENDAR_FILE overrides it). */
export const DEFAULT_CALENDAR_FILE = new URL('../../../config/production-calendar.yaml', import.meta.url);

/** Thrown when the calendar file is not valid; the message names the entry (no personal data). */
export class CalendarConfigError extends Error {}

/**
 * Russian production calendar: weekends (Saturday, Sunday), the fixed holidays of Labour Code
 * art. 112 and each year's transfers from configuration. Dates are calendar dates (`YYYY-MM-DD`)
 * in the calendar's time zone (Europe/Moscow).
 *
 * Counting rule (Civil Code art. 191): a period starts on the day AFTER the day of receipt, so
 * `addWorkingDays(receivedOn, n)` is the n-th working day after `receivedOn`, whatever kind of day
 * `receivedOn` itself is (received on Saturday: Monday is day 1). The deadline is that whole day.
 * `addCalendarDays(receivedOn, n)` is receivedOn + n days, NOT moved past a non-working end day
 * (art. 193 would allow it; the stricter reading keeps the clinic on the safe side).
 */
export class ProductionCalendar {
  private readonly fixed: Set<string>;
  private readonly daysOff = new Set<string>();
  private readonly working = new Set<string>();

  constructor(readonly config: CalendarConfig) {
    this.fixed = new Set(config.fixedHolidays.map((h) => h.date));
    for (const [year, y] of Object.entries(config.years)) {
      for (const e of [...y.daysOff, ...y.workingDays])
        if (!e.date.startsWith(`${year}-`))
          throw new CalendarConfigError(`production calendar: ${e.date} is listed under ${year}`);
      for (const e of y.daysOff) this.daysOff.add(e.date);
      for (const e of y.workingDays) {
        if (this.daysOff.has(e.date))
          throw new CalendarConfigError(`production calendar: ${e.date} is both a day off and a working day`);
        this.working.add(e.date);
      }
    }
  }

  /** Parses and validates the YAML text of a calendar. */
  static parse(text: string): ProductionCalendar {
    const parsed = schema.safeParse(parseYaml(text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new CalendarConfigError(`production calendar: ${issue.path.join('.')}: ${issue.message}`);
    }
    return new ProductionCalendar(parsed.data);
  }

  /** Reads the calendar file (the shipped one unless a path is given). */
  static load(file: string | URL = DEFAULT_CALENDAR_FILE): ProductionCalendar {
    return ProductionCalendar.parse(readFileSync(file, 'utf8'));
  }

  get timeZone(): string {
    return this.config.timeZone;
  }

  /** Whether the year has its transfers configured (otherwise weekends and fixed holidays only). */
  isConfigured(year: number): boolean {
    return String(year) in this.config.years;
  }

  /** Whether every entry of the year was checked against its source. */
  isVerified(year: number): boolean {
    const y = this.config.years[String(year)];
    return !!y && [...y.daysOff, ...y.workingDays].every((e) => e.verified);
  }

  /** The calendar date of an instant in the calendar's time zone. */
  localDate(at: Date): string {
    return DateTime.fromJSDate(at, { zone: this.timeZone }).toISODate()!;
  }

  isWorkingDay(date: string): boolean {
    const d = parseDate(date);
    if (this.working.has(date)) return true;
    if (this.daysOff.has(date)) return false;
    if (this.fixed.has(date.slice(5))) return false;
    return d.weekday < 6;
  }

  /** The n-th working day after `start` (n ≥ 1; n = 0 answers `start`). */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    let d = parseDate(start);
    for (let counted = 0; counted < n; ) {
      d = d.plus({ days: 1 });
      if (this.isWorkingDay(d.toISODate()!)) counted++;
    }
    return d.toISODate()!;
  }

  /** `start` + n calendar days. */
  addCalendarDays(start: string, n: number): string {
    return parseDate(start).plus({ days: n }).toISODate()!;
  }

  /** Working days in (from, to]: 0 when `to` is not after `from`. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    const end = parseDate(to);
    for (let d = parseDate(from).plus({ days: 1 }); d <= end; d = d.plus({ days: 1 }))
      if (this.isWorkingDay(d.toISODate()!)) n++;
    return n;
  }
}

function parseDate(date: string): DateTime {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid) throw new RangeError('not a calendar date');
  return d;
}
