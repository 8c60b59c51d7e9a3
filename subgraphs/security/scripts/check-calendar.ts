/**
 * Checks a production calendar file before the IT admin deploys it and prints, per year, the
 * non-working weekdays and the working weekend days:
 * `pnpm --filter @medikamente/subgraph-security calendar:check [file]` (default: the shipped one).
 */
import { resolve } from 'node:path';
import { DateTime } from 'luxon';
import {
  CalendarConfigError,
  DEFAULT_CALENDAR_FILE,
  ProductionCalendar,
} from '../src/modules/calendar/calendar';

const file = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_CALENDAR_FILE;
try {
  const calendar = ProductionCalendar.load(file);
  for (const year of Object.keys(calendar.config.years).map(Number)) {
    const off: string[] = [];
    const working: string[] = [];
    let workingDays = 0;
    for (let d = DateTime.utc(year, 1, 1); d.year === year; d = d.plus({ days: 1 })) {
      const date = d.toISODate()!;
      const isWorking = calendar.isWorkingDay(date);
      if (isWorking) workingDays++;
      if (!isWorking && d.weekday < 6) off.push(date);
      if (isWorking && d.weekday >= 6) working.push(date);
    }
    console.log(
      `${year}: ${workingDays} working days; ${calendar.isVerified(year) ? 'verified' : 'HAS UNVERIFIED ENTRIES'}`,
    );
    console.log(`  weekdays off: ${off.join(', ') || '—'}`);
    console.log(`  working weekend days: ${working.join(', ') || '—'}`);
  }
} catch (e) {
  if (!(e instanceof CalendarConfigError)) throw e;
  console.error(e.message);
  process.exit(1);
}
