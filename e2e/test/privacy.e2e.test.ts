/**
 * Privacy monitoring in Chromium (issue 15): a doctor without a care relationship opens a record
 * by break-glass; the security officer's console shows the alert live (no reload) and the officer
 * triages it as explained with a note; the patient's «Кто смотрел мою медкарту» lists the access
 * by role, department and purpose, without the doctor's name.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { authenticator } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, writeAxeSection } from '../src/a11y';
import { bookAndCheckInNow, newDoctor, signInDoctor } from '../src/record';
import { screenshot } from '../src/screens';
import { hasChromium, type Stack, startStack } from '../src/stack';

const run = hasChromium() || process.env.CI ? describe : describe.skip;
const require = createRequire(import.meta.url);
const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version;

const PATIENT_PASSWORD = 'privacy-e2e-patient-password';
const OFFICER_PASSWORD = 'privacy-e2e-officer-password';
const BREAK_GLASS_REASON = 'Пациентка в приёмном отделении без сознания, нужен аллергоанамнез';
const EXPLANATION = 'Дежурный врач, пациентка доставлена экстренно; подтверждено заведующим';
/** Alerts come after the stream pulled the record's audit chain and the rules ran: seconds. */
const ALERT_WAIT_MS = 60_000;

run('privacy monitoring: break-glass → the officer sees the alert live and triages it; «Кто смотрел»', () => {
  let s: Stack;
  const blocking: string[] = [];
  const check = async (page: Page, app: 'portal' | 'reception', path: string, state: string) => {
    blocking.push(...(await axe(page, { app, page: path, state, section: 'privacy' })));
  };

  beforeAll(async () => {
    s = await startStack({ receptionTotp: true });
  });
  afterAll(async () => {
    await s?.stop();
    writeAxeSection(
      new URL('../../docs/accessibility.md', import.meta.url),
      'privacy',
      'Privacy monitoring pages',
      `axe-core ${AXE_VERSION} on the staff app's «Мониторинг доступа» (the security officer's live alert queue,
an alert before and after triage, the triage form refusing «Объяснено» without a note, a staff member's access history,
the audit search, the monitoring rules) and the portal's «Кто смотрел мою медкарту» (phone width), on the real platform:
\`A11Y_REPORT=1 npx vitest run --project e2e privacy\`.`,
    );
  });

  it('break-glass raises an alert the officer sees without reloading, triages as explained; the patient sees the access', async () => {
    const { reception: R, portal: P } = s.urls;
    // A patient with a portal account and a visit opened by their own doctor.
    const desk = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
    const reg = await s.platform.query(
      `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } } }`,
      {
        input: {
          lastName: 'Громова',
          firstName: 'Вера',
          middleName: 'Андреевна',
          birthDate: '1979-06-02',
          sex: 'FEMALE',
          phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        },
      },
      desk.token,
    );
    const patientId = reg.data.registerPatient.patient.id as string;
    const patientLogin = `privacy-${randomUUID().slice(0, 8)}@example.ru`;
    await s.platform.identity.createAccount({
      role: 'patient',
      login: patientLogin,
      password: PATIENT_PASSWORD,
      patientId,
    });
    // Ordinary work first: the desk opens the patient's card many times (more than a page of the
    // officer's search and of the patient's list).
    for (let i = 0; i < 55; i++)
      await s.platform.query(
        `query ($id: ID!) { patient(id: $id) { fullName } }`,
        { id: patientId },
        desk.token,
      );
    const ownDoctor = await newDoctor(s, 'Лебедев Сергей Иванович');
    await bookAndCheckInNow(s, ownDoctor, patientId);

    // The security officer (TOTP) opens «Мониторинг доступа» and waits there.
    const officer = await s.platform.identity.createAccount({
      role: 'security_officer',
      login: `officer-${randomUUID().slice(0, 8)}@e2e.medikamente.test`,
      password: OFFICER_PASSWORD,
      displayName: 'Комаров Павел Юрьевич',
      totp: true,
    });
    const officerPage = await (await s.context({ width: 1400, height: 900 })).newPage();
    await officerPage.goto(`${R}/signin`);
    await officerPage.getByLabel('Логин (e-mail)').fill(officer.login);
    await officerPage.getByLabel('Пароль').fill(OFFICER_PASSWORD);
    await officerPage.getByRole('button', { name: 'Войти' }).click();
    await officerPage
      .getByLabel('Код из приложения-аутентификатора')
      .fill(authenticator.generate(officer.totpSecret!));
    await officerPage.getByRole('button', { name: 'Подтвердить' }).click();
    await officerPage.waitForURL(`${R}/privacy`);
    const nav = officerPage.getByRole('navigation', { name: 'Разделы' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Мониторинг доступа', 'Журнал доступа', 'Правила мониторинга']),
    );
    const queue = officerPage.getByTestId('security-alerts');
    await queue.locator('[data-live=live]').waitFor({ timeout: 15_000 });
    await check(officerPage, 'reception', '/privacy', 'alert queue, live');
    await officerPage.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });

    // A doctor without a care relationship breaks the glass and reads the record.
    const stranger = await newDoctor(s, 'Фролов Игорь Константинович');
    const doctorPage = await (await s.context({ width: 1400, height: 900 })).newPage();
    await signInDoctor(doctorPage, R, stranger);
    await doctorPage.goto(`${R}/record/${patientId}`);
    await doctorPage.locator('[data-record-access=NONE]').waitFor();
    await doctorPage.getByRole('button', { name: 'Экстренный доступ' }).click();
    const dialog = doctorPage.getByTestId('break-glass');
    await dialog.getByLabel('Причина доступа').fill(BREAK_GLASS_REASON);
    await dialog.getByRole('button', { name: 'Открыть медкарту' }).click();
    await dialog.getByTestId('break-glass-until').waitFor();
    await dialog.getByRole('button', { name: 'Перейти к медкарте' }).click();
    await doctorPage.getByText(/^Экстренный доступ до /).waitFor();

    // The alert appears in the officer's queue by itself: same document, no reload.
    const row = queue.locator(`tr[data-rule=breakGlass]`, { hasText: stranger.accountId.slice(0, 8) });
    await row.waitFor({ timeout: ALERT_WAIT_MS });
    expect(
      await officerPage.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    expect(await row.textContent()).toContain('Важность: высокая');
    expect(await row.textContent()).toContain('Врач');
    expect(await row.textContent()).toContain('Новое');
    await screenshot(officerPage, 'reception-privacy-queue');
    await check(officerPage, 'reception', '/privacy', 'a live alert in the queue');

    // The alert: the rule's explanation, the evidence, the steps; «Объяснено» needs a note.
    await row.getByRole('link', { name: 'Экстренный доступ к медкарте' }).click();
    await officerPage.waitForURL(`${R}/privacy/alerts/**`);
    const alert = officerPage.getByTestId('security-alert');
    await alert.getByTestId('alert-explanation').getByText('экстренного доступа', { exact: false }).waitFor();
    expect(await alert.getByTestId('alert-evidence').textContent()).toContain('медицинские сведения');
    await alert.locator('[data-step=RAISED]').waitFor();
    await check(officerPage, 'reception', '/privacy/alerts/[id]', 'new alert');
    await alert.getByRole('button', { name: 'Назначить на меня' }).click();
    await alert.getByTestId('alert-assignee').getByText('вы').waitFor();
    const triage = alert.getByTestId('triage-form');
    await triage.getByRole('radio', { name: /Объяснено —/ }).check();
    await triage.getByRole('button', { name: 'Сохранить разбор' }).click();
    await triage.getByTestId('note-error').getByText('укажите в заметке рабочую причину').waitFor();
    expect(await triage.getByLabel(/^Заметка/).getAttribute('aria-invalid')).toBe('true');
    await check(officerPage, 'reception', '/privacy/alerts/[id]', 'triage: note required');
    await triage.getByLabel(/^Заметка/).fill(EXPLANATION);
    await triage.getByRole('button', { name: 'Сохранить разбор' }).click();
    await alert.getByText('Разбор сохранён: Объяснено.').waitFor();
    await officerPage.locator('[data-testid=security-alert][data-status=EXPLAINED]').waitFor();
    const triaged = alert.locator('[data-step=TRIAGED]');
    expect(await triaged.textContent()).toContain(EXPLANATION);
    expect(await triaged.textContent()).toContain('Объяснено');
    await screenshot(officerPage, 'reception-privacy-alert', true);
    await check(officerPage, 'reception', '/privacy/alerts/[id]', 'explained');

    // The doctor's access history, from the alert's actor: the break-glass reads are there.
    await alert.getByRole('link', { name: /^Врач / }).click();
    await officerPage.waitForURL(`${R}/privacy/staff/**`);
    // Named from the staff directory as the policy shows names to the officer (masked).
    const identity = officerPage.getByTestId('staff-identity');
    await identity.getByText('Врач', { exact: false }).waitFor();
    expect(await identity.textContent()).toContain(stranger.accountId);
    expect(await identity.textContent()).toContain('Фролов');
    const history = officerPage.getByTestId('audit-records');
    await history.getByText('экстренный доступ').first().waitFor();
    await check(officerPage, 'reception', '/privacy/staff/[actorId]', "a doctor's access history");

    // The officer's search by patient, and the rules as configured.
    await officerPage.goto(`${R}/privacy/audit?patientId=${patientId}`);
    const found = officerPage.getByTestId('audit-records').locator('tbody tr');
    await found.first().getByText('Медицинская карта').waitFor();
    expect(await found.count()).toBe(50);
    await officerPage.getByRole('button', { name: 'Ещё', exact: true }).click();
    await found.nth(50).waitFor();
    // Older pages continue the list, each record once.
    const ids = await found.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stream-id')));
    expect(new Set(ids).size).toBe(ids.length);
    await check(officerPage, 'reception', '/privacy/audit', 'search by patient');
    await officerPage.goto(`${R}/privacy/rules`);
    await officerPage.locator('[data-rule=breakGlass]').getByText('Экстренный доступ к медкарте').waitFor();
    await check(officerPage, 'reception', '/privacy/rules', 'rules');
    // Every service's audit chain, verified on demand: the record's holds the break-glass reads.
    await officerPage.goto(`${R}/privacy/chains`);
    const chains = officerPage.getByTestId('audit-chains');
    await chains.locator('tr[data-service=record]').waitFor();
    await officerPage.getByRole('button', { name: 'Проверить сейчас' }).click();
    await chains.locator('tr[data-service=record] [data-result=VERIFIED]').waitFor();
    await officerPage.getByText(/Все журналы целы|Проверено журналов/).waitFor();
    await screenshot(officerPage, 'reception-privacy-chains');
    await check(officerPage, 'reception', '/privacy/chains', 'verified now');

    // The patient: «Кто смотрел мою медкарту» shows the doctor's access without the name.
    const patientPage = await (await s.context({ width: 420, height: 900 })).newPage();
    await patientPage.goto(`${P}/signin?next=${encodeURIComponent('/record')}`);
    await patientPage.getByLabel('Телефон или e-mail').fill(patientLogin);
    await patientPage.getByLabel('Пароль').fill(PATIENT_PASSWORD);
    await patientPage.getByRole('button', { name: 'Войти' }).click();
    await patientPage.waitForURL(`${P}/record`);
    await patientPage.getByRole('link', { name: 'Кто смотрел мою медкарту' }).click();
    await patientPage.waitForURL(`${P}/record/access`);
    const entry = patientPage.getByTestId('access-entry').filter({ hasText: 'экстренный доступ' }).first();
    await entry.waitFor();
    const entries = patientPage.getByTestId('access-entry');
    expect(await entries.count()).toBe(30);
    await patientPage.getByRole('button', { name: 'Показать ещё' }).click();
    await entries.nth(30).waitFor();
    expect(await entries.nth(30).textContent()).toContain('Регистратор');
    expect(await entry.textContent()).toContain('Врач');
    expect(await entry.textContent()).toContain('Медицинская карта');
    expect(await entry.textContent()).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    const page = await patientPage.content();
    expect(page).not.toContain('Фролов');
    expect(page).not.toContain(stranger.accountId);
    await screenshot(patientPage, 'portal-access-trail', true);
    await check(patientPage, 'portal', '/record/access', 'the doctor’s break-glass access');

    expect(blocking).toEqual([]);
  }, 240_000); // several sign-ins, the stream's copying and the rules' rounds: beyond the suite's 60 s
});
