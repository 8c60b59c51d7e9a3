import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import {
  createInvoice,
  invoice,
  openShift,
  people,
  priceConsultation,
  refund,
  takePayment,
} from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Ledger invariants by property: random sequences of desk operations against the real subgraph and
// the ATOL emulator (register outages included); after each sequence, every invoice's ledger,
// payments, refunds and receipts must agree, and the database must refuse to rewrite the ledger.
let h: BillingHarness;
let atol: AtolEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;

beforeAll(async () => {
  atol = await startAtolEmulator({ tickMs: 5 });
  h = await startBillingSubgraph({ env: { FISCAL_REGISTER_URL: atol.url } });
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant, 100_000);
  await openShift(h, who.cashier);
});
afterAll(async () => {
  await h?.stop();
  await atol?.close();
});

type Op =
  | { t: 'invoice'; quantity: number }
  | { t: 'pay'; invoice: number; method: 'CASH' | 'CARD'; amount: 'full' | 'half' | 'over' | number }
  | { t: 'refund'; payment: number; percent: number }
  | { t: 'replay' }
  | { t: 'down' }
  | { t: 'up' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('invoice' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('pay' as const),
      invoice: fc.nat(20),
      method: fc.constantFrom('CASH' as const, 'CARD' as const),
      amount: fc.oneof(
        fc.constantFrom('full' as const, 'half' as const, 'over' as const),
        fc.integer({ min: 1, max: 350_000 }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('refund' as const),
      payment: fc.nat(20),
      percent: fc.integer({ min: 1, max: 120 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'replay' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'down' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'up' as const }) },
);

type PayInput = { invoiceId: string; method: 'CASH' | 'CARD'; amountKopecks: number; idempotencyKey: string };
const PAY_REFUSALS = ['INVOICE_ALREADY_PAID', 'AMOUNT_EXCEEDS_BALANCE'];
const REFUND_REFUSALS = ['REFUND_EXCEEDS_PAID', 'PAYMENT_STATE'];

async function newInvoice(quantity: number): Promise<string> {
  const r = await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: priceId, quantity }]);
  expect(r.data.createInvoice.ok).toBe(true);
  return r.data.createInvoice.invoice.id;
}

/** Runs one sequence; returns the invoices it touched. */
async function runSequence(ops: Op[]): Promise<string[]> {
  const invoices = [await newInvoice(1)];
  const payments: Array<{ id: string; amount: number }> = [];
  let last: { input: PayInput; paymentId: string } | null = null;
  for (const op of ops) {
    if (op.t === 'invoice') invoices.push(await newInvoice(op.quantity));
    else if (op.t === 'down') await atol.fail('down');
    else if (op.t === 'up') await atol.fail(null);
    else if (op.t === 'pay') {
      const inv = await invoice(h, who.cashier, invoices[op.invoice % invoices.length]!);
      const balance: number = inv.balanceKopecks;
      const amountKopecks =
        op.amount === 'full'
          ? Math.max(1, balance)
          : op.amount === 'half'
            ? Math.max(1, Math.ceil(balance / 2))
            : op.amount === 'over'
              ? balance + 1
              : op.amount;
      const input: PayInput = {
        invoiceId: inv.id,
        method: op.method,
        amountKopecks,
        idempotencyKey: randomUUID(),
      };
      const r = await takePayment(h, who.cashier, input);
      expect(r.errors).toBeUndefined();
      const out = r.data.takeDeskPayment;
      if (out.ok) {
        expect(['CAPTURED', 'PENDING_FISCAL']).toContain(out.payment.status);
        seen[out.payment.status === 'CAPTURED' ? 'captured' : 'pendingFiscal']++;
        payments.push({ id: out.payment.id, amount: amountKopecks });
        last = { input, paymentId: out.payment.id };
      } else {
        expect(PAY_REFUSALS).toContain(out.inputErrors[0].code);
        seen.refused++;
      }
    } else if (op.t === 'replay') {
      if (!last) continue;
      // The same request again (a lost answer): the same payment, never a second one.
      const r = await takePayment(h, who.cashier, last.input);
      expect(r.data.takeDeskPayment.payment.id).toBe(last.paymentId);
      seen.replays++;
    } else if (op.t === 'refund') {
      if (payments.length === 0) continue;
      const p = payments[op.payment % payments.length]!;
      const amountKopecks = Math.max(1, Math.floor((p.amount * op.percent) / 100));
      const r = await refund(h, who.cashier, { paymentId: p.id, amountKopecks });
      expect(r.errors).toBeUndefined();
      const out = r.data.refundPayment;
      if (out.ok) {
        expect(['DONE', 'PENDING']).toContain(out.refund.status);
        seen[out.refund.status === 'DONE' ? 'refunds' : 'pendingRefunds']++;
      } else {
        expect(REFUND_REFUSALS).toContain(out.inputErrors[0].code);
        seen.refused++;
      }
    }
  }
  return invoices;
}

