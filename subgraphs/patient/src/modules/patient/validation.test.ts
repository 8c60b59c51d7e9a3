import { describe, expect, it } from 'vitest';
import { isValidSnils, normalizePhone, validatePatientFields } from './validation';

describe('patient validation', () => {
  it('normalises Russian phone numbers in the usual spellings to E.164', () => {
    expect(normalizePhone('8 (916) 123-45-67')).toBe('+79161234567');
    expect(normalizePhone('+7 916 123 45 67')).toBe('+79161234567');
    expect(normalizePhone('9161234567')).toBe('+79161234567');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('+7 000 000 00 00')).toBeNull();
  });

  it('checks the SNILS control sum', () => {
    expect(isValidSnils('112-233-445 95')).toBe(true);
    expect(isValidSnils('11223344595')).toBe(true);
    expect(isValidSnils('112-233-445 96')).toBe(false);
    expect(isValidSnils('123')).toBe(false);
  });

  it('rejects future and impossible dates with distinct codes', () => {
    const r = validatePatientFields({ birthDate: '2999-01-01', passportIssuedOn: '2020-02-30' }, []);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'birthDate', code: 'DATE_IN_FUTURE' }),
          expect.objectContaining({ field: 'passportIssuedOn', code: 'INVALID_DATE' }),
        ]),
      );
    }
  });

  it('reports missing required fields and bad e-mail together', () => {
    const r = validatePatientFields({ lastName: ' ', email: 'not-an-email' }, ['lastName', 'firstName']);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => `${e.field}:${e.code}`).sort()).toEqual([
        'email:INVALID_EMAIL',
        'firstName:REQUIRED',
        'lastName:REQUIRED',
      ]);
  });

  it('returns normalised values when valid', () => {
    const r = validatePatientFields(
      {
        lastName: 'Иванов',
        firstName: 'Иван',
        phone: '8-916-123-45-67',
        snils: '11223344595',
        passport: '4510123456',
        email: 'I.Ivanov@Mail.ru',
      },
      ['lastName'],
    );
    expect(r).toEqual({
      ok: true,
      value: {
        lastName: 'Иванов',
        firstName: 'Иван',
        phone: '+79161234567',
        snils: '112-233-445 95',
        passport: '4510 123456',
        email: 'i.ivanov@mail.ru',
      },
    });
  });
});
