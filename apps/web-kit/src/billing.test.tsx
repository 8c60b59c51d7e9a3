import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  billingErrorText,
  CONTRACT_STATUS_STAFF_LABELS,
  changeKopecks,
  parseRubles,
  receiptContact,
  refundableKopecks,
  rubles,
  rublesValue,
  TAX_RELATION_LABELS,
  taxYears,
} from './billing';
import { InvoiceLinesTable, ReceiptView } from './billing-view';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('money', () => {
  it('writes kopecks as Russian rubles whatever the locale: grouping, decimal comma, sign', () => {
    expect(plain(rubles(250000))).toBe('2 500,00 ₽');
    expect(plain(rubles(5))).toBe('0,05 ₽');
    expect(plain(rubles(123456789))).toBe('1 234 567,89 ₽');
    expect(plain(rubles(-15000))).toBe('−150,00 ₽');
    expect(rubles(null)).toBe('—');
    expect(plain(rublesValue(250050))).toBe('2 500,50');
    // Non-breaking spaces: an amount never wraps between its digits and its sign.
    expect(rubles(250000)).toBe('2\u00a0500,00\u00a0₽');
  });

  it('reads amounts as people type them', () => {
    expect(parseRubles('2500')).toBe(250000);
    expect(parseRubles('2 500,5')).toBe(250050);
    expect(parseRubles('2500.05')).toBe(250005);
    expect(parseRubles('2\u00a0500,00 ₽')).toBe(250000);
    expect(parseRubles('1 500 руб.')).toBe(150000);
    for (const bad of ['', 'abc', '1,234', '-5', '12,3,4', '1e3']) expect(parseRubles(bad)).toBeNull();
  });

  it('reads back every amount it writes (round trip over many kopeck amounts)', () => {
    const amounts = [0, 1, 99, 100, 999_99, 1000_00, 999_999_999];
    // A fixed linear congruential sequence: the same thousands of amounts on every run.
    for (let x = 12345, i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      amounts.push(x % 1_000_000_000);
    }
    for (const k of amounts) expect(parseRubles(rubles(k))).toBe(k);
  });

  it('gives change only when enough cash was tendered', () => {
    expect(changeKopecks(300000, 250000)).toBe(50000);
    expect(changeKopecks(250000, 250000)).toBe(0);
    expect(changeKopecks(200000, 250000)).toBeNull();
    expect(changeKopecks(null, 250000)).toBeNull();
  });

  it('refunds only what a captured payment still holds', () => {
    expect(refundableKopecks({ status: 'CAPTURED', amountKopecks: 250000, refundedKopecks: 50000 })).toBe(
      200000,
    );
    expect(refundableKopecks({ status: 'PENDING_FISCAL', amountKopecks: 250000 })).toBe(0);
  });

  it('takes a phone or an e-mail for the electronic receipt (tag 1008)', () => {
    expect(receiptContact('8 (916) 123-45-67')).toBe('+79161234567');
    expect(receiptContact('+7 916 123 45 67')).toBe('+79161234567');
    expect(receiptContact(' anna@example.ru ')).toBe('anna@example.ru');
    expect(receiptContact('')).toBeNull();
    expect(receiptContact('12345')).toBeNull();
  });
});

describe('errors', () => {
  it('says a billing failure in Russian: the domain text, then the API message, then the platform text', () => {
    expect(billingErrorText('SHIFT_NOT_OPEN', 'Откройте смену кассы')).toBe('Смена кассы не открыта');
    // A generic code keeps the API's field-specific message.
    expect(billingErrorText('REQUIRED', 'Укажите причину скидки')).toBe('Укажите причину скидки');
    expect(billingErrorText('FORBIDDEN')).toBe('Недостаточно прав');
    expect(billingErrorText(undefined, null, 'Оплата не прошла')).toBe('Оплата не прошла');
  });
});

/** The values of an enum of billing's published schema. */
function enumValues(name: string): string[] {
  const sdl = readFileSync(new URL('../../../subgraphs/billing/schema.graphql', import.meta.url), 'utf8');
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(sdl)?.[1] ?? '';
  return body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^[A-Z][A-Z0-9_]*$/.test(l));
}

describe('documents', () => {
  it('offers the certificate for this year and the four before', () => {
    expect(taxYears('2026-01-15')).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it('names every contract status and taxpayer relation of the schema in Russian', () => {
    const statuses = enumValues('ContractStatus');
    const relations = enumValues('TaxPatientRelation');
    expect(statuses.length).toBeGreaterThan(0);
    expect(relations.length).toBeGreaterThan(0);
    expect(Object.keys(CONTRACT_STATUS_STAFF_LABELS).sort()).toEqual([...statuses].sort());
    expect(Object.keys(TAX_RELATION_LABELS).sort()).toEqual([...relations].sort());
  });
});

describe('views', () => {
  it('prints a receipt with its lines, totals by payment type and fiscal data', () => {
    const html = plain(
      renderToStaticMarkup(
        <ReceiptView
          zone="Europe/Moscow"
          receipt={{
            id: 'r1',
            operation: 'SELL_RETURN',
            totalKopecks: 50000,
            cashKopecks: 50000,
            electronicKopecks: 0,
            customerContact: '+79161234567',
            fiscalDocumentNumber: 17,
            fiscalSign: '3826341187',
            fnNumber: '9999078900004312',
            registrationNumber: '0000000001002292',
            shiftNumber: 3,
            receiptNumber: 5,
            fiscalAt: '2026-03-02T07:05:00Z',
            lines: [
              {
                name: 'Приём терапевта',
                priceKopecks: 50000,
                quantity: 1,
                amountKopecks: 50000,
                vat: 'NONE',
                paymentMethod: 'fullPayment',
                paymentObject: 'service',
              },
            ],
          }}
        />,
      ),
    );
    for (const t of [
      'aria-label="Кассовый чек № 5: возврат прихода"',
      '02.03.2026, 10:05',
      '1 × 500,00 ₽',
      'без НДС · полный расчёт · услуга',
      'Наличными',
      '3826341187',
      '+79161234567',
    ])
      expect(html).toContain(t);
    expect(html).not.toContain('Безналичными');
  });

  it('shows a line discount with its reason and the invoice total', () => {
    const html = plain(
      renderToStaticMarkup(
        <InvoiceLinesTable
          caption="Счёт"
          totalKopecks={450000}
          lines={[
            {
              lineNo: 1,
              name: 'УЗИ брюшной полости',
              unitPriceKopecks: 250000,
              quantity: 2,
              discountKopecks: 50000,
              discountReason: 'Повторное обследование',
              amountKopecks: 450000,
              vat: 'NONE',
            },
          ]}
        />,
      ),
    );
    for (const t of [
      'УЗИ брюшной полости',
      '2 500,00 ₽',
      '500,00 ₽',
      'Повторное обследование',
      'Итого',
      '4 500,00 ₽',
    ])
      expect(html).toContain(t);
  });
});
