import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '@medikamente/runtime';
import { until } from '@medikamente/runtime/testing/tools';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { parse, stringify } from 'yaml';
import type { Platform } from './platform';

/**
 * The clinic's ordinary day through the gateway, as the demo seed describes the clinic
 * (scripts/seed.ts: a Moscow and a Kaliningrad branch, doctors working in them, one receptionist
 * for both, a cashier, patients with appointments and therefore care relationships, a patient
 * with a portal account). Shared by the "zero false alarms" test and `pnpm bench:security`;
 * imports no vitest, so the benchmark can run it.
 */

/** The staff's reads, with the operation names the reception and portal apps send. */
export const OPS = {
  journal: `query BranchJournal($branchId: ID!, $date: String!) {
    branchJournal(branchId: $branchId, date: $date) { id status startsAt patientId patient { id fullName phone } }
  }`,
  search: `query SearchPatients($query: PatientSearchInput!) {
    searchPatients(query: $query, first: 20) { nodes { id fullName phone email birthDate } }
  }`,
  cashierSearch: `query CashierPatientSearch($query: PatientSearchInput!) {
    searchPatients(query: $query, first: 20) { nodes { id fullName phone } }
  }`,
  card: `query PatientCard($id: ID!) {
    patient(id: $id) { id fullName phone email birthDate sex passport snils homeAddress workplace }
  }`,
  doctorPatient: `query DoctorPatient($id: ID!) {
    patient(id: $id) { id fullName birthDate ageYears sex phone email chronicConditions }
  }`,
  recordAccess: `query RecordAccess($patientId: ID!) { recordAccess(patientId: $patientId) { patientId level } }`,
  visits: 'query PatientVisits($patientId: ID!) { visits(patientId: $patientId) { id } }',
  invoices: `query PatientInvoices($patientId: ID!) { invoices(patientId: $patientId) { id status totalKopecks } }`,
  invoice: `mutation CreateDeskInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) { ok inputErrors { code } invoice { id } }
  }`,
  myRecord: 'query MyRecord { myRecord { id startedAt } }',
  breakGlass: `mutation BreakGlass($input: BreakGlassInput!) { breakGlass(input: $input) { ok inputErrors { code } } }`,
  setVip: `mutation SetVip($input: SetVipPatientInput!) { setVipPatient(input: $input) { ok inputErrors { code } } }`,
} as const;

type Token = { token: string; accountId: string };
export type DayPatient = {
  id: string;
  phone: string;
  doctor: Token;
  branchId: string;
  day: string;
  token: string;
};

/** Fails loudly: a read of the ordinary day that errs would hide what the rules should see. */
async function ask(p: Platform, q: string, variables: Record<string, unknown>, who: Token) {
  const r = await p.query(q, variables, who.token);
  if (r.errors?.length)
    throw new Error(
      `${q.slice(0, 40)}: ${JSON.stringify(r.errors.map((e) => [e.extensions?.code, e.message]))}`,
    );
  return r.data;
}

/**
 * The clinic of the seed on a fresh platform: two branches (Moscow, Kaliningrad), a doctor in each,
 * reception for both, a cashier, and `patients` patients (each with a portal account) who book a
 * doctor through the gateway — the appointment events give the doctors their care relationships.
 */
export async function seedClinic(p: Platform, opts: { patients: number }) {
  const f = factories(p.schedule);
  const moscow = await f.branch('Europe/Moscow');
  const kaliningrad = await f.branch('Europe/Kaliningrad');
  const service = await f.service(30);
  const doctors = await Promise.all(
    [moscow, kaliningrad].map(async (branch) => {
      const account = await p.account('doctor', { branchIds: [branch.id] });
      const specialist = await f.doctor(branch.id, [service.id], { accountId: account.accountId });
      return { branch, account, specialist };
    }),
  );
  // A consultation's price in each branch (the accountant's price list).
  const prices = new Map<string, string>();
  for (const branch of [moscow, kaliningrad]) {
    const item = await p.billing.stores.prices.add(
      {
        branchId: branch.id,
        code: `CONS-${randomUUID().slice(0, 8)}`,
        kind: 'SERVICE',
        refId: service.id,
        name: 'Приём терапевта, первичный',
        priceKopecks: 250_000,
        vat: 'none',
        validFrom: '2020-01-01',
        validTo: null,
      },
      'privacy-day',
    );
    prices.set(branch.id, item!.id);
  }
  const reception = await p.account('receptionist', { branchIds: [moscow.id, kaliningrad.id] });
  const cashier = await p.account('cashier', { branchIds: [moscow.id, kaliningrad.id] });
  const patients: DayPatient[] = [];
  for (let i = 0; i < opts.patients; i++) {
    const d = doctors[i % doctors.length]!;
    const phone = `+7916${String(1_000_000 + Math.floor(Math.random() * 8_999_999))}`;
    const { patient } = await p.patient.stores.patients.create(
      {
        lastName: i % 2 ? 'Соколова' : 'Морозов',
        firstName: i % 2 ? 'Анна' : 'Игорь',
        birthDate: `19${60 + (i % 35)}-0${1 + (i % 9)}-1${i % 10}`,
        sex: i % 2 ? 'FEMALE' : 'MALE',
        phone,
      },
      { createdBy: 'privacy-day' },
    );
    const account = await p.account('patient', { patientId: patient.id });
    // Eight morning slots a day per doctor, from tomorrow on.
    const slot = Math.floor(i / doctors.length);
    const day = localDay(d.branch.timeZone, 1 + Math.floor(slot / 8));
    const minutes = 9 * 60 + (slot % 8) * 30;
    const at = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const booked = await ask(
      p,
      `mutation($input: BookingInput!) { bookAppointment(input: $input) { appointment { id } inputErrors { code } } }`,
      {
        input: {
          specialistId: d.specialist.id,
          branchId: d.branch.id,
          serviceId: service.id,
          startsAt: `${day}T${at}`,
          idempotencyKey: `k-${randomUUID()}`,
        },
      },
      account,
    );
    if (booked.bookAppointment.inputErrors.length)
      throw new Error(`booking refused: ${JSON.stringify(booked.bookAppointment.inputErrors)}`);
    patients.push({
      id: patient.id,
      phone,
      doctor: d.account,
      branchId: d.branch.id,
      day,
      token: account.token,
    });
  }
  // The appointment events reach record and patient asynchronously: wait for every relationship.
  for (const pt of patients)
    await until('care relationship', async () => {
      const r = await p.query(OPS.recordAccess, { patientId: pt.id }, pt.doctor.token);
      return r.data?.recordAccess?.level === 'FULL';
    });
  return { branches: [moscow, kaliningrad], doctors, reception, cashier, patients, prices };
}
export type Clinic = Awaited<ReturnType<typeof seedClinic>>;

