import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, writeAxeReport } from '../src/a11y';
import { screenshot } from '../src/screens';
import { hasChromium, type Stack, startStack } from '../src/stack';

const run = hasChromium() || process.env.CI ? describe : describe.skip;
const require = createRequire(import.meta.url);
const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version;
const PASSWORD = 'first-contact-password';
const MOSCOW = 'Europe/Moscow';

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

async function signInReception(page: Page, reception: string) {
  await page.goto(`${reception}/signin`);
  await page.getByLabel('Логин (e-mail)').fill('reception@e2e.medikamente.test');
  await page.getByLabel('Пароль').fill('reception-e2e-password');
  await page.getByRole('button', { name: 'Войти' }).click();
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
    const reg = await s.platform.query(
      `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } inputErrors { code } } }`,
      {
        input: {
          lastName: 'Соколова',
          firstName: 'Анна',
          middleName: 'Петровна',
          birthDate: '1985-03-14',
          sex: 'FEMALE',
          phone: `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
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
    return { page, login, patientId, context };
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
    s = await startStack();
    const { catalog, calendar } = s.platform.schedule.stores;
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
    for (let weekday = 1; weekday <= 7; weekday++)
      await calendar.addTemplate({
        specialistId: doctor.id,
        branchId: s.branch.id,
        roomId: null,
        weekday,
        startTime: '08:00',
        endTime: '21:00',
        slotMinutes: 30,
        breaks: [],
        validFrom: null,
        validUntil: null,
      });
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
    const shown = await page.locator('.slot-picker section[data-day]').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-day')),
    );
    expect(shown.length).toBeLessThanOrEqual(3);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(1800);
    await screenshot(page, 'portal-day-picker', true);

    // Picking a later day shows that day's times first.
    const fifth = days.nth(4);
    const fifthDay = (await fifth.getAttribute('data-day'))!;
    await fifth.click();
    expect(await fifth.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.slot-picker section[data-day]').first().getAttribute('data-day')).toBe(fifthDay);
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
    expect(await page.getByTestId('hold-deadline').textContent()).toMatch(/до \d{2}:\d{2} \(московское время\)/);
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
    const id = (
      await s.platform.query(
        `query { myAppointments(period: UPCOMING) { id startsAt } }`,
        {},
        await s.platform.identity.issueTokenFor(
          (await s.platform.identity.stores.accounts.byLogin(login))!.id,
        ),
      )
    ).data.myAppointments.find((a: { startsAt: string }) => Date.parse(a.startsAt) === Date.parse(startsAt))
      .id as string;
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
    const before = await s.platform.schedule.stores.appointments.byIds(
      (q: string, p: unknown[]) => s.platform.schedule.database.query(q, p),
      [id],
    );
    expect(before.get(id)!.start.getTime()).toBe(Date.parse(startsAt));
    await step.getByRole('button', { name: 'Перенести запись' }).click();
    await page.getByText('Запись перенесена').waitFor();
    const after = await s.platform.schedule.stores.appointments.byIds(
      (q: string, p: unknown[]) => s.platform.schedule.database.query(q, p),
      [id],
    );
    expect(after.get(id)!.start.getTime()).toBe(Date.parse(newStart));
    expect(after.get(id)!.patientId).toBe(patientId);
  });
});
