import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CalendarConfigError, ProductionCalendar } from '../src/modules/calendar/calendar';

const cal = ProductionCalendar.load();

describe('production calendar (shipped configuration)', () => {
  it('knows weekends, fixed holidays and the 2026 transfers', () => {
    expect(cal.isWorkingDay('2026-12-07')).toBe(true); // Monday
    expect(cal.isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-12-06')).toBe(false); // Sunday
    for (const d of ['2026-01-01', '2026-01-07', '2026-01-08', '2026-02-23', '2026-05-01', '2026-06-12'])
      expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-11-04')).toBe(false); // Wednesday, a holiday
    // Transfers: 3 Jan → 9 Jan, 4 Jan → 31 Dec (decree); 8 Mar → 9 Mar, 9 May → 11 May (art. 112).
    for (const d of ['2026-01-09', '2026-12-31', '2026-03-09', '2026-05-11'])
      expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2026-01-12')).toBe(true);
    expect(cal.isConfigured(2026)).toBe(true);
    expect(cal.isVerified(2026)).toBe(true);
    expect(cal.isVerified(2027)).toBe(false);
    expect(cal.isConfigured(2028)).toBe(false);
  });

  it('counts from the day after receipt', () => {
    // Received Monday 7 Dec 2026: day 1 is Tuesday 8 Dec.
    expect(cal.addWorkingDays('2026-12-07', 1)).toBe('2026-12-08');
    expect(cal.addWorkingDays('2026-12-07', 0)).toBe('2026-12-07');
    // Received Friday: the weekend does not count.
    expect(cal.addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    // Received on Saturday: Monday is day 1.
    expect(cal.addWorkingDays('2026-12-05', 1)).toBe('2026-12-07');
    expect(cal.addWorkingDays('2026-12-05', 10)).toBe('2026-12-18');
  });

  it('crosses the New Year holidays (received 30 Dec 2026)', () => {
    // 31 Dec (transfer), 1–8 Jan (holidays), 9–10 Jan (weekend): 11 Jan 2027 is day 1.
    expect(cal.addWorkingDays('2026-12-30', 1)).toBe('2027-01-11');
    expect(cal.addWorkingDays('2026-12-30', 7)).toBe('2027-01-19');
    expect(cal.addWorkingDays('2026-12-30', 10)).toBe('2027-01-22');
    expect(cal.addWorkingDays('2026-12-30', 15)).toBe('2027-01-29');
    expect(cal.addCalendarDays('2026-12-30', 30)).toBe('2027-01-29');
  });

  it('crosses 23 February and the 9 March transfer (received Friday 20 Feb 2026)', () => {
    // 21–22 weekend, 23 Feb holiday: Tuesday 24 Feb is day 1; 9 Mar is the day off for 8 Mar.
    expect(cal.addWorkingDays('2026-02-20', 1)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-20', 9)).toBe('2026-03-06');
    expect(cal.addWorkingDays('2026-02-20', 10)).toBe('2026-03-10');
  });

  it('crosses the May holidays of 2026', () => {
    // Received Thu 30 Apr: 1 May (Fri), 2–3 weekend; 4–8 May five days; 9–10 weekend, 11 May off.
    expect(cal.addWorkingDays('2026-04-30', 5)).toBe('2026-05-08');
    expect(cal.addWorkingDays('2026-04-30', 6)).toBe('2026-05-12');
    expect(cal.addWorkingDays('2026-04-30', 3)).toBe('2026-05-06');
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2026-12-07', '2026-12-07')).toBe(0);
    expect(cal.workingDaysBetween('2026-12-07', '2026-12-14')).toBe(5);
    expect(cal.workingDaysBetween('2026-12-14', '2026-12-07')).toBe(0);
    expect(cal.workingDaysBetween('2026-12-30', '2027-01-11')).toBe(1);
  });

  it('takes the calendar date in Moscow', () => {
    // 21:30 UTC on 7 Dec is 00:30 on 8 Dec in Moscow.
    expect(cal.localDate(new Date('2026-12-07T21:30:00Z'))).toBe('2026-12-08');
    expect(cal.localDate(new Date('2026-12-07T20:59:00Z'))).toBe('2026-12-07');
  });

  it('property: the n-th working day is a working day with exactly n working days since the start', () => {
    const start = DateTime.utc(2025, 12, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const from = start.plus({ days: offset }).toISODate()!;
        const due = cal.addWorkingDays(from, n);
        expect(cal.isWorkingDay(due)).toBe(true);
        expect(cal.workingDaysBetween(from, due)).toBe(n);
        // The day before the deadline is short of n.
        expect(cal.workingDaysBetween(from, cal.addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it('an unconfigured year uses weekends and the fixed holidays', () => {
    expect(cal.isWorkingDay('2028-01-03')).toBe(false);
    expect(cal.isWorkingDay('2028-01-10')).toBe(true);
    expect(cal.isWorkingDay('2028-11-04')).toBe(false);
  });
});

describe('production calendar configuration', () => {
  const base = `timeZone: Europe/Moscow
fixedHolidays: [{ date: "01-01", name: Новый год }]
years:
`;
  it('an admin-loaded year takes effect without code (working Saturday, extra day off)', () => {
    const c = ProductionCalendar.parse(`${base}  2030:
    source: test decree
    verifiedAgainst: official publication
    daysOff: [{ date: 2030-01-04, basis: decree, verified: true }]
    workingDays: [{ date: "2030-01-05", basis: decree, verified: true }]
`);
    expect(c.isWorkingDay('2030-01-04')).toBe(false); // Friday made a day off
    expect(c.isWorkingDay('2030-01-05')).toBe(true); // Saturday made working
    expect(c.addWorkingDays('2030-01-03', 1)).toBe('2030-01-05');
  });

  it('refuses a malformed file with the entry named', () => {
    expect(() =>
      ProductionCalendar.parse(`${base}  2030:
    source: x
    verifiedAgainst: null
    daysOff: [{ date: 2030-02-30, basis: decree, verified: true }]
`),
    ).toThrow(CalendarConfigError);
    expect(() =>
      ProductionCalendar.parse(`${base}  2030:
    source: x
    verifiedAgainst: null
    daysOff: [{ date: "2031-01-04", basis: decree, verified: true }]
`),
    ).toThrow(/2031-01-04 is listed under 2030/);
    expect(() =>
      ProductionCalendar.parse(`${base}  2030:
    source: x
    verifiedAgainst: null
    daysOff: [{ date: "2030-01-05", basis: d, verified: true }]
    workingDays: [{ date: "2030-01-05", basis: d, verified: true }]
`),
    ).toThrow(/both a day off and a working day/);
    expect(() => ProductionCalendar.parse('timeZone: Mars/Olympus\nfixedHolidays: []\nyears: {}')).toThrow(
      /timeZone/,
    );
  });
});
