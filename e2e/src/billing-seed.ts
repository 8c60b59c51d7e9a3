/**
 * Data of the billing journeys through the real API (gateway, staff tokens): the branch's prices
 * (set by an accountant), patients, invoices written by a cashier, staff with TOTP logins.
 */
import { randomUUID } from 'node:crypto';
import { authenticator } from 'otplib';
import type { Stack } from './stack';

export type Prices = {
  therapy: { id: string; name: string; kopecks: number };
  certificate: { id: string; name: string; kopecks: number };
};

/** Today's date in Moscow (the clinic's zone: billing's days), YYYY-MM-DD. */
export const clinicToday = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(new Date());

async function setPrice(s: Stack, token: string, input: Record<string, unknown>) {
  const r = await s.platform.query(
    `mutation ($input: SetPriceInput!) { setPrice(input: $input) { ok inputErrors { field code message } priceItem { id name priceKopecks } } }`,
    { input: { branchId: s.branch.id, vat: 'NONE', validFrom: clinicToday(), ...input } },
    token,
  );
  const item = r.data?.setPrice?.priceItem as { id: string; name: string; priceKopecks: number } | undefined;
  if (!item) throw new Error(`setPrice failed: ${JSON.stringify(r)}`);
  return { id: item.id, name: item.name, kopecks: item.priceKopecks };
}

/**
 * The branch's price list for the journeys (an accountant's setPrice): the therapist's visit of
 * the schedule (2 500 ₽) and a certificate (500 ₽), medical services without VAT. Codes are
 * unique per run, so several suites may seed the same stack.
 */
export async function seedPrices(s: Stack): Promise<Prices> {
  const accountant = await s.platform.account('accountant', { branchIds: [s.branch.id] });
  const suffix = randomUUID().slice(0, 8);
  return {
    therapy: await setPrice(s, accountant.token, {
      code: `therapy-${suffix}`,
      kind: 'SERVICE',
      refId: s.service.id,
      name: 'Приём терапевта',
      priceKopecks: 250000,
    }),
    certificate: await setPrice(s, accountant.token, {
      code: `cert-${suffix}`,
      kind: 'OTHER',
      name: 'Справка для бассейна',
      priceKopecks: 50000,
    }),
  };
}

