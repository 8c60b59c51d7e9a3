import { describe, expect, it } from 'vitest';
import { maskValue } from '../src/masking';

describe('masking styles (PRODUCT.md examples)', () => {
  it.each([
    ['FULL_NAME', 'Иванов Иван Иванович', 'Иванов И. И.'],
    ['INITIAL', 'Иван', 'И.'],
    ['PHONE', '+79161234567', '+7 *** ***-**-67'],
    ['EMAIL', 'ivanov@mail.ru', 'i***@mail.ru'],
    ['YEAR', '1984-05-17', '19**'],
    ['TAIL4', '4510 123456', '*** 3456'],
    ['REDACT', 'г. Москва, ул. Ленина, 1', '***'],
    ['NONE', 'Иванов', 'Иванов'],
  ])('%s masks %s as %s', (style, raw, masked) => {
    expect(maskValue(raw, style)).toBe(masked);
  });

  it('keeps null, masks lists element-wise, and redacts with an unknown style', () => {
    expect(maskValue(null, 'PHONE')).toBeNull();
    expect(maskValue(['a@b.ru', 'c@d.ru'], 'EMAIL')).toEqual(['a***@b.ru', 'c***@d.ru']);
    expect(maskValue('secret', 'NO_SUCH_STYLE')).toBe('***');
    expect(maskValue('secret', undefined)).toBe('***');
  });
});
