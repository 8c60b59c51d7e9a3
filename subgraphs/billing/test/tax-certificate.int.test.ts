import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../src/modules/documents/format';
import { plain, readPdf } from '../src/modules/documents/read-pdf.testing';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import {
  createInvoice,
  openShift,
  people,
  priceConsultation,
  refund,
  staff,
  takePayment,
} from './billing-helpers';
import { download } from './contract-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// The tax-deduction certificate from the ledger: payments minus refunds of the patient's invoices
// written in the calendar year (Moscow time), by service code; its PDF and windows-1251 XML files.
let h: BillingHarness;
let atol: AtolEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;
const YEAR = DateTime.now().setZone('Europe/Moscow').year;

const TAXPAYER = {
  fullName: 'Тестов Андрей Петрович',
  inn: '772400000010',
  birthDate: '1960-02-03',
  document: { code: '21', seriesNumber: '45 01 654321', issuedAt: '2005-03-04' },
};
const CHILD = {
  fullName: 'Тестова Алиса Андреевна',
  birthDate: '2012-06-15',
  relation: 'CHILD',
  document: { code: '03', seriesNumber: 'IV-МЮ 123456', issuedAt: '2012-06-20' },
};

const FIELDS =
  'id number patientId year issuedAt totalKopecks sums { code kopecks } fileName xml pdfUrl xmlUrl';
function issue(token: string, input: Record<string, unknown>) {
  return h.query(
    `mutation($i: IssueTaxCertificateInput!) { issueTaxCertificate(input: $i) {
       ok inputErrors { field code message } certificate { ${FIELDS} } } }`,
    { i: { taxpayer: TAXPAYER, idempotencyKey: randomUUID(), ...input } },
    token,
  );
}

async function newInvoice(patientId: string, quantity = 1) {
  const r = await createInvoice(h, who.cashier, patientId, [{ priceItemId: priceId, quantity }]);
  expect(r.data.createInvoice.inputErrors).toEqual([]);
  return r.data.createInvoice.invoice.id as string;
}

async function pay(invoiceId: string, amountKopecks: number, method: 'CASH' | 'CARD' = 'CASH') {
  const r = await takePayment(h, who.cashier, { invoiceId, method, amountKopecks });
  expect(r.data.takeDeskPayment.payment.status).toBe('CAPTURED');
  return r.data.takeDeskPayment.payment.id as string;
}

/** A payment captured at a given moment: the payment through the store, its ledger entry at `at`. */
async function paidAt(invoiceId: string, patientId: string, amountKopecks: number, at: string) {
  await h.service.database.tx(async () => {
    const p = await h.service.stores.payments.insert({
      id: randomUUID(),
      invoiceId,
      patientId,
      method: 'CASH',
      amountKopecks,
      status: 'CAPTURED',
      statusReason: null,
      registerId: 'test-register',
      providerPaymentId: null,
      confirmationUrl: null,
      customerContact: null,
      createdBy: 'test-cashier',
    });
    await h.service.database.query(
      `insert into ledger_entry (invoice_id, kind, amount_kopecks, payment_id, actor, created_at)
       values ($1, 'PAYMENT', $2, $3, 'test-cashier', $4)`,
      [invoiceId, amountKopecks, p.id, at],
    );
  });
}

let expensiveInvoice: string;
beforeAll(async () => {
  atol = await startAtolEmulator();
  h = await startBillingSubgraph({ env: { FISCAL_REGISTER_URL: atol.url } });
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant, 250_000);
  await openShift(h, who.cashier);
  // This year: 5 000 ₽ paid in cash, 1 000 ₽ of it refunded; 2 500 ₽ by card for expensive treatment.
  const ordinary = await newInvoice(who.patientId, 2);
  const cash = await pay(ordinary, 500_000);
  expect(
    (await refund(h, who.cashier, { paymentId: cash, amountKopecks: 100_000 })).data.refundPayment.refund
      .status,
  ).toBe('DONE');
  expensiveInvoice = await newInvoice(who.patientId);
  await pay(expensiveInvoice, 250_000, 'CARD');
  // At the turn of the year: 23:59:59 on 31 December in Moscow belongs to the year before, 00:00 to this one.
  const turn = await newInvoice(who.patientId);
  await paidAt(turn, who.patientId, 100_000, `${YEAR - 1}-12-31T20:59:59Z`);
  await paidAt(turn, who.patientId, 70_000, `${YEAR - 1}-12-31T21:00:00Z`);
  // Another patient's payment never counts.
  await pay(await newInvoice(randomUUID()), 250_000);
});
afterAll(async () => {
  await h?.stop();
  await atol?.close();
});