/** A patient registered by reception (no portal account), with a unique phone. */
export async function registerPatient(s: Stack, lastName: string) {
  const desk = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
  const phone = `+7915${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const r = await s.platform.query(
    `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } inputErrors { code } } }`,
    {
      input: {
        lastName,
        firstName: 'Ирина',
        middleName: 'Олеговна',
        birthDate: '1972-05-09',
        sex: 'FEMALE',
        phone,
      },
    },
    desk.token,
  );
  const patientId = r.data?.registerPatient?.patient?.id as string | undefined;
  if (!patientId) throw new Error(`registerPatient failed: ${JSON.stringify(r)}`);
  return { patientId, phone };
}

/** An invoice written by a cashier through the API; resolves to its id and number. */
export async function createInvoice(
  s: Stack,
  patientId: string,
  lines: Array<{ priceItemId: string; quantity?: number }>,
): Promise<{ id: string; number: string }> {
  const cashier = await s.platform.account('cashier', { branchIds: [s.branch.id] });
  const r = await s.platform.query(
    `mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { ok inputErrors { field code message } invoice { id number } } }`,
    { input: { patientId, branchId: s.branch.id, lines, idempotencyKey: randomUUID() } },
    cashier.token,
  );
  const invoice = r.data?.createInvoice?.invoice as { id: string; number: string } | undefined;
  if (!invoice) throw new Error(`createInvoice failed: ${JSON.stringify(r)}`);
  return invoice;
}

/** A staff member of the branch with a password and TOTP (signs in through the staff app). */
export async function newStaff(s: Stack, role: 'cashier' | 'accountant', displayName: string) {
  const login = `${role}-${randomUUID().slice(0, 8)}@e2e.medikamente.test`;
  const password = `${role}-e2e-password`;
  const account = await s.platform.identity.createAccount({
    role,
    login,
    password,
    displayName,
    branchIds: [s.branch.id],
    totp: true,
  });
  const secret = account.totpSecret!;
  return { login, password, accountId: account.accountId, code: () => authenticator.generate(secret) };
}

/** An invoice as the API gives it to staff (sums and receipts), for checks beside the screen. */
export async function invoiceOf(s: Stack, id: string) {
  const accountant = await s.platform.account('accountant', { branchIds: [s.branch.id] });
  const r = await s.platform.query(
    `query ($id: ID!) { invoice(id: $id) { status totalKopecks paidKopecks refundedKopecks balanceKopecks
       payments { id method status amountKopecks receipts { operation totalKopecks fiscalSign } } } }`,
    { id },
    accountant.token,
  );
  return r.data.invoice as {
    status: string;
    totalKopecks: number;
    paidKopecks: number;
    refundedKopecks: number;
    balanceKopecks: number;
    payments: Array<{
      id: string;
      method: string;
      status: string;
      amountKopecks: number;
      receipts: Array<{ operation: string; totalKopecks: number; fiscalSign: string }>;
    }>;
  };
}

/** A draft contract for paid services, prepared by reception for the patient (createContract). */
export async function createContract(
  s: Stack,
  patientId: string,
  services: Array<{ priceItemId: string; quantity?: number }>,
): Promise<{ id: string; number: string; status: string }> {
  const desk = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
  const r = await s.platform.query(
    `mutation ($input: CreateContractInput!) { createContract(input: $input) { ok inputErrors { field code message } contract { id number status } } }`,
    {
      input: {
        patientId,
        branchId: s.branch.id,
        patient: {
          fullName: 'Соколова Анна Петровна',
          birthDate: '1985-03-14',
          address: 'г. Москва, ул. Тверская, д. 20, кв. 5',
          phone: '+7 916 000-11-22',
          document: {
            kind: 'Паспорт гражданина Российской Федерации',
            seriesNumber: '45 10 123456',
            issuedBy: 'ОВД района Тверской г. Москвы',
            issuedAt: '2005-04-01',
          },
        },
        services,
        idempotencyKey: randomUUID(),
      },
    },
    desk.token,
  );
  const contract = r.data?.createContract?.contract as
    | { id: string; number: string; status: string }
    | undefined;
  if (!contract) throw new Error(`createContract failed: ${JSON.stringify(r)}`);
  return contract;
}

/** A contract as the API gives it to staff (state of acceptance). */
export async function contractOf(s: Stack, id: string) {
  const desk = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
  const r = await s.platform.query(
    `query ($id: ID!) { contract(id: $id) { status acceptedAt acceptanceChannel } }`,
    { id },
    desk.token,
  );
  return r.data.contract as { status: string; acceptedAt: string | null; acceptanceChannel: string | null };
}

/**
 * A cash payment taken at the desk through the API (a cashier opens the register's shift, pays
 * the invoice in full, closes the shift): money in the ledger with its fiscal receipt.
 */
export async function payAtDesk(s: Stack, invoiceId: string, kopecks: number): Promise<void> {
  const cashier = await s.platform.account('cashier', { branchIds: [s.branch.id] });
  const q = (query: string, variables: Record<string, unknown>) =>
    s.platform.query(query, variables, cashier.token);
  const b = { b: s.branch.id };
  await q(`mutation ($b: ID!) { openFiscalShift(branchId: $b) { ok shift { id open } } }`, b);
  const r = await q(
    `mutation ($input: TakeDeskPaymentInput!) { takeDeskPayment(input: $input) { ok inputErrors { code message } payment { status } } }`,
    { input: { invoiceId, method: 'CASH', amountKopecks: kopecks, idempotencyKey: randomUUID() } },
  );
  await q(`mutation ($b: ID!) { closeFiscalShift(branchId: $b) { ok shift { id open } } }`, b);
  if (r.data?.takeDeskPayment?.payment?.status !== 'CAPTURED')
    throw new Error(`takeDeskPayment failed: ${JSON.stringify(r)}`);
}

/** The branch's reconciliation of a day as the API gives it to an accountant. */
export async function reconciliationOf(s: Stack, day: string) {
  const accountant = await s.platform.account('accountant', { branchIds: [s.branch.id] });
  const r = await s.platform.query(
    `query ($b: ID!, $d: String!) { reconciliation(branchId: $b, day: $d) { balanced
       ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }
       discrepancies { code message } } }`,
    { b: s.branch.id, d: day },
    accountant.token,
  );
  return r.data.reconciliation as {
    balanced: boolean;
    ledger: Array<{
      method: string;
      paymentsCount: number;
      paymentsKopecks: number;
      refundsCount: number;
      refundsKopecks: number;
      netKopecks: number;
    }>;
    discrepancies: Array<{ code: string; message: string }>;
  };
}

/** A patient's tax certificates as the API gives them to an accountant. */
export async function taxCertificatesOf(s: Stack, patientId: string) {
  const accountant = await s.platform.account('accountant', { branchIds: [s.branch.id] });
  const r = await s.platform.query(
    `query ($p: ID!) { taxCertificates(patientId: $p) { id number year totalKopecks sums { code kopecks } } }`,
    { p: patientId },
    accountant.token,
  );
  return r.data.taxCertificates as Array<{
    id: string;
    number: string;
    year: number;
    totalKopecks: number;
    sums: Array<{ code: string; kopecks: number }>;
  }>;
}
