import { describe, expect, it } from 'vitest';
import { isQuietTime, nextAllowedTime } from '../src/index';

const at = (iso: string) => new Date(iso);
const next = (iso: string, zone: string, quiet?: { start: string; end: string }) =>
  nextAllowedTime(at(iso), zone, quiet).toISOString();

describe('nextAllowedTime (default quiet hours 22:00–08:00 local)', () => {
  it('returns the same instant outside quiet hours', () => {
    const now = at('2026-11-24T09:00:00Z'); // 12:00 in Moscow
    expect(nextAllowedTime(now, 'Europe/Moscow')).toBe(now);
  });

  it.each([
    // zone, now (UTC), local time, expected end of quiet period (UTC)
    ['Europe/Kaliningrad', '2026-11-24T21:30:00Z', '23:30 (UTC+2)', '2026-11-25T06:00:00.000Z'],
    ['Europe/Moscow', '2026-11-24T19:00:00Z', '22:00 exactly (UTC+3)', '2026-11-25T05:00:00.000Z'],
    ['Europe/Moscow', '2026-11-24T02:00:00Z', '05:00 after midnight (UTC+3)', '2026-11-24T05:00:00.000Z'],
    ['Asia/Yekaterinburg', '2026-11-24T18:59:00Z', '23:59 (UTC+5)', '2026-11-25T03:00:00.000Z'],
    ['Asia/Yekaterinburg', '2026-11-24T19:00:00Z', '00:00 (UTC+5)', '2026-11-25T03:00:00.000Z'],
    ['Asia/Vladivostok', '2026-11-24T12:30:00Z', '22:30 (UTC+10)', '2026-11-24T22:00:00.000Z'],
    ['Asia/Vladivostok', '2026-11-24T21:59:00Z', '07:59 (UTC+10)', '2026-11-24T22:00:00.000Z'],
  ])('%s at %s (%s) waits until 08:00 local', (zone, now, _local, expected) => {
    expect(next(now, zone)).toBe(expected);
  });

  it('treats the end of the window as allowed and the start as quiet', () => {
    expect(isQuietTime(at('2026-11-24T05:00:00Z'), 'Europe/Moscow')).toBe(false); // 08:00
    expect(isQuietTime(at('2026-11-24T04:59:59Z'), 'Europe/Moscow')).toBe(true); // 07:59:59
    expect(isQuietTime(at('2026-11-24T19:00:00Z'), 'Europe/Moscow')).toBe(true); // 22:00
    expect(isQuietTime(at('2026-11-24T18:59:59Z'), 'Europe/Moscow')).toBe(false); // 21:59:59
  });

  it('the same instant is quiet in one zone and not in another', () => {
    const now = '2026-11-24T20:00:00Z'; // 22:00 Kaliningrad, 23:00 Moscow, 01:00 Yekaterinburg, 06:00 Vladivostok
    expect(next(now, 'Europe/Kaliningrad')).toBe('2026-11-25T06:00:00.000Z');
    expect(next(now, 'Europe/Moscow')).toBe('2026-11-25T05:00:00.000Z');
    expect(next(now, 'Asia/Yekaterinburg')).toBe('2026-11-25T03:00:00.000Z');
    expect(next(now, 'Asia/Vladivostok')).toBe('2026-11-24T22:00:00.000Z');
    expect(next('2026-11-24T09:00:00Z', 'Asia/Vladivostok')).toBe('2026-11-24T09:00:00.000Z'); // 19:00
  });

  describe('across DST changes (Europe/Berlin)', () => {
    it('spring forward 2026-03-29: the night is an hour shorter', () => {
      // 23:30 CET (+01:00) on the 28th; 08:00 on the 29th is CEST (+02:00) = 06:00Z, 7.5 hours later.
      expect(next('2026-03-28T22:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T06:00:00.000Z');
      // 01:30 CET, just before the gap.
      expect(next('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T06:00:00.000Z');
    });

    it('fall back 2026-10-25: the night is an hour longer', () => {
      // 23:00 CEST (+02:00) on the 24th; 08:00 on the 25th is CET (+01:00) = 07:00Z.
      expect(next('2026-10-24T21:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T07:00:00.000Z');
      // The repeated hour: 02:30 CEST and 02:30 CET are both quiet.
      expect(next('2026-10-25T00:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T07:00:00.000Z');
      expect(next('2026-10-25T01:30:00Z', 'Europe/Berlin')).toBe('2026-10-25T07:00:00.000Z');
    });

    it('an end time skipped by the gap resolves to the first instant after it', () => {
      // Quiet 00:30–02:30: 02:30 does not exist on 2026-03-29; 03:00 CEST (01:00Z) comes right after 01:59 CET.
      expect(next('2026-03-29T00:10:00Z', 'Europe/Berlin', { start: '00:30', end: '02:30' })).toBe(
        '2026-03-29T01:00:00.000Z',
      );
    });

    it('an end time that occurs twice resolves to the occurrence not in the past', () => {
      const quiet = { start: '01:00', end: '02:30' };
      // 02:10 CEST (00:10Z): the first 02:30 (CEST, 00:30Z) is next.
      expect(next('2026-10-25T00:10:00Z', 'Europe/Berlin', quiet)).toBe('2026-10-25T00:30:00.000Z');
      // 02:10 CET (01:10Z), the second pass through the hour: quiet again, ends at 02:30 CET (01:30Z).
      expect(next('2026-10-25T01:10:00Z', 'Europe/Berlin', quiet)).toBe('2026-10-25T01:30:00.000Z');
    });
  });

  it('supports a window within one day and an empty window', () => {
    const lunch = { start: '13:00', end: '14:00' };
    expect(next('2026-11-24T10:15:00Z', 'Europe/Moscow', lunch)).toBe('2026-11-24T11:00:00.000Z'); // 13:15
    expect(next('2026-11-24T11:00:00Z', 'Europe/Moscow', lunch)).toBe('2026-11-24T11:00:00.000Z'); // 14:00
    expect(next('2026-11-24T20:00:00Z', 'Europe/Moscow', { start: '00:00', end: '00:00' })).toBe(
      '2026-11-24T20:00:00.000Z',
    );
  });

  it('rejects unknown zones and malformed times with coded errors', () => {
    expect(() => nextAllowedTime(new Date(), 'Mars/Olympus')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_TIME_ZONE' }) }),
    );
    expect(() => nextAllowedTime(new Date(), 'Europe/Moscow', { start: '25:00', end: '08:00' })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});
