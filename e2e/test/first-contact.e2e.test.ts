import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, writeAxeReport } from '../src/a11y';
import { labJourney } from '../src/lab-journey';
import { type JourneyEnv, recordJourneys } from '../src/record-journeys';
import { screenshot } from '../src/screens';
import { hasChromium, type Stack, startStack, workEveryDay } from '../src/stack';

const run = hasChromium() || process.env.CI ? describe : describe.skip;
const require = createRequire(import.meta.url);
const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version;
const PASSWORD = 'first-contact-password';
const MOSCOW = 'Europe/Moscow';
/** The sign-in form's error (Next.js's route announcer is an empty `role=alert` too). */
const SIGN_IN_ERROR = '[role=alert]:not(#__next-route-announcer__)';

/** Today + `days` in Moscow, YYYY-MM-DD. */
const moscowDay = (days = 0) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: MOSCOW }).format(new Date(Date.now() + days * 86_400_000));
const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Presses Tab until the focused element matches `selector` (a keyboard user's way there). */
async function tabTo(page: Page, selector: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function signInPortal(page: Page, portal: string, login: string, next = '/appointments') {
  await page.goto(`${portal}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Телефон или e-mail').fill(login);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.waitForURL(`${portal}${next}`);
}

async function signInReception(page: Page, reception: string, code: () => string) {
  await page.goto(`${reception}/signin`);
  await page.getByLabel('Логин (e-mail)').fill('reception@e2e.medikamente.test');
  await page.getByLabel('Пароль').fill('reception-e2e-password');
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Код из приложения-аутентификатора').fill(code());
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.waitForURL(`${reception}/`);
}

run('first contact: booking flow, Russian formats and accessibility in Chromium', () => {
  let s: Stack;
  let therapist: { id: string; displayName: string };
  let analysesId: string;
  let staffToken: string;
  const blocking: string[] = [];

  /** A patient with a record and a portal account (own login), signed in on a new page. */
  async function newPatient(
    opts: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number } } = {},
  ) {
    const phone = `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const reg = await s.platform.query(
      `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } inputErrors { code } } }`,
      {
        input: {
          lastName: 'Соколова',
          firstName: 'Анна',
          middleName: 'Петровна',
          birthDate: '1985-03-14',
          sex: 'FEMALE',
          phone,
        },
      },
      staffToken,
    );
    const patientId = reg.data.registerPatient.patient.id as string;
    const login = `fc-${randomUUID().slice(0, 8)}@example.ru`;
    await s.platform.identity.createAccount({ role: 'patient', login, password: PASSWORD, patientId });
    const context: BrowserContext = await s.context(opts.viewport ?? { width: 420, height: 900 }, {
      ...(opts.locale ? { locale: opts.locale } : {}),
      ...(opts.timezoneId ? { timezoneId: opts.timezoneId } : {}),
    });
    const page = await context.newPage();
    return { page, login, patientId, context, phone };
  }

  /** Books through the API for a patient (by reception, so any slot of the day). */
  async function bookFor(patientId: string, startsAt: string) {
    const r = await s.platform.query(
      `mutation ($input: BookingInput!) { bookAppointment(input: $input) { appointment { id startsAt } inputErrors { code } } }`,
      {
        input: {
          specialistId: therapist.id,
          branchId: s.branch.id,
          serviceId: s.service.id,
          startsAt,
          patientId,
          idempotencyKey: randomUUID(),
        },
      },
      staffToken,
    );
    expect(r.data.bookAppointment.inputErrors).toEqual([]);
    return r.data.bookAppointment.appointment as { id: string; startsAt: string };
  }

  async function check(page: Page, app: 'portal' | 'reception', path: string, state: string) {
    blocking.push(...(await axe(page, { app, page: path, state })));
  }

  beforeAll(async () => {
    s = await startStack({ receptionTotp: true });
    const { catalog } = s.platform.schedule.stores;
    // A late cancellation is one within 24 hours here, so the nearest free time is always "late".
    await catalog.updateBranchSettings(s.branch.id, { lateCancelHours: 24 });
    // A therapist with two services: the narrower one sorts first by name and by id at random.
    const analyses = await catalog.createService({
      name: 'Консультация по результатам анализов',
      specialty: 'Терапия',
      durationMinutes: 30,
    });
    analysesId = analyses.id;
    const account = await s.platform.account('doctor', { branchIds: [s.branch.id] });
    const doctor = await catalog.createSpecialist({
      accountId: account.accountId,
      displayName: 'Петров Игорь Николаевич',
      specialties: ['Терапия'],
      branchIds: [s.branch.id],
      serviceIds: [analyses.id, s.service.id],
    });
    therapist = doctor;
    await workEveryDay(s.platform, doctor.id, s.branch.id);
    staffToken = (await s.platform.account('receptionist', { branchIds: [s.branch.id] })).token;
  });
  afterAll(async () => {
    writeAxeReport(new URL('../../docs/accessibility.md', import.meta.url), AXE_VERSION);
    await s?.stop();
  });

  it("opens on the doctor's main service with a week of free time, nearest first, a few days at a time", async () => {
    const { page, login } = await newPatient();
    const P = s.urls.portal;
    await signInPortal(page, P, login, `/doctors/${therapist.id}`);
    const first = page.locator('.slots button').first();
    await first.waitFor();
    // The main consultation is preselected, not the narrower service.
    expect(await page.locator('#service option:checked').textContent()).toContain('Приём терапевта');
    expect(await page.locator('#service').inputValue()).not.toBe(analysesId);

    // Nearest first: the first time offered is the earliest free slot of the doctor.
    const today = moscowDay();
    const api = await s.platform.query(
      `query ($input: FreeSlotsInput!) { freeSlots(input: $input) { startsAt } }`,
      {
        input: {
          specialistId: therapist.id,
          serviceId: s.service.id,
          branchId: s.branch.id,
          from: today,
          to: moscowDay(6),
          limit: 5,
        },
      },
    );
    const earliest = api.data.freeSlots[0].startsAt as string;
    expect(Date.parse((await first.getAttribute('data-starts-at'))!)).toBe(Date.parse(earliest));
    await page.getByText('Ближайшее свободное время:').waitFor();

    // A week of days to pick from; the page shows at most three days of times at once.
    const days = page.locator('fieldset.days button');
    expect(await days.count()).toBe(7);
    expect(await days.first().getAttribute('data-day')).toBe(today);
    const pressed = page.locator('fieldset.days button[aria-pressed="true"]');
    expect(await pressed.getAttribute('data-day')).toBe(earliest.slice(0, 10));
    const shown = await page
      .locator('.slot-picker section[data-day]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-day')));
    expect(shown.length).toBeLessThanOrEqual(2);
    await screenshot(page, 'portal-day-picker', true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(1800);

    // Picking a later day shows that day's times first.
    const fifth = days.nth(4);
    const fifthDay = (await fifth.getAttribute('data-day'))!;
    await fifth.click();
    expect(await fifth.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.slot-picker section[data-day]').first().getAttribute('data-day')).toBe(
      fifthDay,
    );
    expect((await page.locator('.slots button').first().getAttribute('data-starts-at'))!.slice(0, 10)).toBe(
      fifthDay,
    );
    // The next week.
    await page.getByRole('button', { name: 'Следующая неделя →' }).click();
    await page.locator(`fieldset.days button[data-day="${moscowDay(7)}"]`).waitFor();
    expect(await page.getByRole('button', { name: '← Предыдущая неделя' }).isEnabled()).toBe(true);

    // Zones in words, never as IANA ids.
    expect(await page.getByText('московское время').count()).toBeGreaterThan(0);
    expect(await page.content()).not.toContain('Europe/Moscow');
    await check(page, 'portal', '/doctors/[id]', 'loaded, signed in');
  });

  it('booking and rescheduling take the same explicit confirmation; Russian names and zones', async () => {
    const { page, login, patientId } = await newPatient();
    const P = s.urls.portal;
    await signInPortal(page, P, login, `/doctors/${therapist.id}`);
    const slot = page.locator('.slots button').nth(1);
    await slot.waitFor();
    const startsAt = (await slot.getAttribute('data-starts-at'))!;
    await slot.click();
    const step = page.getByTestId('confirm-step');
    await step.waitFor();
    expect(await step.getByRole('heading').textContent()).toBe('Подтвердите запись');
    // The hold deadline names its zone.
    expect(await page.getByTestId('hold-deadline').textContent()).toMatch(
      /до \d{2}:\d{2} \(московское время\)/,
    );
    await check(page, 'portal', '/doctors/[id]', 'confirmation step open');
    await screenshot(page, 'portal-confirm-booking');
    await step.getByRole('button', { name: 'Подтвердить запись' }).click();
    const done = page.getByText('Вы записаны');
    await done.waitFor();
    const notice = (await page.locator('output.alert.ok').textContent())!;
    // Dative: "к врачу Петрову Игорю Николаевичу", not the nominative.
    expect(notice).toContain('к врачу Петрову Игорю Николаевичу');
    expect(notice).toContain('московское время');
    expect(notice).not.toContain('Europe/');

    // Reschedule: choosing a time only opens the confirmation; nothing moves until confirmed.
    const upcoming = await s.platform.schedule.stores.appointments.forPatient(patientId, 'UPCOMING');
    const id = upcoming.find((a) => a.start.getTime() === Date.parse(startsAt))!.id;
    expect(id).toBeTruthy();
    await page.goto(`${P}/appointments`);
    await page.locator(`[data-appointment-id="${id}"]`).getByRole('link', { name: 'Перенести' }).click();
    const target = page.locator('.slots button').nth(3);
    await target.waitFor();
    const newStart = (await target.getAttribute('data-starts-at'))!;
    await target.click();
    await step.waitFor();
    expect(await step.getByRole('heading').textContent()).toBe('Перенести запись?');
    expect(await step.textContent()).toContain('Было');
    await check(page, 'portal', '/appointments/[id]/reschedule', 'confirmation step open');
    await screenshot(page, 'portal-reschedule-confirm');
    const before = await s.platform.schedule.stores.appointments.byIds([id]);
    expect(before.get(id)!.start.getTime()).toBe(Date.parse(startsAt));
    await step.getByRole('button', { name: 'Перенести запись' }).click();
    await page.getByText('Запись перенесена').waitFor();
    const after = await s.platform.schedule.stores.appointments.byIds([id]);
    expect(after.get(id)!.start.getTime()).toBe(Date.parse(newStart));
    expect(after.get(id)!.patientId).toBe(patientId);
  });

  it('cancelling inside the late window warns with the rule first; cancelled visits are listed apart from past ones', async () => {
    const { page, login, patientId } = await newPatient();
    const P = s.urls.portal;
    // One visit at the nearest free time (inside the 24-hour window), one in ten days.
    const soonStart = (
      await s.platform.schedule.services.availability.freeSlots({
        specialistId: therapist.id,
        serviceId: s.service.id,
        branchId: s.branch.id,
        from: moscowDay(),
        to: moscowDay(2),
        limit: 1,
        fresh: true,
      })
    )[0]!.start;
    const soon = await bookFor(patientId, new Date(soonStart).toISOString());
    const later = await bookFor(patientId, `${moscowDay(10)}T11:00`);
    await signInPortal(page, P, login);
    const soonCard = page.locator(`[data-appointment-id="${soon.id}"]`);
    await soonCard.waitFor();
    await check(page, 'portal', '/appointments', 'loaded (upcoming)');

    // Far ahead: no warning.
    const laterCard = page.locator(`[data-appointment-id="${later.id}"]`);
    await laterCard.getByRole('button', { name: 'Отменить' }).click();
    await laterCard.getByRole('button', { name: 'Отменить запись' }).waitFor();
    expect(await laterCard.getByTestId('late-cancel-warning').count()).toBe(0);
    await laterCard.getByRole('button', { name: 'Не отменять' }).click();

    // Inside the window: the warning and the rule, before anything is cancelled.
    await soonCard.getByRole('button', { name: 'Отменить' }).click();
    const warning = soonCard.getByTestId('late-cancel-warning');
    await warning.waitFor();
    const text = (await warning.textContent())!;
    expect(text).toContain('поздняя отмена');
    expect(text).toContain('не позднее чем за 24 часа до начала приёма');
    expect((await s.platform.schedule.stores.appointments.byIds([soon.id])).get(soon.id)!.status).toBe(
      'BOOKED',
    );
    await check(page, 'portal', '/appointments', 'cancel dialog open, late warning');
    await screenshot(page, 'portal-late-cancel-warning');
    await soonCard.getByRole('button', { name: 'Отменить запись' }).click();
    await page.getByText('Запись отменена (поздняя отмена).').waitFor();
    const stored = (await s.platform.schedule.stores.appointments.byIds([soon.id])).get(soon.id)!;
    expect(stored.status).toBe('CANCELLED');
    expect(stored.cancelledLate).toBe(true);

    // Tomorrow's (or today's) cancelled visit is not "past".
    await page.getByRole('tab', { name: 'Прошедшие' }).click();
    await page.getByText('Прошедших записей нет.').waitFor();
    expect(await page.locator(`[data-appointment-id="${soon.id}"]`).count()).toBe(0);
    await check(page, 'portal', '/appointments', 'past tab, empty');
    await page.getByRole('tab', { name: 'Отменённые' }).click();
    await page.locator(`[data-appointment-id="${soon.id}"]`, { hasText: 'поздняя отмена' }).waitFor();
    await check(page, 'portal', '/appointments', 'cancelled tab');
    await screenshot(page, 'portal-cancelled-tab');
    await page.getByRole('tab', { name: 'Предстоящие' }).click();
    await laterCard.waitFor();
    expect(await page.locator(`[data-appointment-id="${soon.id}"]`).count()).toBe(0);
  });

  it('an en-US browser still gets Russian dates, times and validation messages', async () => {
    const R = s.urls.reception;
    const P = s.urls.portal;
    const ctx = await s.context(
      { width: 1400, height: 900 },
      { locale: 'en-US', timezoneId: 'America/New_York' },
    );
    const page = await ctx.newPage();
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');

    // Reception sign-in: required fields answer in Russian.
    await page.goto(`${R}/signin`);
    await page.getByRole('button', { name: 'Войти' }).click();
    expect(
      await page.getByLabel('Логин (e-mail)').evaluate((el: HTMLInputElement) => el.validationMessage),
    ).toBe('Заполните это поле.');
    await signInReception(page, R, s.receptionCode);

    // The journal's date is ДД.ММ.ГГГГ of the branch's today, and typing one opens that day.
    const date = page.getByLabel('Дата', { exact: true });
    await date.waitFor();
    expect(await date.inputValue()).toBe(ruDate(moscowDay()));
    await date.fill('12.02.2026');
    await page.waitForURL(/date=2026-02-12/);
    await page.getByRole('heading', { name: /Журнал на четверг, 12 февраля/ }).waitFor();
    expect(await date.inputValue()).toBe('12.02.2026');
    await screenshot(page, 'reception-date-field');
    await date.fill('31.02.2026');
    await date.blur();
    expect(await date.evaluate((el: HTMLInputElement) => el.validationMessage)).toContain('ДД.ММ.ГГГГ');
    await page.getByText('Введите дату в формате ДД.ММ.ГГГГ').waitFor();
    expect(page.url()).toContain('date=2026-02-12');

    // Registration: empty required fields, a bad date and an unchosen select, in Russian.
    await page.goto(`${R}/patients`);
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    const message = (label: string) =>
      page
        .getByLabel(label, { exact: true })
        .last()
        .evaluate((el: HTMLInputElement) => el.validationMessage);
    expect(await message('Фамилия')).toBe('Заполните это поле.');
    expect(await message('Пол')).toBe('Выберите значение из списка.');
    await page.getByLabel('Фамилия', { exact: true }).fill('Орлова');
    expect(await message('Фамилия')).toBe('');
    await page.getByLabel('Дата рождения').last().fill('1961-13-03');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    expect(await message('Дата рождения')).toContain('ДД.ММ.ГГГГ');

    // The portal's slots: Russian day names and 24-hour times in the branch's zone.
    const portal = await ctx.newPage();
    await portal.goto(`${P}/doctors/${therapist.id}`);
    const slot = portal.locator('.slots button').first();
    await slot.waitFor();
    expect(await slot.textContent()).toMatch(/^\d{2}:\d{2}$/);
    const startsAt = (await slot.getAttribute('data-starts-at'))!;
    expect(await slot.textContent()).toBe(startsAt.slice(11, 16));
    expect(await portal.locator('.slot-picker section h3').first().textContent()).toMatch(
      /(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье), \d{1,2} [а-я]+$/,
    );
    expect(await portal.locator('fieldset.days button .day-name').first().textContent()).toMatch(
      /^(пн|вт|ср|чт|пт|сб|вс), \d{1,2} [а-я]+\.?$/,
    );
    // The portal's sign-in too.
    await portal.goto(`${P}/signin`);
    await portal.getByRole('button', { name: 'Войти' }).click();
    expect(
      await portal.getByLabel('Телефон или e-mail').evaluate((el: HTMLInputElement) => el.validationMessage),
    ).toBe('Заполните это поле.');
    await ctx.close();
  });

  it('keyboard only: a patient books in the portal, reception checks the patient in', async () => {
    const { page, login, patientId } = await newPatient({ viewport: { width: 1280, height: 900 } });
    const P = s.urls.portal;
    const R = s.urls.reception;
    // Portal: sign in, pick the nearest time, confirm — Tab, typing and Enter only.
    await page.goto(`${P}/signin?next=${encodeURIComponent(`/doctors/${therapist.id}`)}`);
    await tabTo(page, '#login');
    await page.keyboard.type(login);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${P}/doctors/${therapist.id}`);
    await page.locator('.slots button').first().waitFor();
    await tabTo(page, '.slots button');
    const startsAt = (await page.evaluate(() => document.activeElement?.getAttribute('data-starts-at')))!;
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-step').waitFor();
    // Focus moved to the confirmation's heading; the next stop is its confirm button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Подтвердить запись');
    await page.keyboard.press('Enter');
    await page.getByText('Вы записаны').waitFor();
    const mine = await s.platform.schedule.stores.appointments.forPatient(patientId, 'UPCOMING');
    const booked = mine.find((a) => a.start.getTime() === Date.parse(startsAt))!;
    expect(booked.status).toBe('BOOKED');

    // Reception: sign in and check the patient in from the journal of that day.
    const desk = await (await s.context({ width: 1400, height: 900 })).newPage();
    await desk.goto(`${R}/signin`);
    await tabTo(desk, '#login');
    await desk.keyboard.type('reception@e2e.medikamente.test');
    await desk.keyboard.press('Tab');
    await desk.keyboard.type('reception-e2e-password');
    await desk.keyboard.press('Enter');
    // The second factor: the code field takes the focus.
    await desk.waitForFunction(() => document.activeElement?.id === 'totpCode');
    await desk.keyboard.type(s.receptionCode());
    await desk.keyboard.press('Enter');
    await desk.waitForURL(`${R}/`);
    const day = new Intl.DateTimeFormat('sv-SE', { timeZone: MOSCOW }).format(booked.start);
    await desk.goto(`${R}/?branch=${s.branch.id}&date=${day}`);
    const card = desk.locator(`[data-appointment-id="${booked.id}"]`);
    await card.waitFor();
    await tabTo(desk, `[data-appointment-id="${booked.id}"] [data-action="check-in"]`, 300);
    await desk.keyboard.press('Enter');
    await desk.locator(`[data-appointment-id="${booked.id}"][data-status=CHECKED_IN]`).waitFor();
    expect((await s.platform.schedule.stores.appointments.byIds([booked.id])).get(booked.id)!.status).toBe(
      'CHECKED_IN',
    );
  });

  const journeys: JourneyEnv = {
    stack: () => s,
    newPatient: () => newPatient(),
    signInPortal: (page, portal, login, next) => signInPortal(page, portal, login, next),
    signInReception,
    check,
    blocking,
  };
  recordJourneys(journeys);
  labJourney(journeys, AXE_VERSION);

  it('axe: every portal page in its main states has no critical or serious violation', async () => {
    const from = blocking.length;
    const P = s.urls.portal;
    const anon = await (await s.context({ width: 420, height: 900 })).newPage();
    await anon.goto(`${P}/`);
    await anon.locator('a[aria-label^="Записаться:"]').first().waitFor();
    await check(anon, 'portal', '/', 'loaded');
    await anon.getByLabel('Фамилия врача').fill('Несуществующая');
    await anon.getByText('Врачи по этим условиям не найдены').waitFor();
    await check(anon, 'portal', '/', 'empty result');
    await anon.goto(`${P}/signin`);
    await anon.getByRole('button', { name: 'Войти' }).waitFor();
    await check(anon, 'portal', '/signin', 'empty');
    await anon.getByLabel('Телефон или e-mail').fill('nobody@example.ru');
    await anon.getByLabel('Пароль').fill('wrong-password-1');
    await anon.getByRole('button', { name: 'Войти' }).click();
    await anon.locator(SIGN_IN_ERROR).waitFor();
    await check(anon, 'portal', '/signin', 'error (wrong password)');
    await anon.goto(`${P}/signup`);
    await anon.getByLabel('Пароль ещё раз').waitFor();
    await check(anon, 'portal', '/signup', 'empty');
    await anon.goto(`${P}/doctors/${therapist.id}`);
    await anon.locator('.slots button').first().waitFor();
    await check(anon, 'portal', '/doctors/[id]', 'loaded, anonymous');
    await anon.goto(`${P}/doctors/${randomUUID()}`);
    await anon.getByText('Врач не найден').waitFor();
    await check(anon, 'portal', '/doctors/[id]', 'error (unknown doctor)');

    // A reminder link: opened, used, used again.
    const { page, login, patientId } = await newPatient();
    const appt = await bookFor(patientId, `${moscowDay(3)}T15:00`);
    const token = await s.platform.schedule.services.reminders.linkFor(
      appt.id,
      'confirm',
      new Date(Date.now() + 86_400_000),
    );
    await anon.goto(`${P}/r/${token}`);
    await anon.getByRole('button', { name: 'Подтвердить визит' }).waitFor();
    await check(anon, 'portal', '/r/[token]', 'link opened');
    await anon.getByRole('button', { name: 'Подтвердить визит' }).click();
    await anon.getByText(/подтверждён/).waitFor();
    await check(anon, 'portal', '/r/[token]', 'confirmed');
    await anon.goto(`${P}/r/${token}`);
    await anon.getByRole('button', { name: 'Подтвердить визит' }).click();
    await anon.getByText('Эта ссылка уже использована.').waitFor();
    await check(anon, 'portal', '/r/[token]', 'error (used link)');

    // A new account without a patient record finishes registration.
    const bare = `fc-${randomUUID().slice(0, 8)}@example.ru`;
    await s.platform.identity.createAccount({ role: 'patient', login: bare, password: PASSWORD });
    const fresh = await (await s.context({ width: 420, height: 900 })).newPage();
    await signInPortal(fresh, P, bare, '/signup/complete');
    await fresh.locator('input[name=consent-TREATMENT]').waitFor();
    await check(fresh, 'portal', '/signup/complete', 'empty');

    // Signed in, with a record and one appointment.
    await signInPortal(page, P, login);
    await page.locator(`[data-appointment-id="${appt.id}"]`).waitFor();
    await check(page, 'portal', '/appointments', 'loaded');
    await page.getByRole('tab', { name: 'Отменённые' }).click();
    await page.getByText('Отменённых записей нет.').waitFor();
    await check(page, 'portal', '/appointments', 'cancelled tab, empty');
    await page.goto(`${P}/appointments/${appt.id}/reschedule`);
    await page.locator('.slots button').first().waitFor();
    await check(page, 'portal', '/appointments/[id]/reschedule', 'loaded');
    await page.goto(`${P}/appointments/${randomUUID()}/reschedule`);
    await page.getByText('Запись не найдена').waitFor();
    await check(page, 'portal', '/appointments/[id]/reschedule', 'error (not found)');
    await page.goto(`${P}/profile`);
    await page.getByText('Напоминания о приёме').waitFor();
    await check(page, 'portal', '/profile', 'loaded');
    await page.goto(`${P}/consents`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, 'portal', '/consents', 'loaded');
    // A time taken meanwhile: the alert with alternatives.
    await page.goto(`${P}/doctors/${therapist.id}`);
    const slot = page.locator('.slots button').nth(2);
    await slot.waitFor();
    const other = await newPatient();
    await bookFor(other.patientId, (await slot.getAttribute('data-starts-at'))!);
    await other.context.close();
    await slot.click();
    await page.getByText('Это время уже заняли').waitFor();
    await check(page, 'portal', '/doctors/[id]', 'slot taken alert');
    expect(blocking.slice(from)).toEqual([]);
    // Many pages and axe runs: longer than one journey on a small machine.
  }, 120_000);

  it('axe: every reception page in its main states has no critical or serious violation', async () => {
    const from = blocking.length;
    const R = s.urls.reception;
    const anon = await (await s.context({ width: 1400, height: 900 })).newPage();
    await anon.goto(`${R}/signin`);
    await anon.getByRole('button', { name: 'Войти' }).waitFor();
    await check(anon, 'reception', '/signin', 'empty');
    await anon.getByLabel('Логин (e-mail)').fill('nobody@e2e.medikamente.test');
    await anon.getByLabel('Пароль').fill('wrong-password-1');
    await anon.getByRole('button', { name: 'Войти' }).click();
    await anon.locator(SIGN_IN_ERROR).waitFor();
    await check(anon, 'reception', '/signin', 'error (wrong password)');

    const desk = await (await s.context({ width: 1400, height: 900 })).newPage();
    await signInReception(desk, R, s.receptionCode);
    const { patientId, phone } = await newPatient();
    const appt = await bookFor(patientId, `${moscowDay(2)}T16:00`);
    await desk.goto(`${R}/?branch=${s.branch.id}&date=${moscowDay(2)}`);
    const card = desk.locator(`[data-appointment-id="${appt.id}"]`);
    await card.waitFor();
    await desk.locator('[data-live=live]').waitFor({ timeout: 15_000 });
    await check(desk, 'reception', '/', 'journal loaded');
    await card.getByRole('button', { name: 'Отменить' }).click();
    await card.getByRole('button', { name: 'Отменить запись' }).waitFor();
    await check(desk, 'reception', '/', 'cancel dialog open');
    await desk.goto(`${R}/?branch=${s.branch.id}&date=2020-01-01`);
    await desk.locator('[data-live=live]').waitFor({ timeout: 15_000 });
    await check(desk, 'reception', '/', 'journal of a day without visits');

    await desk.goto(`${R}/patients`);
    await desk.getByRole('button', { name: 'Найти' }).waitFor();
    await check(desk, 'reception', '/patients', 'empty');
    await desk.getByLabel('ФИО (начало)').fill('Несуществующий');
    await desk.getByRole('button', { name: 'Найти' }).click();
    await desk.getByText('Никого не нашли').waitFor();
    await check(desk, 'reception', '/patients', 'empty result');
    await desk.getByLabel('ФИО (начало)').fill('Соколова');
    await desk.getByRole('button', { name: 'Найти' }).click();
    await desk.getByRole('link', { name: 'Записать' }).first().waitFor();
    await check(desk, 'reception', '/patients', 'results');
    await desk.getByLabel('Фамилия', { exact: true }).fill('Соколова');
    await desk.getByLabel('Имя', { exact: true }).fill('Анна');
    await desk.getByLabel('Отчество', { exact: true }).fill('Петровна');
    await desk.getByLabel('Дата рождения').last().fill('14.03.1985');
    await desk.getByLabel('Пол').selectOption('FEMALE');
    await desk.getByLabel('Телефон').last().fill(phone);
    await desk.getByRole('button', { name: 'Зарегистрировать' }).click();
    await desk.getByText('Возможно, пациент уже зарегистрирован').waitFor();
    await check(desk, 'reception', '/patients', 'duplicate warning open');

    await desk.goto(`${R}/patients/${patientId}`);
    await desk.locator('[data-field=chronicConditions]').waitFor();
    await check(desk, 'reception', '/patients/[id]', 'loaded');
    await desk.goto(`${R}/patients/${randomUUID()}`);
    await desk.getByRole('alert').first().waitFor();
    await check(desk, 'reception', '/patients/[id]', 'error (not found)');
    await desk.goto(`${R}/book?patientId=${patientId}&branch=${s.branch.id}`);
    await desk.locator('.slots button').first().waitFor();
    await check(desk, 'reception', '/book', 'loaded');
    await desk.goto(`${R}/appointments/${appt.id}/reschedule`);
    await desk.locator('.slots button').first().waitFor();
    await check(desk, 'reception', '/appointments/[id]/reschedule', 'loaded');
    await desk.goto(`${R}/calls?branch=${s.branch.id}`);
    await desk.locator('h1').waitFor();
    await desk.waitForLoadState('networkidle');
    await check(desk, 'reception', '/calls', 'loaded');
    await desk.goto(`${R}/security`);
    await desk.getByText('Двухфакторный вход включён').waitFor();
    await check(desk, 'reception', '/security', 'enrolled');
    // A colleague without a second factor yet: sent to enrolment, nothing else offered.
    const login = `reception-${randomUUID().slice(0, 8)}@e2e.medikamente.test`;
    await s.platform.identity.createAccount({
      role: 'receptionist',
      login,
      password: 'reception-e2e-password',
      branchIds: [s.branch.id],
    });
    const newcomer = await (await s.context({ width: 1400, height: 900 })).newPage();
    await newcomer.goto(`${R}/signin`);
    await newcomer.getByLabel('Логин (e-mail)').fill(login);
    await newcomer.getByLabel('Пароль').fill('reception-e2e-password');
    await newcomer.getByRole('button', { name: 'Войти' }).click();
    await newcomer.waitForURL('**/security?required=1');
    await newcomer.getByRole('button', { name: 'Начать подключение' }).waitFor();
    await check(newcomer, 'reception', '/security', 'second factor required');
    await newcomer.getByRole('button', { name: 'Начать подключение' }).click();
    await newcomer.getByLabel('Код из приложения').waitFor();
    await check(newcomer, 'reception', '/security', 'enrolment open');
    expect(blocking.slice(from)).toEqual([]);
    // Many pages and axe runs: longer than one journey on a small machine.
  }, 120_000);
});