const num = (v: unknown) => Number(v ?? 0);

/** What the sequences did (so a green run is known not to be vacuous). */
const seen = { captured: 0, pendingFiscal: 0, refunds: 0, pendingRefunds: 0, replays: 0, refused: 0 };

/** The register back, the retry job finishes what it left: nothing pending stays. */
async function settle(invoiceIds: string[]) {
  await atol.fail(null);
  for (let i = 0; i < 20; i++) {
    const [row] = await h.service.database.query<{ n: string | number }>(
      `select (select count(*) from payment where invoice_id = any($1::uuid[]) and status = 'PENDING_FISCAL')
            + (select count(*) from refund where invoice_id = any($1::uuid[]) and status = 'PENDING') as n`,
      [invoiceIds],
    );
    if (num(row?.n) === 0) return;
    await new Promise((r) => setTimeout(r, 60));
    await h.service.services.retry.runOnce();
  }
  throw new Error('payments or refunds still pending after the register came back');
}

async function checkInvariants(invoiceId: string) {
  const q = h.service.database.query;
  const [sums] = await q<Record<string, string | number>>(
    `select coalesce(sum(amount_kopecks) filter (where kind = 'CHARGE'), 0) as charges,
            coalesce(sum(amount_kopecks) filter (where kind = 'PAYMENT'), 0) as payments,
            coalesce(sum(amount_kopecks) filter (where kind = 'REFUND'), 0) as refunds
       from ledger_entry where invoice_id = $1`,
    [invoiceId],
  );
  const [charges, paid, refunded] = [num(sums!.charges), num(sums!.payments), num(sums!.refunds)];
  // What the API shows is the ledger: balance = charges − payments + refunds.
  const api = await invoice(h, who.accountant, invoiceId);
  expect(api).toMatchObject({
    totalKopecks: charges,
    paidKopecks: paid,
    refundedKopecks: refunded,
    balanceKopecks: charges - paid + refunded,
  });
  // Never more kept than charged (a refunded amount may be paid again).
  expect(paid - refunded).toBeLessThanOrEqual(charges);
  expect(api.balanceKopecks).toBeGreaterThanOrEqual(0);

  const payments = await q<{
    id: string;
    status: string;
    amount: string | number;
    ledger: string | number | null;
  }>(
    `select p.id, p.status, p.amount_kopecks as amount, l.amount_kopecks as ledger
       from payment p left join ledger_entry l on l.payment_id = p.id and l.kind = 'PAYMENT' where p.invoice_id = $1`,
    [invoiceId],
  );
  const refunds = await q<{
    id: string;
    payment_id: string;
    status: string;
    amount: string | number;
    ledger: string | number | null;
  }>(
    `select f.id, f.payment_id, f.status, f.amount_kopecks as amount, l.amount_kopecks as ledger
       from refund f left join ledger_entry l on l.refund_id = f.id and l.kind = 'REFUND' where f.invoice_id = $1`,
    [invoiceId],
  );
  const receipts = await q<{ id: string; total: string | number }>(
    `select r.id, r.total_kopecks as total from receipt r join payment p on p.id = r.payment_id where p.invoice_id = $1`,
    [invoiceId],
  );
  const receiptTotal = new Map(receipts.map((r) => [String(r.id), num(r.total)]));
  for (const p of payments) {
    expect(['CAPTURED', 'FAILED']).toContain(p.status);
    // Money in the ledger exactly when captured, at the payment's amount, with its receipt printed once.
    expect(p.ledger === null ? null : num(p.ledger)).toBe(p.status === 'CAPTURED' ? num(p.amount) : null);
    expect(receiptTotal.get(String(p.id)) ?? null).toBe(p.status === 'CAPTURED' ? num(p.amount) : null);
    expect(atol.state.executions(String(p.id))).toBeLessThanOrEqual(1);
    const done = refunds.filter((r) => String(r.payment_id) === String(p.id) && r.status === 'DONE');
    expect(done.reduce((s, r) => s + num(r.ledger), 0)).toBeLessThanOrEqual(num(p.amount));
  }
  for (const r of refunds) {
    expect(['DONE', 'FAILED']).toContain(r.status);
    expect(r.ledger === null ? null : num(r.ledger)).toBe(r.status === 'DONE' ? num(r.amount) : null);
    expect(receiptTotal.get(String(r.id)) ?? null).toBe(r.status === 'DONE' ? num(r.amount) : null);
    expect(atol.state.executions(String(r.id))).toBeLessThanOrEqual(1);
  }
  const captured = payments.filter((p) => p.status === 'CAPTURED').length;
  const done = refunds.filter((r) => r.status === 'DONE').length;
  expect(receipts).toHaveLength(captured + done);
  // The register printed exactly the receipts we recorded.
  const ids = new Set(receipts.map((r) => String(r.id)));
  expect(atol.state.receipts.filter((r) => ids.has(r.uuid))).toHaveLength(receipts.length);
}

