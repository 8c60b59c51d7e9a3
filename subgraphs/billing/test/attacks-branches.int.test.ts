import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureContract } from '../src/modules/contracts/contracts.testing';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { FIXTURE_BRANCH, FIXTURE_SERVICE } from '../src/testing';
import { openShift, people, refund, staff, takePayment } from './billing-helpers';
import { contractInput, createContract, signAtDesk } from './contract-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// Staff bound to a branch (the token's bid) act only on their branch's money and documents:
// branch A's cashier or receptionist against branch B's invoice, payment, register and contract.
let h: BillingHarness;
let deskA: AtolEmulator;
let deskB: AtolEmulator;
let who: Awaited<ReturnType<typeof people>>;
const BRANCH_B = randomUUID();
const victim = randomUUID();
let cashierB: string;
const v = {} as { invoiceB: string; paymentB: string };

beforeAll(async () => {
  [deskA, deskB] = await Promise.all([startAtolEmulator(), startAtolEmulator()]);
  h = await startBillingSubgraph({
    env: { FISCAL_REGISTER_URL: deskA.url, FISCAL_REGISTERS: `${BRANCH_B}=${deskB.url}` },
  });
  who = await people(h);
  cashierB = await h.tokenFor(staff('cashier', { bid: [BRANCH_B] }));
  await openShift(h, who.cashier);
  // Branch B: its own price list, register and cashier; a paid invoice there.
  const priceB = await h.query(
    `mutation($i: SetPriceInput!) { setPrice(input: $i) { priceItem { id } } }`,
    {
      i: {
        ...{ branchId: BRANCH_B, code: 'B-CONS', kind: 'SERVICE', refId: FIXTURE_SERVICE },
        ...{ name: 'Приём терапевта', priceKopecks: 180_000, vat: 'NONE', validFrom: '2026-01-01' },
      },
    },
    who.accountant,
  );
  const priceBId = priceB.data.setPrice.priceItem.id;
  const invB = await h.query(
    `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { invoice { id } } }`,
    {
      i: {
        patientId: victim,
        branchId: BRANCH_B,
        lines: [{ priceItemId: priceBId }],
        idempotencyKey: randomUUID(),
      },
    },
    cashierB,
  );
  v.invoiceB = invB.data.createInvoice.invoice.id;
  await h.query(`mutation($b: ID!) { openFiscalShift(branchId: $b) { ok } }`, { b: BRANCH_B }, cashierB);
  v.paymentB = (
    await takePayment(h, cashierB, { invoiceId: v.invoiceB, method: 'CARD', amountKopecks: 180_000 })
  ).data.takeDeskPayment.payment.id;
});
afterAll(async () => {
  await h?.stop();
  await Promise.all([deskA?.close(), deskB?.close()]);
});

const codesOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

describe("a branch's cashier on another branch", () => {
  it('cannot take a payment, open or close the shift of branch B', async () => {
    const pay = await takePayment(h, who.cashier, {
      invoiceId: v.invoiceB,
      method: 'CASH',
      amountKopecks: 1,
    });
    expect(codesOf(pay)).toEqual(['FORBIDDEN']);
    for (const op of ['openFiscalShift', 'closeFiscalShift']) {
      const r = await h.query(
        `mutation($b: ID!) { ${op}(branchId: $b) { ok shift { open } } }`,
        { b: BRANCH_B },
        who.cashier,
      );
      expect(codesOf(r)).toEqual(['FORBIDDEN']);
    }
  });

  it('cannot refund a payment of branch B (nothing returned, no receipt printed)', async () => {
    const before = deskB.state.receipts.length;
    const r = await refund(h, who.cashier, { paymentId: v.paymentB, amountKopecks: 180_000 });
    expect(r.data?.refundPayment?.refund ?? null).toBeNull();
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
    expect(deskB.state.receipts.length).toBe(before);
    const refunds = (await h.service.stores.payments.refundsOf([v.paymentB])).get(v.paymentB)!;
    expect(refunds).toEqual([]);
  });

  it('cannot send a payment of branch B to the register again, nor write invoices at branch B', async () => {
    const retry = await h.query(
      `mutation($id: ID!) { retryPaymentFiscalisation(paymentId: $id) { ok inputErrors { code } payment { id status } } }`,
      { id: v.paymentB },
      who.cashier,
    );
    expect(codesOf(retry)).toEqual(['FORBIDDEN']);
    const priceB = (await h.service.stores.prices.forRef(
      BRANCH_B,
      'SERVICE',
      FIXTURE_SERVICE,
      '2026-06-01',
    ))!;
    const inv = await h.query(
      `mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { ok invoice { id } } }`,
      {
        i: {
          ...{ patientId: victim, branchId: BRANCH_B, lines: [{ priceItemId: priceB.id }] },
          idempotencyKey: randomUUID(),
        },
      },
      who.cashier,
    );
    expect(codesOf(inv)).toEqual(['FORBIDDEN']);
    // Reception of branch A neither writes nor signs branch B's contracts.
    const receptionistA = await h.tokenFor(staff('receptionist', { bid: [FIXTURE_BRANCH] }));
    const contractB = await fixtureContract(h.service, victim, BRANCH_B);
    const signed = await signAtDesk(h, receptionistA, contractB.id);
    const made = await createContract(
      h,
      receptionistA,
      contractInput(victim, [{ priceItemId: priceB.id }], { branchId: BRANCH_B }),
    );
    expect([...codesOf(signed), ...codesOf(made)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect((await h.service.stores.contracts.byIds([contractB.id])).get(contractB.id)!.status).toBe('DRAFT');
    // The branch's own cashier and an accountant (every branch) still can.
    const own = await refund(h, cashierB, { paymentId: v.paymentB, amountKopecks: 1_000 });
    expect(own.data.refundPayment.refund.status).toBe('DONE');
  });
});
