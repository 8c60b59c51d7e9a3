import { describe, expect, it } from 'vitest';
import { formatInZone, parseDateTime, slotsIn, type TemplateRule, workingWindows } from './slots';

const template = (o: Partial<TemplateRule> = {}): TemplateRule => ({
  specialistId: 's',
  branchId: 'b',
  roomId: null,
  weekday: 1,
  startTime: '09:00',
  endTime: '12:00',
  slotMinutes: 30,
  breaks: [],
  validFrom: null,
  validUntil: null,
  ...o,
});

const starts = (
  zone: string,
  date: string,
  t: TemplateRule[],
  extra: Partial<Parameters<typeof workingWindows>[0]> = {},
  duration?: number,
) =>
  slotsIn({
    specialistId: 's',
    branchId: 'b',
    windows: workingWindows({
      zone,
      dates: [date],
      templates: t,
      exceptions: [],
      holidays: new Set(),
      ...extra,
    }),
    busy: [],
    durationMinutes: duration,
    notBefore: Number.NEGATIVE_INFINITY,
    notAfter: Number.POSITIVE_INFINITY,
  }).map((s) => formatInZone(s.start, zone));

describe('slots in branch time zones', () => {
  // 2026-11-30 is a Monday.
  it.each([
    ['Europe/Kaliningrad', '+02:00', '2026-11-30T07:00:00.000Z'],
    ['Europe/Moscow', '+03:00', '2026-11-30T06:00:00.000Z'],
    ['Asia/Yekaterinburg', '+05:00', '2026-11-30T04:00:00.000Z'],
    ['Asia/Vladivostok', '+10:00', '2026-11-29T23:00:00.000Z'],
  ])('%s: 09:00 local is %s and the right instant', (zone, offset, utc) => {
    const s = starts(zone, '2026-11-30', [template()]);
    expect(s[0]).toBe(`2026-11-30T09:00:00${offset}`);
    expect(s).toHaveLength(6);
    expect(new Date(s[0]!).toISOString()).toBe(utc);
  });

  it('keeps local wall-clock hours across a DST change (Europe/Berlin, 2026-03-29 and 2026-10-25 are Sundays)', () => {
    const before = starts('Europe/Berlin', '2026-03-22', [template({ weekday: 7 })]);
    const after = starts('Europe/Berlin', '2026-03-29', [template({ weekday: 7 })]);
    expect(before[0]).toBe('2026-03-22T09:00:00+01:00');
    expect(after[0]).toBe('2026-03-29T09:00:00+02:00');
    expect(after).toHaveLength(6);
    const autumn = starts('Europe/Berlin', '2026-10-25', [template({ weekday: 7 })]);
    expect(autumn[0]).toBe('2026-10-25T09:00:00+01:00');
  });

  it('a night shift across the DST gap has one hour less (Europe/Berlin 2026-03-29 01:00–05:00)', () => {
    const s = starts('Europe/Berlin', '2026-03-29', [
      template({ weekday: 7, startTime: '01:00', endTime: '05:00', slotMinutes: 60 }),
    ]);
    expect(s).toEqual([
      '2026-03-29T01:00:00+01:00',
      '2026-03-29T03:00:00+02:00',
      '2026-03-29T04:00:00+02:00',
    ]);
  });

  it('breaks, holidays, absences and extra hours', () => {
    const t = [template({ breaks: [{ start: '10:00', end: '11:00' }] })];
    expect(starts('Europe/Moscow', '2026-11-30', t)).toEqual([
      '2026-11-30T09:00:00+03:00',
      '2026-11-30T09:30:00+03:00',
      '2026-11-30T11:00:00+03:00',
      '2026-11-30T11:30:00+03:00',
    ]);
    expect(starts('Europe/Moscow', '2026-11-30', t, { holidays: new Set(['2026-11-30']) })).toEqual([]);
    const vacation = {
      specialistId: 's',
      branchId: 'b',
      roomId: null,
      kind: 'VACATION' as const,
      start: Date.parse('2026-11-30T06:30:00Z'),
      end: Date.parse('2026-11-30T08:30:00Z'),
    };
    // Vacation 09:30–11:30 leaves 09:00–09:30 and 11:30–12:00.
    expect(starts('Europe/Moscow', '2026-11-30', t, { exceptions: [vacation] })).toEqual([
      '2026-11-30T09:00:00+03:00',
      '2026-11-30T11:30:00+03:00',
    ]);
    const extra = {
      ...vacation,
      kind: 'EXTRA_HOURS' as const,
      start: Date.parse('2026-11-30T15:00:00Z'),
      end: Date.parse('2026-11-30T16:00:00Z'),
    };
    expect(starts('Europe/Moscow', '2026-11-30', t, { exceptions: [extra] }).slice(-2)).toEqual([
      '2026-11-30T18:00:00+03:00',
      '2026-11-30T18:30:00+03:00',
    ]);
  });

  it('a longer service needs consecutive free time inside one window', () => {
    expect(starts('Europe/Moscow', '2026-11-30', [template()], {}, 60)).toEqual([
      '2026-11-30T09:00:00+03:00',
      '2026-11-30T09:30:00+03:00',
      '2026-11-30T10:00:00+03:00',
      '2026-11-30T10:30:00+03:00',
      '2026-11-30T11:00:00+03:00',
    ]);
  });

  it('templates outside their validity or weekday produce nothing', () => {
    expect(starts('Europe/Moscow', '2026-11-30', [template({ weekday: 2 })])).toEqual([]);
    expect(starts('Europe/Moscow', '2026-11-30', [template({ validFrom: '2026-12-01' })])).toEqual([]);
    expect(starts('Europe/Moscow', '2026-11-30', [template({ validUntil: '2026-11-29' })])).toEqual([]);
  });

  it('parses local times in the branch zone and explicit offsets as given', () => {
    expect(parseDateTime('2026-11-30T09:00', 'Asia/Vladivostok')).toBe(Date.parse('2026-11-29T23:00:00Z'));
    expect(parseDateTime('2026-11-30T09:00:00+03:00', 'Asia/Vladivostok')).toBe(
      Date.parse('2026-11-30T06:00:00Z'),
    );
    expect(parseDateTime('2026-13-30T09:00', 'Europe/Moscow')).toBeNull();
    expect(parseDateTime('tomorrow', 'Europe/Moscow')).toBeNull();
  });
});