describe('tax-deduction certificate from the ledger', () => {
  it('sums payments minus refunds of the year by service code, and writes them into the XML', async () => {
    const r = await issue(who.accountant, {
      patientId: who.patientId,
      year: YEAR,
      expensiveInvoiceIds: [expensiveInvoice],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.issueTaxCertificate.inputErrors).toEqual([]);
    const c = r.data.issueTaxCertificate.certificate;
    expect(c).toMatchObject({
      year: YEAR,
      totalKopecks: 720_000,
      sums: [
        { code: '01', kopecks: 500_000 - 100_000 + 70_000 },
        { code: '02', kopecks: 250_000 },
      ],
    });
    expect(c.number).toMatch(new RegExp(`^${YEAR}-\\d{6}$`));
    expect(c.fileName).toMatch(/^UT_SVOPLMEDUSL_7704_7704_7704123450770401001_\d{8}_[0-9A-F-]{36}\.xml$/);
    const file = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(c.xml).Файл;
    expect(`${file.ИдФайл}.xml`).toBe(c.fileName);
    const doc = file.Документ;
    expect(doc).toMatchObject({ ОтчГод: String(YEAR), НомСправ: c.number, ПрПацНП: '1' });
    expect(doc.СумРасх).toEqual([
      { КодУсл: '01', Сумма: '4700.00' },
      { КодУсл: '02', Сумма: '2500.00' },
    ]);
    expect(doc.НП.ИННФЛ).toBe(TAXPAYER.inn);
  });

  it('the year before holds only what was captured before midnight of 31 December in Moscow', async () => {
    const r = await issue(who.accountant, { patientId: who.patientId, year: YEAR - 1, patient: CHILD });
    const c = r.data.issueTaxCertificate.certificate;
    expect(c).toMatchObject({
      year: YEAR - 1,
      totalKopecks: 100_000,
      sums: [{ code: '01', kopecks: 100_000 }],
    });
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(c.xml).Файл
      .Документ;
    expect(doc.ПрПацНП).toBe('0');
    expect(doc.Пациент.ФИО).toMatchObject({ Фамилия: 'Тестова', Имя: 'Алиса' });
  });

  it('a retried issue returns the same certificate; an issued certificate never changes', async () => {
    const key = randomUUID();
    const input = { patientId: who.patientId, year: YEAR, idempotencyKey: key };
    const first = (await issue(who.accountant, input)).data.issueTaxCertificate.certificate;
    const again = (await issue(who.accountant, input)).data.issueTaxCertificate.certificate;
    expect(again.id).toBe(first.id);
    expect(first.sums).toEqual([{ code: '01', kopecks: 720_000 }]);
    const db = h.service.database;
    await expect(
      db.query('update tax_certificate set total_kopecks = 1 where id = $1', [first.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('delete from tax_certificate where id = $1', [first.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses what cannot be certified, with field paths', async () => {
    const codes = async (token: string, input: Record<string, unknown>) =>
      (await issue(token, input)).data.issueTaxCertificate.inputErrors.map(
        (e: { field: string; code: string }) => [e.field, e.code],
      );
    expect(await codes(who.accountant, { patientId: who.patientId, year: 2023 })).toEqual([
      ['input.year', 'BAD_USER_INPUT'],
    ]);
    expect(await codes(who.accountant, { patientId: randomUUID(), year: YEAR })).toEqual([
      ['input.year', 'NOTHING_PAID'],
    ]);
    expect(
      await codes(who.accountant, {
        patientId: who.patientId,
        year: YEAR,
        taxpayer: { ...TAXPAYER, inn: '772400000011' },
      }),
    ).toEqual([['input.taxpayer.inn', 'CERTIFICATE_DATA_INVALID']]);
    const foreign = await newInvoice(randomUUID());
    expect(
      await codes(who.accountant, { patientId: who.patientId, year: YEAR, expensiveInvoiceIds: [foreign] }),
    ).toEqual([['input.expensiveInvoiceIds.0', 'NOT_FOUND']]);
    const other = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: randomUUID() });
    expect(await codes(other, { patientId: who.patientId, year: YEAR })).toEqual([
      ['input.patientId', 'NOT_FOUND'],
    ]);
    const doctor = await issue(who.doctor, { patientId: who.patientId, year: YEAR });
    expect(doctor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('tax certificate files and access', () => {
  it('the patient issues their own; PDF and windows-1251 XML for them and accountants, nobody else', async () => {
    const r = await issue(who.patient, { patientId: who.patientId, year: YEAR });
    expect(r.data.issueTaxCertificate.inputErrors).toEqual([]);
    const c = r.data.issueTaxCertificate.certificate;
    expect(c.pdfUrl).toMatch(new RegExp(`/files/tax-certificates/${c.id}/pdf$`));
    const pdf = await download(h, `/tax-certificates/${c.id}/pdf`, who.accountant);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = (await readPdf(pdf.bytes)).text;
    expect(text).toContain('Тестов');
    expect(text).toContain(plain(formatAmount(720_000)));
    const xml = await download(h, `/tax-certificates/${c.id}/xml`, who.patient);
    expect(xml.status).toBe(200);
    expect(xml.headers.get('content-disposition')).toContain(c.fileName);
    expect(new TextDecoder('windows-1251').decode(xml.bytes)).toBe(c.xml);
    expect(xml.bytes.includes(Buffer.from('Тестов', 'utf8'))).toBe(false);
    const other = await h.tokenFor({ role: 'patient', sub: randomUUID(), pid: randomUUID() });
    expect((await download(h, `/tax-certificates/${c.id}/pdf`, other)).status).toBe(404);
    const list = await h.query(
      `query($p: ID!) { taxCertificates(patientId: $p) { id } }`,
      { p: who.patientId },
      other,
    );
    expect(list.data.taxCertificates).toEqual([]);
    expect((await download(h, `/tax-certificates/${c.id}/xml`, who.cashier)).status).toBe(403);
    expect((await download(h, `/tax-certificates/${c.id}/pdf`, who.doctor)).status).toBe(403);
    expect(
      (await download(h, `/tax-certificates/${c.id}/pdf`, await h.tokenFor(staff('analyst')))).status,
    ).toBe(403);
    const mine = await h.query(
      `query($p: ID!) { taxCertificates(patientId: $p) { id year } }`,
      { p: who.patientId },
      who.patient,
    );
    expect(mine.data.taxCertificates.map((x: { id: string }) => x.id)).toContain(c.id);
  });
});