/** What one person does once in an ordinary day; the list is the day's mix of work. */
export function ordinaryWork(p: Platform, c: Clinic) {
  return [
    // Reception opens the day's journal, finds the caller by phone and opens the card.
    async (pt: DayPatient) => {
      await ask(p, OPS.journal, { branchId: pt.branchId, date: pt.day }, c.reception);
      await ask(p, OPS.search, { query: { phone: pt.phone } }, c.reception);
      await ask(p, OPS.card, { id: pt.id }, c.reception);
    },
    // The patient's own doctor opens the patient and the record.
    async (pt: DayPatient) => {
      await ask(p, OPS.doctorPatient, { id: pt.id }, pt.doctor);
      await ask(p, OPS.visits, { patientId: pt.id }, pt.doctor);
    },
    // The cashier finds the patient, invoices the consultation and opens the patient's invoices.
    async (pt: DayPatient) => {
      await ask(p, OPS.cashierSearch, { query: { phone: pt.phone } }, c.cashier);
      const r = await ask(
        p,
        OPS.invoice,
        {
          input: {
            patientId: pt.id,
            branchId: pt.branchId,
            lines: [{ priceItemId: c.prices.get(pt.branchId) }],
            idempotencyKey: randomUUID(),
          },
        },
        c.cashier,
      );
      if (!r.createInvoice.ok)
        throw new Error(`createInvoice: ${JSON.stringify(r.createInvoice.inputErrors)}`);
      await ask(p, OPS.invoices, { patientId: pt.id }, c.cashier);
    },
    // The patient reads their own record in the portal.
    async (pt: DayPatient) => {
      await ask(p, OPS.myRecord, {}, { token: pt.token, accountId: '' });
    },
  ];
}

/** Break-glass: a doctor without a relationship opens a patient's record in an emergency. */
export async function breakGlassRead(p: Platform, doctor: Token, patientId: string) {
  const r = await ask(
    p,
    OPS.breakGlass,
    { input: { patientId, reason: 'Пациент доставлен без сознания, лечащий врач недоступен' } },
    doctor,
  );
  if (!r.breakGlass.ok) throw new Error(`breakGlass refused: ${JSON.stringify(r.breakGlass.inputErrors)}`);
  await ask(p, OPS.visits, { patientId }, doctor);
}

/** Every source's audit head as the source itself has it. */
export async function sourceHeads(p: Platform): Promise<Record<string, number>> {
  const services = {
    identity: p.identity,
    patient: p.patient,
    schedule: p.schedule,
    record: p.record,
    lab: p.lab,
    billing: p.billing,
  };
  const out: Record<string, number> = {};
  for (const [name, s] of Object.entries(services)) out[name] = (await new AuditLog(s.database).head()).seq;
  return out;
}

/**
 * Waits until the stream has copied every source up to its head now and the rules have read the
 * whole stream (bounded: `until`'s tries).
 */
export async function streamDrained(p: Platform): Promise<void> {
  const heads = await sourceHeads(p);
  const db = p.security.database;
  await until('audit stream caught up', async () => {
    const rows = await db.query<{ service: string; last_seq: string }>(
      'select service, last_seq from audit_source',
    );
    const copied = new Map(rows.map((r) => [r.service, Number(r.last_seq)]));
    return Object.entries(heads).every(([s, head]) => (copied.get(s) ?? 0) >= head);
  });
  await until('monitoring rules drained', async () => {
    const [row] = await db.query<{ behind: boolean }>(
      `select coalesce((select max(stream_id) from audit_record), 0) >
              coalesce((select position from monitoring_cursor where name = 'rules.stream'), 0) as behind`,
    );
    return row?.behind === false;
  });
}

/**
 * A copy of the shipped rules whose working hours cover this run: the default hours (07:30–21:30)
 * in a fixed-offset zone where it is now about noon, every weekday. Event times come from the
 * services' clocks and cannot be set through the API, so a run at night in Moscow would otherwise
 * see the ordinary day as after-hours work. Every other rule keeps its shipped thresholds.
 */
export function rulesFileForNow(dir = tmpdir()): string {
  const shipped = parse(
    readFileSync(new URL('../../subgraphs/security/config/monitoring-rules.yaml', import.meta.url), 'utf8'),
  );
  // Etc/GMT-N is UTC+N; N in -11..12 puts the local time at 12:xx now.
  let offset = 12 - new Date().getUTCHours();
  if (offset < -11) offset += 24;
  const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  shipped.workingHours.default = { ...shipped.workingHours.default, weekdays: [1, 2, 3, 4, 5, 6, 7], zone };
  const file = join(dir, `monitoring-rules-${randomUUID()}.yaml`);
  writeFileSync(file, stringify(shipped));
  return file;
}
