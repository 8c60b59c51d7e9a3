import { randomUUID } from 'node:crypto';
import { until } from '@medikamente/runtime/testing';
import { factories, localDay } from '@medikamente/subgraph-schedule/testing';
import { expect } from 'vitest';
import type { Platform } from './platform';

/**
 * The clinic day of the record tests, through the gateway with real tokens from identity: a
 * branch, a doctor working every day, reception of that branch, and patients who book.
 */
export async function recordClinic(p: Platform) {
  const f = factories(p.schedule);
  const branch = await f.branch('Europe/Moscow');
  const service = await f.service(30);
  const doctor = await p.account('doctor');
  const specialist = await f.doctor(branch.id, [service.id], { accountId: doctor.accountId });
  const reception = await p.account('receptionist', { branchIds: [branch.id] });
  let day = 1;

  /** A new patient books the doctor through the gateway (each booking on its own day). */
  async function book() {
    const patient = await p.account('patient');
    const r = await p.query(
      `mutation($input: BookingInput!) {
        bookAppointment(input: $input) { appointment { id status } inputErrors { code } }
      }`,
      {
        input: {
          specialistId: specialist.id,
          branchId: branch.id,
          serviceId: service.id,
          startsAt: `${localDay(branch.timeZone, day++)}T10:00`,
          idempotencyKey: `k-${randomUUID()}`,
        },
      },
      patient.token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.bookAppointment.inputErrors).toEqual([]);
    return { patient, appointmentId: r.data.bookAppointment.appointment.id as string };
  }

  /** The doctor's access level to a patient's record, asked through the gateway. */
  async function accessLevel(patientId: string): Promise<string> {
    const r = await p.query(
      'query($p: ID!) { recordAccess(patientId: $p) { level } }',
      { p: patientId },
      doctor.token,
    );
    expect(r.errors).toBeUndefined();
    return r.data.recordAccess.level;
  }

  /** Polls until the doctor's access level is `level` (events cross services asynchronously). */
  const awaitAccess = (patientId: string, level: string) =>
    until(`record access ${level}`, async () => (await accessLevel(patientId)) === level);

  async function checkIn(appointmentId: string) {
    const r = await p.query(
      `mutation($id: ID!) { checkInAppointment(appointmentId: $id) { appointment { status } inputErrors { code } } }`,
      { id: appointmentId },
      reception.token,
    );
    expect(r.data.checkInAppointment).toEqual({ appointment: { status: 'CHECKED_IN' }, inputErrors: [] });
  }

  /** The visit of an appointment as the doctor sees it through the gateway (null before check-in). */
  async function visitOf(appointmentId: string) {
    const r = await p.query(
      `query($a: ID!) { visitForAppointment(appointmentId: $a) { id status patientId doctorAccountId } }`,
      { a: appointmentId },
      doctor.token,
    );
    expect(r.errors).toBeUndefined();
    return r.data.visitForAppointment as {
      id: string;
      status: string;
      patientId: string;
      doctorAccountId: string;
    } | null;
  }

  async function cancel(patientToken: string, appointmentId: string) {
    const r = await p.query(
      `mutation($i: CancelInput!) { cancelAppointment(input: $i) { appointment { status } inputErrors { code } } }`,
      { i: { appointmentId, reason: 'Планы изменились', idempotencyKey: `c-${randomUUID()}` } },
      patientToken,
    );
    expect(r.data.cancelAppointment).toEqual({ appointment: { status: 'CANCELLED' }, inputErrors: [] });
  }

  return { branch, doctor, reception, book, accessLevel, awaitAccess, checkIn, visitOf, cancel };
}

/** Clinical content of the tests' visit (J06.9 is in the shipped ICD-10 subset). */
export const VISIT_CONTENT = {
  complaints: 'Насморк и першение в горле второй день',
  examination: 'Зев гиперемирован, дыхание везикулярное',
  diagnoses: [{ code: 'J06.9', kind: 'PRIMARY', certainty: 'CONFIRMED' }],
  conclusion: 'ОРВИ, лёгкое течение',
  recommendations: 'Обильное питьё, контроль температуры',
  prescriptions: [{ drug: 'Парацетамол', form: 'таблетки', dose: '500 мг', frequency: 'при температуре' }],
};
