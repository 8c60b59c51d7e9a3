import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { FIXTURE_BRANCH, FIXTURE_SERVICE } from '../src/testing';
import type { BillingHarness } from './harness';

export const staff = (role: string, extra: Record<string, unknown> = {}) => ({
  role,
  sub: `${role}-${randomUUID().slice(0, 8)}`,
  amr: ['pwd', 'otp'],
  ...extra,
});

export const INVOICE_FIELDS = `id number patientId totalKopecks paidKopecks refundedKopecks balanceKopecks status
  lines { name unitPriceKopecks quantity discountKopecks amountKopecks vat }
  payments { id method amountKopecks status statusReason refundedKopecks
    receipts { id operation totalKopecks cashKopecks electronicKopecks customerContact fiscalSign fiscalDocumentNumber shiftNumber
      lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject } }
    refunds { id amountKopecks status } }`;

/** Tokens of the people at the desk (staff with their second factor) and a patient. */
export async function people(h: BillingHarness) {
  const patientId = randomUUID();
  return {
    patientId,
    accountant: await h.tokenFor(staff('accountant')),
    cashier: await h.tokenFor(staff('cashier', { bid: [FIXTURE_BRANCH] })),
    receptionist: await h.tokenFor(staff('receptionist')),
    doctor: await h.tokenFor(staff('doctor')),
    patient: await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: patientId }),
  };
}

/** The accountant prices a consultation at the fixture branch; returns the price item id. */
export async function priceConsultation(h: BillingHarness, accountant: string, priceKopecks = 250_000) {
  const r = await h.query(
    `mutation($i: SetPriceInput!) { setPrice(input: $i) { ok inputErrors { field code } priceItem { id } } }`,
    {
      i: {
        branchId: FIXTURE_BRANCH,
        code: `CONS-${randomUUID().slice(0, 6)}`,
        kind: 'SERVICE',
        refId: FIXTURE_SERVICE,
        name: 'Приём кардиолога, первичный',
        priceKopecks,
        vat: 'NONE',
        validFrom: '2026-01-01',
      },
    },
    accountant,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.setPrice.ok).toBe(true);
  return r.data.setPrice.priceItem.id as string;
}

export async function createInvoice(
  h: BillingHarness,
  token: string,
  patientId: string,
  lines: Array<{ priceItemId: string; quantity?: number; discountKopecks?: number; discountReason?: string }>,
) {
  return h.query(
    `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ok inputErrors { field code message } invoice { ${INVOICE_FIELDS} } } }`,
    { i: { patientId, branchId: FIXTURE_BRANCH, lines, idempotencyKey: randomUUID() } },
    token,
  );
}

export async function invoice(h: BillingHarness, token: string, id: string) {
  const r = await h.query(`query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`, { id }, token);
  expect(r.errors).toBeUndefined();
  return r.data.invoice;
}

export function takePayment(
  h: BillingHarness,
  cashier: string,
  input: {
    invoiceId: string;
    method: 'CASH' | 'CARD';
    amountKopecks: number;
    customerContact?: string;
    idempotencyKey?: string;
  },
) {
  return h.query(
    `mutation($i: TakeDeskPaymentInput!) { takeDeskPayment(input: $i) { ok inputErrors { field code message }
       payment { id status statusReason amountKopecks method receipts { id fiscalSign } } } }`,
    { i: { idempotencyKey: randomUUID(), ...input } },
    cashier,
  );
}

export function refund(
  h: BillingHarness,
  token: string,
  input: { paymentId: string; amountKopecks: number; idempotencyKey?: string },
) {
  return h.query(
    `mutation($i: RefundPaymentInput!) { refundPayment(input: $i) { ok inputErrors { field code message } refund { id status amountKopecks statusReason } } }`,
    { i: { reason: 'Пациент отказался от части услуги', idempotencyKey: randomUUID(), ...input } },
    token,
  );
}

export async function openShift(h: BillingHarness, cashier: string) {
  const r = await h.query(
    `mutation($b: ID!) { openFiscalShift(branchId: $b) { ok shift { open shiftNumber } } }`,
    { b: FIXTURE_BRANCH },
    cashier,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.openFiscalShift.shift.open).toBe(true);
  return r.data.openFiscalShift.shift;
}
