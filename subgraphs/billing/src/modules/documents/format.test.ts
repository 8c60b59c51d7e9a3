import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatLongDate,
  formatMoscowDateTime,
  formatRubles,
  formatXmlAmount,
  NBSP,
  shortName,
} from './format';
import { plain } from './read-pdf.testing';

describe('Russian formats', () => {
  it('writes rubles with grouped thousands, a comma and the sign', () => {
    expect(formatRubles(0)).toBe(`0,00${NBSP}₽`);
    expect(formatRubles(5)).toBe(`0,05${NBSP}₽`);
    expect(formatRubles(150000)).toBe(`1${NBSP}500,00${NBSP}₽`);
    expect(formatRubles(123456789)).toBe(`1${NBSP}234${NBSP}567,89${NBSP}₽`);
    expect(() => formatRubles(1.5)).toThrow(RangeError);
    expect(() => formatRubles(-1)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (k) => {
        const [rubles = '', kop = ''] = formatRubles(k).replace(`${NBSP}₽`, '').split(',');
        return (
          BigInt(rubles.replaceAll(NBSP, '')) * 100n + BigInt(kop) === BigInt(k) &&
          /^\d{1,3}(\u00a0\d{3})*$/.test(rubles)
        );
      }),
    );
  });

  it('writes FNS XML amounts and short names for signatures', () => {
    expect(formatXmlAmount(8500050)).toBe('85000.50');
    expect(formatXmlAmount(7)).toBe('0.07');
    expect(shortName('Иванова Мария Петровна')).toBe(`Иванова М.${NBSP}П.`);
    expect(shortName('Smith John')).toBe('Smith J.');
  });

  it('writes dates and Moscow times in words', () => {
    expect(plain(formatLongDate('2026-12-07'))).toBe('7 декабря 2026 г.');
    expect(plain(formatLongDate('2027-01-31'))).toBe('31 января 2027 г.');
    // 21:30 UTC on 31 December is already 1 January in Moscow.
    expect(plain(formatMoscowDateTime(new Date('2026-12-31T21:30:00Z')))).toBe(
      '1 января 2027 г. в 00:30 (МСК)',
    );
  });
});