/** The database itself refuses to rewrite the ledger (whatever the code above it does). */
async function expectLedgerImmutable(invoiceId: string) {
  const q = h.service.database.query;
  await expect(
    q('update ledger_entry set amount_kopecks = amount_kopecks + 1 where invoice_id = $1', [invoiceId]),
  ).rejects.toThrow(/append-only/);
  await expect(q('delete from ledger_entry where invoice_id = $1', [invoiceId])).rejects.toThrow(
    /append-only/,
  );
}

describe('ledger invariants (property-based)', () => {
  it('hold after random sequences of invoices, desk payments, refunds, retries and register outages', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const invoices = await runSequence(ops);
        await settle(invoices);
        for (const id of invoices) await checkInvariants(id);
        await expectLedgerImmutable(invoices[0]!);
      }),
      {
        numRuns: 15,
        // One sequence that surely visits every path, besides the random ones.
        examples: [
          [
            [
              { t: 'pay', invoice: 0, method: 'CASH', amount: 'half' },
              { t: 'refund', payment: 0, percent: 40 },
              { t: 'down' },
              { t: 'pay', invoice: 0, method: 'CARD', amount: 'full' },
              { t: 'replay' },
              { t: 'refund', payment: 0, percent: 60 },
              { t: 'up' },
              { t: 'replay' },
              { t: 'pay', invoice: 0, method: 'CASH', amount: 'over' },
              { t: 'refund', payment: 1, percent: 120 },
            ],
          ],
        ],
      },
    );
    expect(seen.captured).toBeGreaterThan(0);
    expect(seen.pendingFiscal).toBeGreaterThan(0);
    expect(seen.refunds).toBeGreaterThan(0);
    expect(seen.pendingRefunds).toBeGreaterThan(0);
    expect(seen.replays).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  }, 120_000);

  it('the database refuses UPDATE, DELETE and TRUNCATE of the ledger', async () => {
    const id = await newInvoice(2);
    const q = h.service.database.query;
    const before = await q('select * from ledger_entry where invoice_id = $1', [id]);
    expect(before).toHaveLength(1);
    await expectLedgerImmutable(id);
    await expect(q('update ledger_entry set kind = kind where invoice_id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
    await expect(q('truncate ledger_entry cascade')).rejects.toThrow(/append-only/);
    expect(await q('select * from ledger_entry where invoice_id = $1', [id])).toEqual(before);
  });
});
