/**
 * The medical record in Chromium, run inside an existing suite's stack (no platform of its own):
 * the doctor writes and signs a visit, the patient reads it and downloads the PDF, a doctor
 * without a care relationship breaks the glass (and the security officer is alerted), reception
 * stays out of the content.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { authenticator } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it, onTestFinished } from 'vitest';
import { bookAndCheckInNow, type Doctor, newDoctor, signInDoctor } from './record';
import { screenshot } from './screens';
import { SECURITY_MAILBOX, type Stack } from './stack';

export type JourneyEnv = {
  stack(): Stack;
  /** A patient with a record and a portal account (not signed in yet). */
  newPatient(): Promise<{ page: Page; login: string; patientId: string; context: BrowserContext }>;
  signInPortal(page: Page, portal: string, login: string, next: string): Promise<void>;
  signInReception(page: Page, reception: string, code: () => string): Promise<void>;
  /** axe-core on the page; critical and serious findings are collected in `blocking`. */
  check(page: Page, app: 'portal' | 'reception', path: string, state: string): Promise<void>;
  blocking: string[];
};

const COMPLAINTS = 'Боль в горле, насморк, температура 37,8 °C третий день';
const CONCLUSION = 'ОРВИ, лёгкое течение. Трудоспособность временно утрачена';
const CORRECTED = 'ОРВИ, лёгкое течение. Трудоспособность временно утрачена на 5 дней';
const ADDENDUM = 'Со слов пациентки: аллергия на пенициллин';
const CORRECTION_REASON = 'Уточнён срок нетрудоспособности после осмотра';
const BREAK_GLASS_REASON = 'Пациентка доставлена в процедурный кабинет с высокой температурой, нужен анамнез';

const manifest = (app: 'portal' | 'reception'): Record<string, string> =>
  JSON.parse(
    readFileSync(new URL(`../../apps/${app}/src/gql/persisted-documents.json`, import.meta.url), 'utf8'),
  );
/** The persisted-document id of an operation of an app's manifest. */
const documentId = (app: 'portal' | 'reception', name: string): string =>
  Object.entries(manifest(app)).find(([, q]) => new RegExp(`(query|mutation) ${name}\\b`).test(q))![0];

/** Runs a persisted operation through the app's BFF from inside the page (with its session cookie). */
const bff = (page: Page, id: string, variables: Record<string, unknown>) =>
  page.evaluate(
    async ({ id, variables }) => {
      const res = await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ documentId: id, variables }),
      });
      return { status: res.status, text: await res.text() };
    },
    { id, variables },
  );

/**
 * A page in a fresh browser profile, closed when the test ends (open pages with live journals
 * would slow down the suite's later tests on a small machine).
 */
async function desktopPage(s: Stack): Promise<Page> {
  const context = await s.context({ width: 1400, height: 900 });
  onTestFinished(() => context.close().catch(() => {}));
  return context.newPage();
}

