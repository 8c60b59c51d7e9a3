import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { authenticator } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../src/screens';
import { hasChromium, type Stack, startStack } from '../src/stack';

// Without Chromium a developer machine skips the browser tests; CI installs it and must run them.
const run = hasChromium() || process.env.CI ? describe : describe.skip;

const PASSWORD = 'e2e-patient-password';

/** Signs a new patient up through the portal UI (account and e-mailed code, then record and consents). */
async function signUp(s: Stack, page: Page, who: { last: string; first: string; middle: string }) {
  const portal = s.urls.portal;
  const login = `e2e-${randomUUID().slice(0, 8)}@example.ru`;
  await page.goto(`${portal}/signup`);
  await page.getByLabel('Фамилия, имя и отчество').fill(`${who.last} ${who.first} ${who.middle}`);
  await page.getByLabel('Телефон или e-mail').fill(login);
  await page.getByLabel('Пароль', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Пароль ещё раз').fill(PASSWORD);
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByLabel('Код подтверждения').fill(await s.signUpCode(login));
  await screenshot(page, 'portal-sign-up-code');
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.waitForURL('**/signup/complete**');
  await page.getByLabel('Дата рождения').fill('1988-04-12');
  await page.getByLabel('Пол').selectOption('FEMALE');
  await page.locator('input[name=consent-TREATMENT]').waitFor();
  return login;
}

async function finishSignUp(page: Page, portal: string) {
  await page.locator('input[name=consent-TREATMENT]').check();
  await page.locator('input[name=consent-PORTAL_ACCOUNT]').check();
  await page.getByRole('button', { name: 'Завершить регистрацию' }).click();
  await page.waitForURL(`${portal}/`);
}

/** Runs an operation of the portal's manifest through its BFF from inside the page (with its cookie). */
async function bff(page: Page, operation: string, variables: Record<string, unknown>) {
  return page.evaluate(
    async ({ operation, variables }) => {
      const res = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ documentId: operation, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    { operation, variables },
  );
}

run('patient portal and reception dashboard in Chromium', () => {
  let s: Stack;
  let reception: Page;
  let patientPage: Page;
  let patientContext: BrowserContext;
  let booked: { id: string; startsAt: string } | undefined;
  const manifests: Record<'portal' | 'reception', Record<string, string>> = { portal: {}, reception: {} };
  const op = (app: 'portal' | 'reception', name: string) =>
    Object.entries(manifests[app]).find(([, q]) => new RegExp(`^(query|mutation) ${name}\\b`).test(q))![0];

  beforeAll(async () => {
    s = await startStack();
    for (const app of ['portal', 'reception'] as const) {
      const file = new URL(`../../apps/${app}/src/gql/persisted-documents.json`, import.meta.url);
      manifests[app] = JSON.parse(readFileSync(file, 'utf8'));
    }
    reception = await (await s.context({ width: 1400, height: 900 })).newPage();
    patientContext = await s.context({ width: 420, height: 900 });
    patientPage = await patientContext.newPage();
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('staff sign in: password, then TOTP once enrolled', async () => {
    const { reception: R } = s.urls;
    await reception.goto(`${R}/`);
    await reception.waitForURL('**/signin**');
    await screenshot(reception, 'reception-sign-in');
    await reception.getByLabel('Логин (e-mail)').fill('reception@e2e.medikamente.test');
    await reception.getByLabel('Пароль').fill('reception-e2e-password');
    await reception.getByRole('button', { name: 'Войти' }).click();
    // Without a second factor staff may only enrol: the app sends them there, and nothing else
    // (journal, patients) is offered — the services refuse such a session anyway.
    await reception.waitForURL('**/security?required=1');
    await reception.getByText('только после входа со вторым фактором').waitFor();
    expect(await reception.getByRole('link', { name: 'Журнал' }).count()).toBe(0);
    await reception.goto(`${R}/patients`);
    await reception.waitForURL('**/security?required=1');
    // Enrol the second factor, sign out, sign in again with password + code.
    await reception.getByRole('button', { name: 'Начать подключение' }).click();
    const secret = (await reception.getByTestId('totp-secret').textContent())!.trim();
    await reception.getByLabel('Код из приложения').fill(authenticator.generate(secret));
    await reception.getByRole('button', { name: 'Включить' }).click();
    await reception.getByText('Двухфакторный вход включён').waitFor();
    await reception.getByRole('button', { name: 'Выйти' }).click();
    await reception.waitForURL('**/signin**');
    await reception.getByLabel('Логин (e-mail)').fill('reception@e2e.medikamente.test');
    await reception.getByLabel('Пароль').fill('reception-e2e-password');
    await reception.getByRole('button', { name: 'Войти' }).click();
    await reception.getByLabel('Код из приложения-аутентификатора').waitFor();
    await screenshot(reception, 'reception-totp');
    await reception.getByLabel('Код из приложения-аутентификатора').fill(authenticator.generate(secret));
    await reception.getByRole('button', { name: 'Подтвердить' }).click();
    await reception.waitForURL(`${R}/`);
    await reception.locator('[data-live=live]').waitFor({ timeout: 15_000 });
  });

  it('a patient signs up with consents and books; the booking appears live on the reception journal', async () => {
    const { portal: P, reception: R } = s.urls;
    await signUp(s, patientPage, { last: 'Смирнова', first: 'Ольга', middle: 'Игоревна' });
    await screenshot(patientPage, 'portal-sign-up-consents', true);
    await finishSignUp(patientPage, P);
    // Tokens never reach browser JavaScript: the session cookie is httpOnly and storage is empty.
    expect(await patientPage.evaluate(() => document.cookie)).toBe('');
    expect(
      await patientPage.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length),
    ).toBe(0);
    const cookie = (await patientContext.cookies()).find((c) => c.name === 'mk_portal_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await patientPage.getByLabel('Специальность').selectOption('Терапия');
    await screenshot(patientPage, 'portal-find-doctor');
    await patientPage.getByRole('link', { name: /Записаться: Иванова/ }).click();
    const firstSlot = patientPage.locator('.slots button').first();
    await firstSlot.waitFor();
    await expect(patientPage.getByText('московское время').first().isVisible()).resolves.toBe(true);
    await screenshot(patientPage, 'portal-free-slots');
    const startsAt = (await firstSlot.getAttribute('data-starts-at'))!;

    // Reception watches that day's journal; the page is not reloaded from here on.
    await reception.goto(`${R}/?branch=${s.branch.id}&date=${startsAt.slice(0, 10)}`);
    await reception.locator('[data-live=live]').waitFor({ timeout: 15_000 });
    await reception.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });

    await firstSlot.click();
    await patientPage.getByRole('button', { name: 'Подтвердить запись' }).waitFor();
    await screenshot(patientPage, 'portal-hold');
    await patientPage.getByRole('button', { name: 'Подтвердить запись' }).click();
    await patientPage.getByText('Вы записаны').waitFor();
    const confirmedAt = Date.now();

    const card = reception
      .locator('[data-appointment-id]', { hasText: 'Смирнова Ольга Игоревна' })
      .and(reception.locator('[data-status=BOOKED]'));
    await card.waitFor({ timeout: 5_000 });
    const latency = Date.now() - confirmedAt;
    expect(latency).toBeLessThan(3_000);
    expect(
      await reception.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    await screenshot(reception, 'reception-journal-live');
    booked = { id: (await card.getAttribute('data-appointment-id'))!, startsAt };

    await patientPage.goto(`${P}/appointments`);
    await patientPage.locator(`[data-appointment-id="${booked.id}"]`).waitFor();
    await screenshot(patientPage, 'portal-my-appointments');
  });

  it('a slot taken meanwhile: the portal says so in Russian and offers the nearest alternatives', async () => {
    const { portal: P } = s.urls;
    await patientPage.goto(`${P}/doctors/${s.doctor.id}`);
    const slot = patientPage.locator('.slots button').nth(2);
    await slot.waitFor();
    const startsAt = (await slot.getAttribute('data-starts-at'))!;
    // Someone else books that time through the API while the page shows it as free.
    const other = await s.platform.account('patient');
    const r = await s.platform.query(
      `mutation ($input: BookingInput!) { bookAppointment(input: $input) { appointment { id } inputErrors { code } } }`,
      {
        input: {
          specialistId: s.doctor.id,
          branchId: s.branch.id,
          serviceId: s.service.id,
          startsAt,
          idempotencyKey: randomUUID(),
        },
      },
      other.token,
    );
    expect(r.data.bookAppointment.appointment).toBeTruthy();
    await slot.click();
    await patientPage.getByText('Это время уже заняли').waitFor();
    await expect(patientPage.getByText('Ближайшее свободное время у этого врача').isVisible()).resolves.toBe(
      true,
    );
    expect(await patientPage.locator('.alert.warn .slots button').count()).toBeGreaterThan(0);
    await screenshot(patientPage, 'portal-slot-taken');
  });

  it('reception confirms a booking from the journal; the patient sees it confirmed', async () => {
    expect(booked).toBeDefined();
    const card = reception.locator(`[data-appointment-id="${booked!.id}"]`);
    await card.getByRole('button', { name: 'Подтвердить' }).click();
    await reception.locator(`[data-appointment-id="${booked!.id}"][data-status=CONFIRMED]`).waitFor();
    // The patient sees it confirmed too.
    await patientPage.goto(`${s.urls.portal}/appointments`);
    await patientPage.locator(`[data-appointment-id="${booked!.id}"]`, { hasText: 'подтверждено' }).waitFor();
  });

  it('a patient chooses how to be reminded in the profile; the choice is kept', async () => {
    await patientPage.goto(`${s.urls.portal}/profile`);
    const section = patientPage.locator('section', { hasText: 'Напоминания о приёме' });
    await section.waitFor();
    // The clinic's enabled channels are offered, web push included.
    await section.getByText('Уведомление в браузере').waitFor();
    await expect(section.getByLabel('E-mail').isChecked()).resolves.toBe(true);
    await section.getByLabel('SMS').check();
    await patientPage.getByText('Способ напоминаний сохранён').waitFor();
    // This patient gave no phone at sign-up: the page says SMS cannot reach them yet.
    await section.getByText('Телефон не указан в контактах').waitFor();
    await screenshot(patientPage, 'portal-reminder-settings');
    await patientPage.reload();
    await section.getByLabel('SMS').waitFor();
    await expect(section.getByLabel('SMS').isChecked()).resolves.toBe(true);
  });

  it("a reminder's confirm link works without signing in, only once; reception sees the visit confirmed", async () => {
    const { portal: P, reception: R } = s.urls;
    // The patient books another visit through the portal.
    await patientPage.goto(`${P}/doctors/${s.doctor.id}`);
    const slot = patientPage.locator('.slots button').first();
    await slot.waitFor();
    const startsAt = (await slot.getAttribute('data-starts-at'))!;
    await slot.click();
    await patientPage.getByRole('button', { name: 'Подтвердить запись' }).click();
    await patientPage.getByText('Вы записаны').waitFor();
    const mine = await bff(patientPage, op('portal', 'MyAppointments'), { period: 'UPCOMING' });
    const appointment = (mine.body.data.myAppointments as Array<{ id: string; startsAt: string }>).find(
      (a) => Date.parse(a.startsAt) === Date.parse(startsAt),
    )!;
    expect(appointment).toBeDefined();

    // Reception watches that day's journal without reloading.
    await reception.goto(`${R}/?branch=${s.branch.id}&date=${startsAt.slice(0, 10)}`);
    await reception.locator('[data-live=live]').waitFor({ timeout: 15_000 });
    await reception.locator(`[data-appointment-id="${appointment.id}"][data-status=BOOKED]`).waitFor();

    // The link the reminder carries, opened in a browser profile with no session at all.
    const token = await s.platform.schedule.services.reminders.linkFor(
      appointment.id,
      'confirm',
      new Date(Date.now() + 24 * 3_600_000),
    );
    const anonymous = await s.context({ width: 420, height: 900 });
    expect(await anonymous.cookies()).toEqual([]);
    const link = await anonymous.newPage();
    await link.goto(`${P}/r/${token}`);
    await link.getByText('Подтвердите, что придёте на приём.').waitFor();
    await screenshot(link, 'portal-reminder-link');
    await link.getByRole('button', { name: 'Подтвердить визит' }).click();
    await link.getByText(/Спасибо! Визит .+ подтверждён\./).waitFor();
    expect(link.url()).toContain('/r/');
    await screenshot(link, 'portal-reminder-confirmed');

    // Reception's journal shows it confirmed, live.
    await reception
      .locator(`[data-appointment-id="${appointment.id}"][data-status=CONFIRMED]`)
      .waitFor({ timeout: 5_000 });

    // The same link again: single use.
    await link.goto(`${P}/r/${token}`);
    await link.getByRole('button', { name: 'Подтвердить визит' }).click();
    await link.getByText('Эта ссылка уже использована.').waitFor();
    expect(await link.getByRole('button', { name: 'Подтвердить визит' }).count()).toBe(0);
    await screenshot(link, 'portal-reminder-used');
    await anonymous.close();

    // The patient's own list agrees.
    await patientPage.goto(`${P}/appointments`);
    await patientPage
      .locator(`[data-appointment-id="${appointment.id}"]`, { hasText: 'подтверждено' })
      .waitFor();
  });

  it("tomorrow's call list: an unconfirmed visit appears and reception marks it reached", async () => {
    const { reception: R } = s.urls;
    const staff = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
    const reg = await s.platform.query(
      `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } inputErrors { code } } }`,
      {
        input: {
          lastName: 'Белова',
          firstName: 'Анна',
          middleName: 'Викторовна',
          birthDate: '1975-09-21',
          sex: 'FEMALE',
          phone: '+79165552222',
        },
      },
      staff.token,
    );
    const patientId = reg.data.registerPatient.patient.id as string;
    // The last slot of tomorrow's day (branch time), away from the slots the other journeys take.
    const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: s.branch.timeZone }).format(
      new Date(Date.now() + 24 * 3_600_000),
    );
    const booked = await s.platform.query(
      `mutation ($input: BookingInput!) { bookAppointment(input: $input) { appointment { id status } inputErrors { code } } }`,
      {
        input: {
          specialistId: s.doctor.id,
          branchId: s.branch.id,
          serviceId: s.service.id,
          startsAt: `${tomorrow}T20:30`,
          patientId,
          idempotencyKey: randomUUID(),
        },
      },
      staff.token,
    );
    expect(booked.data.bookAppointment.inputErrors).toEqual([]);
    const id = booked.data.bookAppointment.appointment.id as string;
    expect(booked.data.bookAppointment.appointment.status).toBe('BOOKED');

    // /calls defaults to tomorrow.
    await reception.goto(`${R}/calls?branch=${s.branch.id}`);
    const row = reception.locator(`tr[data-appointment-id="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Белова Анна Викторовна');
    expect(await row.textContent()).toContain('не подтвердил визит');
    expect(await row.getAttribute('data-call-status')).toBe('NOT_CALLED');
    await screenshot(reception, 'reception-call-list');
    await row.getByRole('button', { name: 'Дозвонились', exact: true }).click();
    await reception.locator(`tr[data-appointment-id="${id}"][data-call-status=REACHED]`).waitFor();
    // Recorded on the server, not only on the page.
    await reception.reload();
    await reception.locator(`tr[data-appointment-id="${id}"][data-call-status=REACHED]`).waitFor();
    expect(await row.textContent()).toContain('дозвонились');
  });

  it('a patient who edits ids in URLs or requests sees nothing of another patient', async () => {
    const { portal: P } = s.urls;
    // Another patient with an appointment and contacts.
    const otherCtx = await s.context({ width: 420, height: 900 });
    const other = await otherCtx.newPage();
    await signUp(s, other, { last: 'Кузнецова', first: 'Вера', middle: 'Павловна' });
    await other.getByLabel('Телефон', { exact: true }).fill('+7 916 555-12-34');
    await finishSignUp(other, P);
    await other.goto(`${P}/doctors/${s.doctor.id}`);
    await other.locator('.slots button').nth(4).click();
    await other.getByRole('button', { name: 'Подтвердить запись' }).click();
    await other.getByText('Вы записаны').waitFor();
    await other.goto(`${P}/appointments`);
    const otherAppointment = (await other
      .locator('[data-appointment-id]')
      .first()
      .getAttribute('data-appointment-id'))!;
    const otherPatientId = (await bff(other, op('portal', 'MyPatient'), {})).body.data.myPatient.id as string;

    // URL with the other patient's appointment id: nothing is shown.
    await patientPage.goto(`${P}/appointments/${otherAppointment}/reschedule`);
    await patientPage.getByText('Запись не найдена').waitFor();
    expect(await patientPage.content()).not.toContain('Кузнецова');

    // Requests with the other patient's ids: refused, no data of theirs comes back.
    const read = await bff(patientPage, op('portal', 'MyAppointment'), { id: otherAppointment });
    expect(read.body.data?.appointment ?? null).toBeNull();
    const cancel = await bff(patientPage, op('portal', 'CancelAppointment'), {
      input: { appointmentId: otherAppointment, reason: 'x', idempotencyKey: randomUUID() },
    });
    expect(cancel.body.data?.cancelAppointment?.appointment ?? null).toBeNull();
    const edit = await bff(patientPage, op('portal', 'UpdateMyContacts'), {
      id: otherPatientId,
      input: { phone: '+79990000000' },
    });
    expect(edit.body.data?.updatePatient?.ok ?? false).toBe(false);
    expect(JSON.stringify(edit.body)).not.toContain('+7916');
    const withdraw = await bff(patientPage, op('portal', 'WithdrawConsent'), {
      patientId: otherPatientId,
      purpose: 'TREATMENT',
    });
    expect(withdraw.body.data?.withdrawConsent?.ok ?? false).toBe(false);
    // An operation outside the app's manifest (e.g. asking for someone's record) is not forwarded.
    const forged = await patientPage.evaluate(async (id) => {
      const res = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ patient(id: "${id}") { fullName phone } }` }),
      });
      return { status: res.status, text: await res.text() };
    }, otherPatientId);
    expect(forged.status).toBe(400);
    expect(forged.text).not.toContain('Кузнецова');

    // The other patient's appointment is untouched.
    await other.reload();
    await other.locator(`[data-appointment-id="${otherAppointment}"]`, { hasText: 'записан' }).waitFor();
    await otherCtx.close();
  });

  it('reception cannot open health fields', async () => {
    const { reception: R } = s.urls;
    // A patient with chronic conditions and an appointment with the patient's own comment.
    const staff = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
    const reg = await s.platform.query(
      `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } inputErrors { code } } }`,
      {
        input: {
          lastName: 'Орлова',
          firstName: 'Нина',
          middleName: 'Сергеевна',
          birthDate: '1961-02-03',
          sex: 'FEMALE',
          phone: '+79165551111',
          chronicConditions: ['Сахарный диабет 2 типа'],
        },
      },
      staff.token,
    );
    const patientId = reg.data.registerPatient.patient.id as string;
    await reception.goto(`${R}/patients/${patientId}`);
    await reception.locator('[data-field=chronicConditions]').waitFor();
    expect(await reception.locator('[data-field=chronicConditions]').textContent()).toBe('нет доступа');
    expect(await reception.content()).not.toContain('Сахарный диабет');
    await screenshot(reception, 'reception-patient-card', true);
    // Asking for the field anyway is refused by the BFF (not in the app's operations) ...
    const forged = await reception.evaluate(async (id) => {
      const res = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ patient(id: "${id}") { chronicConditions } }` }),
      });
      return { status: res.status, text: await res.text() };
    }, patientId);
    expect(forged.status).toBe(400);
    expect(forged.text).not.toContain('Сахарный');
    // ... and by the API itself for a receptionist's token.
    const direct = await s.platform.query(
      `query ($id: ID!) { patient(id: $id) { fullName chronicConditions } }`,
      { id: patientId },
      staff.token,
    );
    expect(direct.data.patient.chronicConditions).toBeNull();
    expect(JSON.stringify(direct)).not.toContain('Сахарный');
  });

  it('reception finds a patient, sees the duplicate warning and books on their behalf', async () => {
    const { reception: R } = s.urls;
    await reception.goto(`${R}/patients`);
    await reception.getByLabel('Фамилия').fill('Орлова');
    await reception.getByLabel('Имя', { exact: true }).fill('Нина');
    await reception.getByLabel('Дата рождения').last().fill('1961-02-03');
    await reception.getByLabel('Пол').selectOption('FEMALE');
    await reception.getByLabel('Телефон').last().fill('+79165551111');
    await reception.getByRole('button', { name: 'Зарегистрировать' }).click();
    await reception.getByText('Возможно, пациент уже зарегистрирован').waitFor();
    await screenshot(reception, 'reception-duplicate-warning', true);
    await reception.getByRole('button', { name: 'Не регистрировать' }).click();

    await reception.getByLabel('ФИО (начало)').fill('Орлова');
    await reception.getByRole('button', { name: 'Найти' }).click();
    await reception.getByRole('link', { name: 'Записать' }).first().click();
    await reception.waitForURL('**/book?patientId=**');
    const slot = reception.locator('.slots button').nth(6);
    await slot.waitFor();
    await slot.click();
    await reception.getByText(/записан\(а\) к врачу/).waitFor();
  });
});
