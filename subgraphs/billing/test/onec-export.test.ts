import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFor, oneCDate, rubles } from '../src/modules/accounting/onec-documents';
import { backoffDelayMs, DEFAULT_BACKOFF, nextAttemptAt } from '../src/modules/accounting/onec-export';
import { parseFilter } from '../src/modules/accounting/onec-filter';
import { formatFilter } from '../src/modules/accounting/onec-odata.client';

describe('1C export: pure parts', () => {
  it('backs off exponentially from one minute, capped at six hours', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect([backoffDelayMs(9), backoffDelayMs(10)]).toEqual([15_360_000, 6 * 3_600_000]);
    expect(backoffDelayMs(10_000)).toBe(DEFAULT_BACKOFF.maxMs);
    expect(() => backoffDelayMs(0)).toThrow(RangeError);
    const now = new Date('2025-01-01T00:00:00Z');
    expect(nextAttemptAt(3, now, { baseMs: 1000, maxMs: 10_000 })).toEqual(new Date('2025-01-01T00:00:04Z'));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const d = backoffDelayMs(n);
        return d >= DEFAULT_BACKOFF.baseMs && d <= DEFAULT_BACKOFF.maxMs && backoffDelayMs(n + 1) >= d;
      }),
    );
  });

  it('every filter the client writes, the emulator reads back the same', () => {
    const field = fc.stringMatching(/^[A-Za-zА-Яа-я_][A-Za-zА-Яа-я0-9_]{0,15}$/);
    const value = fc.oneof(
      fc.string(),
      fc.boolean(),
      fc.integer(),
      fc.uuid().map((g) => ({ guid: g })),
    );
    fc.assert(
      fc.property(fc.dictionary(field, value, { minKeys: 1, maxKeys: 4 }), (filter) => {
        const parsed = parseFilter(formatFilter(filter));
        const expected = Object.entries(filter).map(([f, v]) => ({
          field: f,
          value: typeof v === 'object' ? { guid: v.guid.toLowerCase() } : v,
        }));
        expect(parsed).toEqual(expected);
      }),
    );
    expect(() => parseFilter("A ne 'x'")).toThrow();
    expect(() => parseFilter("A eq 'x' or B eq 1")).toThrow();
  });

  it('converts money and dates the way 1C stores them', () => {
    expect([rubles(0), rubles(5), rubles(150_050), rubles(12_345_678_901)]).toEqual([
      0, 0.05, 1500.5, 123456789.01,
    ]);
    expect(() => rubles(1.5)).toThrow(RangeError);
    expect(oneCDate(new Date('2025-06-30T21:00:00Z'))).toBe('2025-07-01T00:00:00');
    const { entitySet, body } = documentFor(
      {
        kind: 'payment',
        id: 'p1',
        method: 'card',
        amountKopecks: 100,
        at: new Date(),
        payer: { patientId: 'ab-cd' },
      },
      'ref',
      {
        organizationKey: 'org',
        extra: { Document_ОплатаПлатежнойКартой: { СчетУчета_Key: 'acc', Комментарий: 'x' } },
      },
    );
    expect(entitySet).toBe('Document_ОплатаПлатежнойКартой');
    // Configuration may add fields but never overwrite the marker.
    expect(body).toMatchObject({
      СчетУчета_Key: 'acc',
      Комментарий: 'MK:payment:p1',
      ВидОперации: 'ОплатаПокупателя',
    });
  });
});
