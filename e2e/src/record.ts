/**
 * Helpers of the medical-record journeys: doctors who sign in to the staff app with TOTP, an
 * appointment "now" (so it is on the doctor's today list whatever the hour), and waits for the
 * schedule's events to reach the record subgraph.
 */
import { randomUUID } from 'node:crypto';
import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import { type Stack, workEveryDay } from './stack';

export const DOCTOR_PASSWORD = 'doctor-e2e-password';

export type Doctor = {
  accountId: string;
  specialistId: string;
  login: string;
  displayName: string;
  token: string;
  code(): string;
};

/** A doctor of the stack's branch with a login, TOTP and a weekly template, bookable for the main service. */
export async function newDoctor(s: Stack, displayName: string): Promise<Doctor> {
  const login = `doctor-${randomUUID().slice(0, 8)}@e2e.medikamente.test`;
  const account = await s.platform.identity.createAccount({
    role: 'doctor',
    login,
    password: DOCTOR_PASSWORD,
    displayName,
    branchIds: [s.branch.id],
    totp: true,
  });
  const specialist = await s.platform.schedule.stores.catalog.createSpecialist({
    accountId: account.accountId,
    displayName,
    specialties: ['Терапия'],
    branchIds: [s.branch.id],
    serviceIds: [s.service.id],
  });
  await workEveryDay(s.platform, specialist.id, s.branch.id);
  const secret = account.totpSecret!;
  return {
    accountId: account.accountId,
    specialistId: specialist.id,
    login,
    displayName,
    token: await s.platform.identity.issueTokenFor(account.accountId),
    code: () => authenticator.generate(secret),
  };
}

/** Signs a doctor in to the staff app (password, then the TOTP code); lands on their today list. */
export async function signInDoctor(page: Page, reception: string, doctor: Doctor): Promise<void> {
  await page.goto(`${reception}/signin`);
  await page.getByLabel('Логин (e-mail)').fill(doctor.login);
  await page.getByLabel('Пароль').fill(DOCTOR_PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Код из приложения-аутентификатора').fill(doctor.code());
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.waitForURL(`${reception}/doctor`);
}

/** The branch's local "YYYY-MM-DDTHH:MM" of this minute. */
const localNow = (timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date())
    .replace(' ', 'T');

/**
 * Books the patient to the doctor at this very minute (reception with the overbook permission:
 * any hour of today, on the template or not) and checks the patient in — the patient is at the
 * door. Waits until the record subgraph opened the visit from the check-in event.
 */
export async function bookAndCheckInNow(s: Stack, doctor: Doctor, patientId: string) {
  const desk = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
  await s.platform.schedule.stores.catalog.grantPermission(desk.accountId, 'OVERBOOK', 'e2e');
  const booked = await s.platform.query(
    `mutation ($input: BookingInput!) { bookAppointment(input: $input) { appointment { id startsAt } inputErrors { code message } } }`,
    {
      input: {
        specialistId: doctor.specialistId,
        branchId: s.branch.id,
        serviceId: s.service.id,
        startsAt: localNow(s.branch.timeZone),
        patientId,
        overbookReason: 'Пациент уже в клинике',
        idempotencyKey: randomUUID(),
      },
    },
    desk.token,
  );
  const appointment = booked.data?.bookAppointment?.appointment as { id: string; startsAt: string };
  if (!appointment) throw new Error(`booking failed: ${JSON.stringify(booked)}`);
  const checkedIn = await s.platform.query(
    `mutation ($id: ID!) { checkInAppointment(appointmentId: $id) { appointment { status } inputErrors { code } } }`,
    { id: appointment.id },
    desk.token,
  );
  if (checkedIn.data?.checkInAppointment?.appointment?.status !== 'CHECKED_IN')
    throw new Error(`check-in failed: ${JSON.stringify(checkedIn)}`);
  const visitId = await until(async () => {
    const r = await s.platform.query(
      `query ($id: ID!) { visitForAppointment(appointmentId: $id) { id } }`,
      { id: appointment.id },
      doctor.token,
    );
    return (r.data?.visitForAppointment?.id as string | undefined) ?? null;
  }, 'the visit opened from the check-in event');
  return { appointment, visitId, receptionToken: desk.token };
}

/** Polls `probe` until it returns a value (events travel through the outbox relay). */
export async function until<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