/** Registers the record journeys as tests of the calling suite. */
export function recordJourneys(env: JourneyEnv): void {
  let signed: { patientId: string; visitId: string; login: string; doctor: Doctor } | undefined;

  it('the doctor (TOTP) writes and signs the visit of a checked-in patient; the patient reads it in «Моя медкарта»', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const { reception: R, portal: P } = s.urls;
    const doctor = await newDoctor(s, 'Смирнов Алексей Викторович');
    const patient = await env.newPatient();
    onTestFinished(() => patient.context.close().catch(() => {}));
    const { appointment, visitId } = await bookAndCheckInNow(s, doctor, patient.patientId);

    // The patient's record holds nothing yet: the visit is open, no draft ever reaches the portal.
    await env.signInPortal(patient.page, P, patient.login, '/record');
    await patient.page.getByText('Подписанных заключений пока нет').waitFor();
    await env.check(patient.page, 'portal', '/record', 'empty');

    const desk = await desktopPage(s);
    await signInDoctor(desk, R, doctor);
    // A doctor's navigation: their sections only.
    const nav = desk.getByRole('navigation', { name: 'Разделы' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Мои пациенты сегодня',
      'Медкарта',
      'Результаты к проверке',
      'Двухфакторный вход',
    ]);
    const row = desk.locator(`[data-appointment-id="${appointment.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Соколова Анна Петровна');
    await screenshot(desk, 'reception-doctor-today');
    await env.check(desk, 'reception', '/doctor', 'today, a checked-in patient');
    await row.getByRole('button', { name: /^Открыть приём/ }).click();
    await desk.waitForURL(`**/record/${patient.patientId}/visits/${visitId}`);

    await desk.getByLabel('Жалобы').fill(COMPLAINTS);
    await desk.getByLabel('Анамнез заболевания').fill('Заболела остро после переохлаждения');
    await desk.getByLabel('Объективный осмотр').fill('Зев гиперемирован. Дыхание везикулярное, хрипов нет');
    // ICD-10 from the keyboard: the exact code first, Enter adds it as the primary diagnosis.
    const icd = desk.getByRole('combobox', { name: 'Диагноз по МКБ-10' });
    await icd.fill('J06.9');
    await desk.locator('[role=option][data-code="J06.9"][aria-selected=true]').waitFor();
    await icd.press('Enter');
    const primary = desk.locator('[data-diagnosis="J06.9"]');
    await primary.waitFor();
    expect(await primary.getByLabel('Вид').inputValue()).toBe('PRIMARY');
    // By words of the title, picked with the mouse: a secondary one, provisional.
    await icd.fill('фарингит');
    await desk.locator('[role=option][data-code="J02.9"]').click();
    const secondary = desk.locator('[data-diagnosis="J02.9"]');
    expect(await secondary.getByLabel('Вид').inputValue()).toBe('SECONDARY');
    await secondary.getByLabel('Статус').selectOption('PROVISIONAL');
    await desk.getByLabel('Заключение').fill(CONCLUSION);
    await desk.getByLabel('Рекомендации').fill('Тёплое питьё, полоскание горла, контроль температуры');
    await desk.getByRole('button', { name: 'Добавить назначение' }).click();
    await desk.getByLabel('Препарат').fill('Парацетамол');
    await desk.getByLabel('Форма').fill('таблетки');
    await desk.getByLabel('Доза').fill('500 мг');
    await desk.getByLabel('Кратность').fill('до 3 раз в день при температуре выше 38,5 °C');
    await desk.getByLabel('Длительность').fill('не более 5 дней');
    await desk.getByRole('button', { name: 'Добавить направление' }).click();
    await desk.getByLabel('Вид направления').selectOption('LAB');
    await desk.getByLabel('Анализы').fill('Общий анализ крови');

    // Autosaved as the doctor's own draft, with the time in Russian.
    await desk.locator('[data-autosave=saved]').waitFor();
    expect(await desk.locator('[data-autosave]').textContent()).toMatch(/^Сохранено в \d{2}:\d{2}$/);
    const draft = await s.platform.query(
      `query ($id: ID!) { myVisitDraft(visitId: $id) { conclusion diagnoses { code kind certainty } prescriptions { drug dose } referrals { kind target } } }`,
      { id: visitId },
      doctor.token,
    );
    expect(draft.data.myVisitDraft).toMatchObject({
      conclusion: CONCLUSION,
      diagnoses: [
        { code: 'J06.9', kind: 'PRIMARY', certainty: 'CONFIRMED' },
        { code: 'J02.9', kind: 'SECONDARY', certainty: 'PROVISIONAL' },
      ],
      prescriptions: [{ drug: 'Парацетамол', dose: '500 мг' }],
      referrals: [{ kind: 'LAB', target: 'Общий анализ крови' }],
    });
    await env.check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'editor, draft saved');
    await screenshot(desk, 'reception-visit-editor', true);

    // Signing: the first answer is lost on the way back; the retry sends the same key and the
    // server recognises it (one signed version, not two).
    const signDoc = documentId('reception', 'SignVisit');
    const keys: string[] = [];
    await desk.route('**/api/graphql', async (route) => {
      const body = route.request().postDataJSON() as { documentId?: string; variables?: any } | null;
      if (body?.documentId !== signDoc) return route.continue();
      keys.push(body.variables.input.idempotencyKey);
      if (keys.length > 1) return route.continue();
      await route.fetch();
      return route.abort('failed');
    });
    await desk.getByRole('button', { name: 'Подписать', exact: true }).click();
    await desk.getByText('повторная отправка не создаст вторую подпись').waitFor();
    await desk.getByRole('button', { name: 'Подписать', exact: true }).click();
    await desk.getByText('Приём подписан').waitFor();
    await desk.unroute('**/api/graphql');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const card = desk.locator(`[data-visit-id="${visitId}"]`);
    await card.getByText(CONCLUSION).waitFor();
    const versions = await s.platform.query(
      `query ($id: ID!) { visit(id: $id) { status versions { number status } } }`,
      { id: visitId },
      doctor.token,
    );
    expect(versions.data.visit).toEqual({ status: 'SIGNED', versions: [{ number: 1, status: 'FINAL' }] });

    // A correction: a new version with its reason.
    await card.getByRole('button', { name: 'Исправить' }).click();
    await desk.getByRole('heading', { name: 'Исправление версии 1' }).waitFor();
    expect(await desk.getByLabel('Заключение').inputValue()).toBe(CONCLUSION);
    // Another window saves this correction meanwhile: the next autosave here is refused (nothing
    // is overwritten) and the page says so; reloading shows what the other window saved.
    await saveDraftElsewhere(s, doctor.token, visitId, { conclusion: CORRECTED });
    await desk.getByLabel('Рекомендации').fill('Тёплое питьё, покой');
    const conflict = desk.getByTestId('draft-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Черновик изменён в другом окне');
    await conflict.getByRole('button', { name: 'Обновить страницу' }).click();
    await desk.getByRole('heading', { name: 'Исправление версии 1' }).waitFor();
    expect(await desk.getByLabel('Заключение').inputValue()).toBe(CORRECTED);
    expect(await desk.getByLabel('Рекомендации').inputValue()).not.toBe('Тёплое питьё, покой');
    await desk.getByLabel('Причина исправления').fill(CORRECTION_REASON);
    await desk.getByRole('button', { name: 'Подписать исправление' }).click();
    await desk.getByText('Приём подписан').waitFor();
    await card.getByText(CORRECTED).waitFor();
    await card.getByText('История версий (2)').click();
    await card.getByText(`Причина: ${CORRECTION_REASON}`).first().waitFor();
    // An addendum appends a signed note; the version stays.
    await card.getByRole('button', { name: 'Дополнение' }).click();
    await desk.getByLabel('Текст дополнения').fill(ADDENDUM);
    await env.check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'addendum form open');
    await desk.getByRole('button', { name: 'Подписать дополнение' }).click();
    await desk.getByText('Дополнение подписано.').waitFor();
    await card.locator('[data-field=addenda]').getByText(ADDENDUM).waitFor();
    await env.check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'signed, corrected, addendum');

    // The patient card: demographics in full (care relationship), the history with the correction.
    await desk.goto(`${R}/record/${patient.patientId}`);
    await desk.getByRole('heading', { name: 'Соколова Анна Петровна' }).waitFor();
    await desk.locator(`[data-visit-id="${visitId}"]`).getByText(CORRECTED).waitFor();
    expect(await desk.locator('[data-version-status=AMENDED]').textContent()).toContain(CORRECTION_REASON);
    await env.check(desk, 'reception', '/record/[patientId]', 'care relationship, one corrected visit');
    await screenshot(desk, 'reception-patient-record', true);

    // The patient: the corrected conclusion, diagnoses, prescriptions, the correction's note.
    await patient.page.reload();
    const mine = patient.page.locator(`[data-visit-id="${visitId}"]`);
    await mine.getByText(CORRECTED).waitFor();
    const text = (await mine.textContent())!;
    expect(text).toContain('J06.9 — Острая инфекция верхних дыхательных путей неуточненная');
    expect(text).toContain('Парацетамол');
    expect(text).toContain('Смирнов Алексей Викторович');
    expect(text).toContain(ADDENDUM);
    expect(await mine.getByTestId('version-note').textContent()).toContain(CORRECTION_REASON);
    // Only what a patient reads: no examination notes, nothing of the superseded version.
    expect(text).not.toContain('Зев гиперемирован');
    await env.check(patient.page, 'portal', '/record', 'a signed, corrected visit');
    await screenshot(patient.page, 'portal-my-record', true);
    // The summary PDF is offered for the signed version (downloaded in the next test).
    const versionId = (
      await s.platform.query(
        `query ($id: ID!) { visit(id: $id) { current { id } } }`,
        { id: visitId },
        doctor.token,
      )
    ).data.visit.current.id as string;
    expect(await mine.getByTestId('visit-pdf').getAttribute('href')).toBe(`/api/record/pdf/${versionId}`);
    signed = { patientId: patient.patientId, visitId, login: patient.login, doctor };
    expect(env.blocking.slice(from)).toEqual([]);
  });

  it('the patient downloads the visit summary as a PDF through the portal (the token stays on the server)', async () => {
    expect(signed).toBeDefined();
    const s = env.stack();
    const context = await s.context({ width: 420, height: 900 });
    onTestFinished(() => context.close().catch(() => {}));
    const page = await context.newPage();
    await env.signInPortal(page, s.urls.portal, signed!.login, '/record');
    const card = page.locator(`[data-visit-id="${signed!.visitId}"]`);
    await card.getByText(CORRECTED).waitFor();
    const link = card.getByTestId('visit-pdf');
    const res = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    // Someone else's (here: an unknown) version: no file, the page says the download failed.
    const other = await page.request.get(`${s.urls.portal}/api/record/pdf/${randomUUID()}`, {
      maxRedirects: 0,
    });
    expect(other.status()).toBe(303);
    expect(other.headers().location).toBe('/record?download=failed');
    await page.goto(`${s.urls.portal}/api/record/pdf/${randomUUID()}`);
    await page.getByText('Не удалось скачать заключение').waitFor();
    await env.check(page, 'portal', '/record', 'download failed');
  });

  it('a doctor without a care relationship is refused, opens the record by break-glass with a reason; the security officer is alerted', async () => {
    expect(signed).toBeDefined();
    const s = env.stack();
    const from = env.blocking.length;
    const { patientId, visitId } = signed!;
    const stranger = await newDoctor(s, 'Кузнецов Павел Андреевич');

    // The API refuses the content.
    const refused = await s.platform.query(
      `query ($p: ID!) { recordAccess(patientId: $p) { level breakGlassAvailable } visits(patientId: $p) { id current { conclusion } } }`,
      { p: patientId },
      stranger.token,
    );
    expect(refused.data?.recordAccess).toEqual({ level: 'NONE', breakGlassAvailable: true });
    expect(JSON.stringify(refused)).not.toContain('ОРВИ');

    const page = await desktopPage(s);
    await signInDoctor(page, s.urls.reception, stranger);
    // «Медкарта»: the doctor finds the patient (names masked without a relationship).
    await page.getByRole('link', { name: 'Медкарта' }).click();
    await page.getByLabel('ФИО (начало)').fill('Соколова');
    await page.getByRole('button', { name: 'Найти' }).click();
    await page.getByRole('link', { name: 'Соколова А. П.' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Записать' }).count()).toBe(0);
    await env.check(page, 'reception', '/record', 'doctor: search results');
    await page.goto(`${s.urls.reception}/record/${patientId}`);
    await page.locator('[data-record-access=NONE]').waitFor();
    // Demographics as the policy allows a doctor without a relationship: name masked, birth date denied.
    await page.getByRole('heading', { name: 'Соколова А. П.' }).waitFor();
    expect(await page.locator('[data-field=birthDate]').textContent()).toBe('нет доступа');
    expect(await page.content()).not.toContain('ОРВИ');
    await env.check(page, 'reception', '/record/[patientId]', 'no care relationship');

    await page.getByRole('button', { name: 'Экстренный доступ' }).click();
    const dialog = page.getByTestId('break-glass');
    await dialog.getByLabel('Причина доступа').waitFor();
    // A modal: the focus is inside it.
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]'))).toBe(true);
    await dialog.getByLabel('Причина доступа').fill('проверка доступа');
    await dialog.getByRole('button', { name: 'Открыть медкарту' }).click();
    await dialog.getByRole('alert').getByText('Опишите причину подробнее').waitFor();
    await env.check(page, 'reception', '/record/[patientId]', 'break-glass dialog, reason refused');
    await dialog.getByLabel('Причина доступа').fill(BREAK_GLASS_REASON);
    await screenshot(page, 'reception-break-glass');
    await dialog.getByRole('button', { name: 'Открыть медкарту' }).click();
    const until = dialog.getByTestId('break-glass-until');
    await until.waitFor();
    expect(await until.textContent()).toMatch(
      /Доступ открыт до \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(московское время\)/,
    );
    await env.check(page, 'reception', '/record/[patientId]', 'break-glass granted');
    await dialog.getByRole('button', { name: 'Перейти к медкарте' }).click();
    await page.locator(`[data-visit-id="${visitId}"]`).getByText(CORRECTED).waitFor();
    await page.getByText(/^Экстренный доступ до /).waitFor();

    // The security officer's alert is stored with the grant, the reason sealed beside it.
    const alerts = await s.platform.record.stores.breakGlass.alerts();
    const alert = alerts.find((a) => a.actorAccountId === stranger.accountId && a.patientId === patientId);
    expect(alert).toMatchObject({ kind: 'BREAK_GLASS', severity: 'HIGH' });
    expect(await s.platform.record.stores.breakGlass.reasonOf(alert!.breakGlassId!)).toBe(BREAK_GLASS_REASON);
    // ... and e-mailed to the security officer: ids and times, no names, no reason.
    const mail = await s.mailbox.waitFor((m) => m.to === SECURITY_MAILBOX && m.text.includes(alert!.id));
    expect(mail.subject).toBe('Экстренный доступ к медкарте (break-glass)');
    expect(mail.text).toContain(stranger.accountId);
    expect(mail.text).not.toContain('Соколова');
    expect(mail.text).not.toContain(BREAK_GLASS_REASON);
    expect(env.blocking.slice(from)).toEqual([]);
  });

  it('reception cannot open the record: no «Медкарта» section, and asking anyway returns no clinical field', async () => {
    expect(signed).toBeDefined();
    const s = env.stack();
    const { patientId } = signed!;
    const R = s.urls.reception;
    const desk = await desktopPage(s);
    await env.signInReception(desk, R, s.receptionCode);
    const nav = desk.getByRole('navigation', { name: 'Разделы' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Журнал',
      'Пациенты',
      'Обзвон',
      'Двухфакторный вход',
    ]);
    // Staff roles without screens here yet see that, and nothing else (the analyst: the cashier
    // and the accountant have their billing sections).
    const analyst = await s.platform.identity.createAccount({
      role: 'analyst',
      login: `analyst-${patientId.slice(0, 8)}@e2e.medikamente.test`,
      password: 'analyst-e2e-password',
      totp: true,
    });
    const analystPage = await desktopPage(s);
    await analystPage.goto(`${R}/signin`);
    await analystPage.getByLabel('Логин (e-mail)').fill(analyst.login);
    await analystPage.getByLabel('Пароль').fill('analyst-e2e-password');
    await analystPage.getByRole('button', { name: 'Войти' }).click();
    await analystPage
      .getByLabel('Код из приложения-аутентификатора')
      .fill(authenticator.generate(analyst.totpSecret!));
    await analystPage.getByRole('button', { name: 'Подтвердить' }).click();
    await analystPage.getByRole('heading', { name: 'Разделов для вашей роли пока нет' }).waitFor();
    await env.check(analystPage, 'reception', '/', 'a role without sections (analyst)');
    expect(
      await analystPage.getByRole('navigation', { name: 'Разделы' }).getByRole('link').allTextContents(),
    ).toEqual(['Двухфакторный вход']);
    await analystPage.goto(`${R}/record/${patientId}`);
    await analystPage.waitForURL(`${R}/`);
    // The doctor's page sends reception back to its journal.
    await desk.goto(`${R}/record/${patientId}`);
    await desk.waitForURL(`${R}/`);
    // The doctor's operation through reception's own BFF: the services answer without content.
    const viaBff = await bff(desk, documentId('reception', 'PatientVisits'), { patientId });
    expect(viaBff.text).not.toContain('ОРВИ');
    expect(viaBff.text).not.toContain('J06.9');
    // And the API itself, with a receptionist's token: visits exist, their content does not come.
    const staff = await s.platform.account('receptionist', { branchIds: [s.branch.id] });
    const direct = await s.platform.query(
      `query ($p: ID!) { recordAccess(patientId: $p) { level } visits(patientId: $p) { id current { conclusion diagnoses { code } } } }`,
      { p: patientId },
      staff.token,
    );
    expect(direct.data.recordAccess.level).toBe('SUMMARY');
    expect(direct.data.visits.length).toBeGreaterThan(0);
    expect(direct.data.visits.every((v: { current: unknown }) => v.current === null)).toBe(true);
    expect(JSON.stringify(direct)).not.toContain('ОРВИ');
  });

  it('entered in error: the doctor marks the note with a reason; kept in the card, gone from the portal', async () => {
    expect(signed).toBeDefined();
    const s = env.stack();
    const from = env.blocking.length;
    const { patientId, visitId, login, doctor } = signed!;
    const desk = await desktopPage(s);
    await signInDoctor(desk, s.urls.reception, doctor);
    await desk.goto(`${s.urls.reception}/record/${patientId}/visits/${visitId}`);
    const card = desk.locator(`[data-visit-id="${visitId}"]`);
    await card.getByRole('button', { name: 'Внесено ошибочно' }).click();
    await desk.getByLabel('Почему запись внесена ошибочно').fill('Приём записан не тому пациенту');
    await desk.getByRole('button', { name: 'Отметить как ошибочную' }).click();
    await desk.getByText('Запись отмечена как внесённая ошибочно').waitFor();
    expect(await card.locator('[data-version-status=ENTERED_IN_ERROR]').textContent()).toContain(
      'Приём записан не тому пациенту',
    );
    // Final: no correction offered any more.
    expect(await card.getByRole('button', { name: 'Исправить' }).count()).toBe(0);
    await env.check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'entered in error');
    const context = await s.context({ width: 420, height: 900 });
    onTestFinished(() => context.close().catch(() => {}));
    const page = await context.newPage();
    await env.signInPortal(page, s.urls.portal, login, '/record');
    await page.getByText('Подписанных заключений пока нет').waitFor();
    expect(await page.locator(`[data-visit-id="${visitId}"]`).count()).toBe(0);
    expect(env.blocking.slice(from)).toEqual([]);
  });
}

/** Saves the doctor's draft from "another window": the stored draft with `patch`, at its revision. */
async function saveDraftElsewhere(s: Stack, token: string, visitId: string, patch: { conclusion: string }) {
  const r = await s.platform.query(
    `query ($id: ID!) { myVisitDraft(visitId: $id) { revision complaints anamnesis examination conclusion recommendations
       diagnoses { code kind certainty } prescriptions { drug form dose route frequency duration instructions }
       referrals { kind target note } } }`,
    { id: visitId },
    token,
  );
  const { revision, ...content } = r.data.myVisitDraft;
  const saved = await s.platform.query(
    `mutation ($input: SaveVisitDraftInput!) { saveVisitDraft(input: $input) { ok inputErrors { code } } }`,
    { input: { visitId, expectedRevision: revision, content: { ...content, ...patch } } },
    token,
  );
  expect(saved.data.saveVisitDraft).toEqual({ ok: true, inputErrors: [] });
}
