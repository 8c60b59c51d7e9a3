import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCertificate, fixtureContract } from '../src/modules/contracts/contracts.testing';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { FIXTURE_BRANCH } from '../src/testing';
import {
  createInvoice,
  openShift,
  people,
  priceConsultation,
  refund,
  staff,
  takePayment,
} from './billing-helpers';
import { acceptContract, download } from './contract-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// An attacker's view of FINANCIAL data: another patient's money and documents by every path
// (root fields, _entities with known ids, mutations, file routes), roles without FINANCIAL,
// and staff tokens without the second factor (branches: attacks-branches.int.test.ts).
let h: BillingHarness;
let deskA: AtolEmulator;
let who: Awaited<ReturnType<typeof people>>;
const victim = randomUUID();
const v = {} as {
  invoice: string;
  number: string;
  payment: string;
  refund: string;
  contract: string;
  certificate: string;
};

beforeAll(async () => {
  deskA = await startAtolEmulator();
  h = await startBillingSubgraph({ env: { FISCAL_REGISTER_URL: deskA.url } });
  who = await people(h);
  const priceA = await priceConsultation(h, who.accountant);
  await openShift(h, who.cashier);
  // The victim's invoice, paid in cash, partly refunded; their contract and tax certificate.
  const inv = (await createInvoice(h, who.cashier, victim, [{ priceItemId: priceA }])).data.createInvoice
    .invoice;
  v.invoice = inv.id;
  v.number = inv.number;
  v.payment = (
    await takePayment(h, who.cashier, { invoiceId: inv.id, method: 'CASH', amountKopecks: 250_000 })
  ).data.takeDeskPayment.payment.id;
  v.refund = (
    await refund(h, who.cashier, { paymentId: v.payment, amountKopecks: 10_000 })
  ).data.refundPayment.refund.id;
  v.contract = (await fixtureContract(h.service, victim, FIXTURE_BRANCH)).id;
  v.certificate = (await fixtureCertificate(h.service, victim)).certificate.id;
});
afterAll(async () => {
  await h?.stop();
  await deskA?.close();
});

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Invoice { id number totalKopecks paidKopecks lines { name } payments { id amountKopecks } }
  ... on Payment { id amountKopecks status receipts { fiscalSign } }
  ... on Refund { id amountKopecks reason }
  ... on Receipt { id totalKopecks fiscalSign customerContact }
  ... on Contract { id number totalKopecks pdfUrl }
  ... on TaxCertificate { id number totalKopecks xml } } }`;

const representations = () => [
  { __typename: 'Invoice', id: v.invoice },
  { __typename: 'Payment', id: v.payment },
  { __typename: 'Refund', id: v.refund },
  { __typename: 'Receipt', id: v.payment },
  { __typename: 'Contract', id: v.contract },
  { __typename: 'TaxCertificate', id: v.certificate },
];

const codesOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

/** Nothing of the victim's money in an answer: no amounts, no invoice number, no fiscal sign. */
function leaksNothing(answer: unknown) {
  const text = JSON.stringify(answer);
  expect(text).not.toMatch(/250000|240000|10000\b/);
  expect(text).not.toContain(v.number);
  expect(codesOf(answer as never)).not.toContain('INTERNAL');
}

const files = () => [
  `/contracts/${v.contract}/pdf`,
  `/tax-certificates/${v.certificate}/pdf`,
  `/tax-certificates/${v.certificate}/xml`,
];

describe('attacks on FINANCIAL data', () => {
  it('a patient reaches nothing of another patient through root fields or _entities', async () => {
    const q = (query: string, variables: Record<string, unknown> = {}) =>
      h.query(query, variables, who.patient);
    const reads = await Promise.all([
      q(`query($id: ID!) { invoice(id: $id) { id totalKopecks } }`, { id: v.invoice }),
      q(`query($p: ID!) { invoices(patientId: $p) { id totalKopecks } }`, { p: victim }),
      q(`query($id: ID!) { contract(id: $id) { id number } }`, { id: v.contract }),
      q(`query($p: ID!) { patientContracts(patientId: $p) { id number } }`, { p: victim }),
      q(`query($p: ID!) { taxCertificates(patientId: $p) { id number xml } }`, { p: victim }),
      q(`{ myInvoices { id } myContracts { id } }`),
    ]);
    expect(reads.map((r) => r.data)).toEqual([
      { invoice: null },
      { invoices: [] },
      { contract: null },
      { patientContracts: [] },
      { taxCertificates: [] },
      { myInvoices: [], myContracts: [] },
    ]);
    const entities = await q(ENTITIES, { r: representations() });
    expect(entities.data?._entities ?? []).toEqual(representations().map(() => null));
    leaksNothing(entities);
    for (const r of reads) leaksNothing(r);
  });

  it('a patient cannot pay, accept or certify for another patient, nor take money at the desk', async () => {
    const pay = await h.query(
      `mutation($i: PayInvoiceOnlineInput!) { payInvoiceOnline(input: $i) { ok inputErrors { code } payment { id } } }`,
      { i: { invoiceId: v.invoice, idempotencyKey: randomUUID() } },
      who.patient,
    );
    // Online payments are off here; either way nothing is started for a foreign invoice.
    expect(pay.data?.payInvoiceOnline?.payment ?? null).toBeNull();
    leaksNothing(pay);
    const accepted = await acceptContract(h, who.patient, v.contract);
    expect(accepted.data.acceptContract.inputErrors.map((e: { code: string }) => e.code)).toEqual([
      'NOT_FOUND',
    ]);
    const still = await h.service.stores.contracts.byIds([v.contract]);
    expect(still.get(v.contract)!.status).toBe('DRAFT');
    const certify = (patientId: string, expensiveInvoiceIds: string[] = []) =>
      h.query(
        `mutation($i: IssueTaxCertificateInput!) { issueTaxCertificate(input: $i) { ok inputErrors { field code } certificate { id totalKopecks } } }`,
        {
          i: {
            patientId,
            year: 2026,
            expensiveInvoiceIds,
            idempotencyKey: randomUUID(),
            taxpayer: {
              fullName: 'Злоумышленников Пётр Иванович',
              birthDate: '1980-01-01',
              document: { code: '21', seriesNumber: '45 01 000001', issuedAt: '2005-01-01' },
            },
          },
        },
        who.patient,
      );
    const foreign = await certify(victim);
    expect(foreign.data.issueTaxCertificate).toMatchObject({ ok: false, certificate: null });
    expect(foreign.data.issueTaxCertificate.inputErrors[0].code).toBe('NOT_FOUND');
    const smuggled = await certify(who.patientId, [v.invoice]);
    expect(smuggled.data.issueTaxCertificate.certificate).toBeNull();
    for (const r of [foreign, smuggled]) leaksNothing(r);
    const desk = await takePayment(h, who.patient, {
      invoiceId: v.invoice,
      method: 'CASH',
      amountKopecks: 1,
    });
    const back = await refund(h, who.patient, { paymentId: v.payment, amountKopecks: 1 });
    expect([...codesOf(desk), ...codesOf(back)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('the file routes give another patient, doctors, partners, IT, security and analysts nothing', async () => {
    const outsiders = [
      who.patient,
      who.doctor,
      await h.tokenFor(staff('lab_partner')),
      await h.tokenFor(staff('it_admin')),
      await h.tokenFor(staff('security_officer')),
      await h.tokenFor(staff('analyst')),
    ];
    for (const token of outsiders)
      for (const path of files()) {
        const r = await download(h, path, token);
        expect([403, 404], `${path}`).toContain(r.status);
        expect(r.bytes.toString('latin1')).not.toMatch(/%PDF|<\?xml/);
      }
    for (const path of files()) expect((await download(h, path)).status).toBe(401);
    // Guessed ids and path tricks answer 404 like an unknown document.
    for (const path of [`/contracts/${randomUUID()}/pdf`, '/contracts/..%2F..%2Fetc%2Fpasswd/pdf'])
      expect((await download(h, path, who.accountant)).status).toBe(404);
    // The rightful readers get the files.
    expect((await download(h, files()[0]!, who.accountant)).status).toBe(200);
    expect((await download(h, files()[2]!, who.accountant)).status).toBe(200);
  });

  it('roles without FINANCIAL see no field of an invoice, payment, receipt, contract or certificate', async () => {
    for (const role of ['doctor', 'lab_partner', 'it_admin', 'security_officer', 'analyst']) {
      const token = await h.tokenFor(staff(role));
      const r = await h.query(ENTITIES, { r: representations() }, token);
      expect(r.data?._entities ?? []).toEqual(representations().map(() => null));
      leaksNothing(r);
      const root = await h.query(
        `query($id: ID!) { invoice(id: $id) { id totalKopecks } }`,
        { id: v.invoice },
        token,
      );
      expect(root.data?.invoice ?? null).toBeNull();
      leaksNothing(root);
    }
  });

  it('staff without the second factor are refused, in GraphQL and on the file routes', async () => {
    for (const role of ['cashier', 'accountant', 'receptionist']) {
      const token = await h.tokenFor({ ...staff(role), amr: ['pwd'] });
      const r = await h.query(ENTITIES, { r: representations() }, token);
      // Refused as a whole (no data at all) or per object: either way nothing is served.
      expect((r.data?._entities ?? []).filter((e: unknown) => e !== null)).toEqual([]);
      expect(codesOf(r).length).toBeGreaterThan(0);
      leaksNothing(r);
      const root = await h.query(
        `query($id: ID!) { invoice(id: $id) { id totalKopecks } }`,
        { id: v.invoice },
        token,
      );
      expect(root.data?.invoice ?? null).toBeNull();
      expect(codesOf(root).length).toBeGreaterThan(0);
      for (const path of files()) expect([401, 403]).toContain((await download(h, path, token)).status);
    }
    const weak = await h.tokenFor({ ...staff('cashier', { bid: [FIXTURE_BRANCH] }), amr: ['pwd'] });
    const before = deskA.state.receipts.length;
    const pay = await takePayment(h, weak, { invoiceId: v.invoice, method: 'CASH', amountKopecks: 1 });
    const back = await refund(h, weak, { paymentId: v.payment, amountKopecks: 1 });
    expect(pay.data?.takeDeskPayment ?? null).toBeNull();
    expect(back.data?.refundPayment ?? null).toBeNull();
    expect(deskA.state.receipts.length).toBe(before);
  });
});
