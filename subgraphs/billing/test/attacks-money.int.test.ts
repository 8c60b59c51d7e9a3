import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { MAX_KOPECKS } from '../src/modules/money';
import { FIXTURE_BRANCH } from '../src/testing';
import {
  createInvoice,
  invoice,
  openShift,
  people,
  priceConsultation,
  refund,
  takePayment,
} from './billing-helpers';
import { contractInput, createContract } from './contract-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Money tricks an attacker (or a careless client) tries at the desk: amounts out of range, more
// than owed, a replayed key with another body, refunds racing past the paid amount, lines that
// overflow the API's Int, payments of a payment that is not captured.
let h: BillingHarness;
let atol: AtolEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;

beforeAll(async () => {
  atol = await startAtolEmulator();
  h = await startBillingSubgraph({ env: { FISCAL_REGISTER_URL: atol.url } });
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant);
  await openShift(h, who.cashier);
});
afterAll(async () => {
  await h?.stop();
  await atol?.close();
});

type Answer = { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
const codesOf = (r: Answer) => (r.errors ?? []).map((e) => e.extensions?.code);
const inputCodes = (payload: { inputErrors: Array<{ code: string }> }) =>
  payload.inputErrors.map((e) => e.code);

const newInvoice = async (lines: Array<Record<string, unknown>> = [{ priceItemId: priceId }]) => {
  const r = await createInvoice(h, who.cashier, who.patientId, lines as never);
  expect(r.data.createInvoice.inputErrors).toEqual([]);
  return r.data.createInvoice.invoice;
};

describe('money tricks at the desk', () => {
  it('zero, negative, fractional, beyond-limit and beyond-Int amounts are input errors, never INTERNAL', async () => {
    const inv = await newInvoice();
    // 2^31 fits the Kopecks scalar (a safe integer) but not the domain's limit: an input error.
    for (const amountKopecks of [0, -100, MAX_KOPECKS + 1, 2 ** 31, 250_001]) {
      const r = await takePayment(h, who.cashier, { invoiceId: inv.id, method: 'CASH', amountKopecks });
      expect(r.errors).toBeUndefined();
      expect(r.data.takeDeskPayment.ok).toBe(false);
      expect(inputCodes(r.data.takeDeskPayment)).toEqual([
        amountKopecks === 250_001 ? 'AMOUNT_EXCEEDS_BALANCE' : 'BAD_USER_INPUT',
      ]);
    }
    // Not a safe integer JSON number: the scalar refuses it before any resolver runs.
    for (const amountKopecks of [1.5, '100', 2 ** 53, -(2 ** 53), 1e21, true, null, { n: 1 }]) {
      const r = await takePayment(h, who.cashier, {
        invoiceId: inv.id,
        method: 'CASH',
        amountKopecks,
      } as never);
      expect(r.data ?? null).toBeNull();
      expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    }
    // The same as an inline literal: refused by validation.
    for (const literal of ['1.5', '"100"', '9007199254740992', '99999999999999999999']) {
      const r = await h.query(
        `mutation { takeDeskPayment(input: { invoiceId: "${inv.id}", method: CASH, amountKopecks: ${literal}, idempotencyKey: "${randomUUID()}" }) { ok } }`,
        {},
        who.cashier,
      );
      expect(r.data ?? null, literal).toBeNull();
      expect(codesOf(r), literal).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    expect((await invoice(h, who.cashier, inv.id)).payments).toEqual([]);
  });

  it('quantity 0 or 101, a discount above the line or negative, and bad ids are input errors', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ priceItemId: priceId, quantity: 0 }, 'input.lines.0.quantity'],
      [{ priceItemId: priceId, quantity: 101 }, 'input.lines.0.quantity'],
      [
        { priceItemId: priceId, discountKopecks: 250_001, discountReason: 'Акция' },
        'input.lines.0.discountKopecks',
      ],
      [{ priceItemId: priceId, discountKopecks: -1 }, 'input.lines.0.discountKopecks'],
      [{ priceItemId: "x' or 1=1 --" }, 'input.lines.0.priceItemId'],
      [{ priceItemId: randomUUID() }, 'input.lines.0.priceItemId'],
    ];
    for (const [line, field] of cases) {
      const r = await createInvoice(h, who.cashier, who.patientId, [line as never]);
      expect(r.errors, JSON.stringify(line)).toBeUndefined();
      expect(r.data.createInvoice.ok).toBe(false);
      expect(r.data.createInvoice.inputErrors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
  });

  it('an invoice or contract whose total is beyond MAX_KOPECKS is refused as input, not written', async () => {
    // The price list takes up to MAX_KOPECKS a unit; one bill of 3 units is beyond the limit.
    const dear = await priceConsultation(h, who.accountant, MAX_KOPECKS);
    const r = await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: dear, quantity: 3 }]);
    expect(codesOf(r)).not.toContain('INTERNAL');
    expect(r.errors).toBeUndefined();
    expect(r.data.createInvoice.ok).toBe(false);
    expect(r.data.createInvoice.inputErrors[0].field).toMatch(/^input\.lines/);
    // Many lines each within the limit must not add up beyond it either.
    const lines = Array.from({ length: 3 }, () => ({ priceItemId: dear }));
    const sum = await createInvoice(h, who.cashier, who.patientId, lines);
    expect(sum.errors).toBeUndefined();
    expect(sum.data.createInvoice.ok).toBe(false);
    // The one at the limit is fine and readable.
    const one = await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: dear }]);
    expect(one.data.createInvoice.invoice.totalKopecks).toBe(MAX_KOPECKS);
    // A contract is held to the same limit.
    const contract = await createContract(
      h,
      who.cashier,
      contractInput(who.patientId, [{ priceItemId: dear, quantity: 3 }]),
    );
    expect(codesOf(contract)).toEqual([]);
    expect(contract.data.createContract).toMatchObject({ ok: false, contract: null });
    expect(contract.data.createContract.inputErrors[0].field).toBe('input.services');
  });

  it('a replayed idempotency key with another body is refused and charges nothing more', async () => {
    const inv = await newInvoice();
    const key = randomUUID();
    const first = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 100_000,
      idempotencyKey: key,
    });
    expect(first.data.takeDeskPayment.payment.status).toBe('CAPTURED');
    const other = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CARD',
      amountKopecks: 150_000,
      idempotencyKey: key,
    });
    expect(other.data.takeDeskPayment.ok).toBe(false);
    expect(other.data.takeDeskPayment.inputErrors[0].field).toBe('input.idempotencyKey');
    const same = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 100_000,
      idempotencyKey: key,
    });
    expect(same.data.takeDeskPayment.payment.id).toBe(first.data.takeDeskPayment.payment.id);
    const after = await invoice(h, who.cashier, inv.id);
    expect(after).toMatchObject({ paidKopecks: 100_000, balanceKopecks: 150_000 });
    expect(after.payments).toHaveLength(1);
  });

  it('20 parallel desk payments of the whole invoice: exactly one captured', async () => {
    const inv = await newInvoice();
    const tries = await Promise.all(
      Array.from({ length: 20 }, () =>
        takePayment(h, who.cashier, { invoiceId: inv.id, method: 'CARD', amountKopecks: 250_000 }),
      ),
    );
    for (const t of tries) expect(codesOf(t)).toEqual([]);
    expect(tries.filter((t) => t.data.takeDeskPayment.ok)).toHaveLength(1);
    const after = await invoice(h, who.cashier, inv.id);
    expect(after).toMatchObject({ paidKopecks: 250_000, balanceKopecks: 0, status: 'PAID' });
  });

  it('20 parallel partial refunds whose sum exceeds the payment never return more than was paid', async () => {
    const inv = await newInvoice();
    const paid = await takePayment(h, who.cashier, {
      invoiceId: inv.id,
      method: 'CASH',
      amountKopecks: 250_000,
    });
    const paymentId = paid.data.takeDeskPayment.payment.id;
    const receiptsBefore = atol.state.receipts.length;
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        refund(h, i % 2 ? who.cashier : who.accountant, { paymentId, amountKopecks: 20_000 }),
      ),
    );
    for (const t of tries) expect(codesOf(t)).toEqual([]);
    const done = tries.filter((t) => t.data.refundPayment.ok);
    expect(done).toHaveLength(12); // 12 × 200 ₽ ≤ 2 500 ₽ < 13 × 200 ₽
    for (const t of tries.filter((t) => !t.data.refundPayment.ok))
      expect(inputCodes(t.data.refundPayment)).toEqual(['REFUND_EXCEEDS_PAID']);
    const after = await invoice(h, who.cashier, inv.id);
    expect(after).toMatchObject({ paidKopecks: 250_000, refundedKopecks: 240_000, balanceKopecks: 240_000 });
    expect(atol.state.receipts.length - receiptsBefore).toBe(12);
  });

  it('a payment that is not captured cannot be refunded; a captured one cannot be fiscalised again', async () => {
    const inv = await newInvoice();
    const stuck = await h.service.stores.payments.insert({
      id: randomUUID(),
      invoiceId: inv.id,
      patientId: who.patientId,
      method: 'CASH',
      amountKopecks: 250_000,
      status: 'FAILED',
      statusReason: 'Касса отклонила чек',
      registerId: 'desk',
      providerPaymentId: null,
      confirmationUrl: null,
      customerContact: null,
      createdBy: 'attacker',
    });
    const r = await refund(h, who.cashier, { paymentId: stuck.id, amountKopecks: 1_000 });
    expect(inputCodes(r.data.refundPayment)).toEqual(['PAYMENT_STATE']);
    const retry = await h.query(
      `mutation($id: ID!) { retryPaymentFiscalisation(paymentId: $id) { ok inputErrors { code } } }`,
      { id: stuck.id },
      who.cashier,
    );
    expect(inputCodes(retry.data.retryPaymentFiscalisation)).toEqual(['CONFLICT']);
    expect((await invoice(h, who.cashier, inv.id)).balanceKopecks).toBe(250_000);
  });

  it('malformed ids anywhere answer as bad input or absent, never INTERNAL', async () => {
    const bad = ["x' or 1=1 --", '../../etc/passwd', 'ЖЖЖ', `${randomUUID()}0`];
    for (const id of bad) {
      const answers = [
        await h.query(`query($id: ID!) { invoice(id: $id) { id } }`, { id }, who.cashier),
        await h.query(`query($id: ID!) { contract(id: $id) { id } }`, { id }, who.cashier),
        await h.query(`query($p: ID!) { invoices(patientId: $p) { id } }`, { p: id }, who.cashier),
        await h.query(`query($p: ID!) { taxCertificates(patientId: $p) { id } }`, { p: id }, who.accountant),
        await h.query(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id } ... on Receipt { id } } }`,
          {
            r: [
              { __typename: 'Payment', id },
              { __typename: 'Receipt', id },
            ],
          },
          who.cashier,
        ),
        await h.query(
          `mutation($id: ID!) { retryPaymentFiscalisation(paymentId: $id) { ok } }`,
          { id },
          who.cashier,
        ),
        await refund(h, who.cashier, { paymentId: id, amountKopecks: 100 }),
        await takePayment(h, who.cashier, { invoiceId: id, method: 'CASH', amountKopecks: 100 }),
      ];
      for (const a of answers) {
        expect(codesOf(a), `${id}: ${JSON.stringify(a)}`).not.toContain('INTERNAL');
        expect(JSON.stringify(a)).not.toMatch(/invalid input syntax|stack|\.ts:\d+/);
      }
    }
  });

  // Sums over many invoices (a patient's year on the tax certificate, a branch's day in the
  // reconciliation) go beyond 2^31−1 kopecks (≈21.5 million ₽): the Kopecks scalar carries them.
  it('sums beyond Int (certificate of a year, reconciliation of a day) stay readable', async () => {
    const dear = await priceConsultation(h, who.accountant, MAX_KOPECKS);
    const rich = randomUUID();
    const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });
    const reconciledCard = async () => {
      const rec = await h.query(
        `query($b: ID!, $d: String!) { reconciliation(branchId: $b, day: $d) { ledger { method paymentsKopecks netKopecks } } }`,
        { b: FIXTURE_BRANCH, d: day },
        who.accountant,
      );
      expect(codesOf(rec)).toEqual([]);
      return (
        rec.data.reconciliation.ledger.find((m: { method: string }) => m.method === 'CARD') ?? {
          paymentsKopecks: 0,
          netKopecks: 0,
        }
      );
    };
    const before = await reconciledCard();
    for (let i = 0; i < 3; i++) {
      const r = await createInvoice(h, who.cashier, rich, [{ priceItemId: dear }]);
      const r2 = await takePayment(h, who.cashier, {
        invoiceId: r.data.createInvoice.invoice.id,
        method: 'CARD',
        amountKopecks: MAX_KOPECKS,
      });
      expect(r2.data.takeDeskPayment.payment.status).toBe('CAPTURED');
    }
    const year = Number(day.slice(0, 4));
    const cert = await h.query(
      `mutation($i: IssueTaxCertificateInput!) { issueTaxCertificate(input: $i) { ok inputErrors { field } certificate { id totalKopecks sums { code kopecks } } } }`,
      {
        i: {
          ...{ patientId: rich, year, idempotencyKey: randomUUID() },
          taxpayer: {
            ...{ fullName: 'Тестов Андрей Петрович', inn: '772400000010', birthDate: '1960-02-03' },
            document: { code: '21', seriesNumber: '45 01 654321', issuedAt: '2005-03-04' },
          },
        },
      },
      who.accountant,
    );
    expect(codesOf(cert)).toEqual([]);
    expect(cert.data.issueTaxCertificate.ok).toBe(true);
    // 30 000 000,00 ₽: beyond 2^31−1 kopecks, exact as a JSON number.
    expect(cert.data.issueTaxCertificate.certificate.totalKopecks).toBe(3 * MAX_KOPECKS);
    expect(cert.data.issueTaxCertificate.certificate.sums).toEqual([
      { code: '01', kopecks: 3 * MAX_KOPECKS },
    ]);
    // Read again later: the issued certificate stays readable.
    const again = await h.query(
      `query($p: ID!) { taxCertificates(patientId: $p) { totalKopecks } }`,
      { p: rich },
      who.accountant,
    );
    expect(again.data.taxCertificates).toEqual([{ totalKopecks: 3 * MAX_KOPECKS }]);
    const after = await reconciledCard();
    expect(after.paymentsKopecks - before.paymentsKopecks).toBe(3 * MAX_KOPECKS);
    expect(after.paymentsKopecks).toBeGreaterThan(2 ** 31 - 1);
  });
});
