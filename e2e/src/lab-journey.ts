/**
 * The laboratory in Chromium, run inside an existing suite's stack (no platform of its own): the
 * doctor orders tests from a visit and records the specimen's steps, the sample partner client
 * (scripts/partner-lab.ts, a child process) posts the results through the gateway by document ids,
 * the critical value reaches the doctor's app live, the doctor acknowledges, reviews and releases;
 * the patient reads nothing before the release and the results with flags and a chart after it.
 * axe runs on every lab page state (the «lab» section of docs/accessibility.md).
 */
import type { Page } from 'playwright-core';
import { afterAll, expect, it, onTestFinished } from 'vitest';
import { seedGlucoseHistory } from '../../scripts/seed-lab';
import { axe, writeAxeSection } from './a11y';
import { alertBanner, LabReviewPage, MyLabsPage, VisitLabSection } from './lab-pages';
import { bookAndCheckInNow, newDoctor, signInDoctor, until } from './record';
import type { JourneyEnv } from './record-journeys';
import { screenshot } from './screens';
import { LAB_ALERT_MAILBOX } from './stack';

/** The demo catalogue's potassium (critical above 6.5 mmol/l) and glucose (3.9–6.1 mmol/l). */
const POTASSIUM = { code: '2823-3', name: 'Калий (K+) в сыворотке' };
const GLUCOSE = { code: '14749-6', name: 'Глюкоза в сыворотке' };
const CLINICAL_NOTE = 'Натощак, контроль после коррекции терапии';
const REVIEW_COMMENT = 'Глюкоза повышена: повторите натощак через неделю. Калий пересдать срочно.';

/** Registers the laboratory journey as a test of the calling suite; `axeVersion` for the report. */
export function labJourney(env: JourneyEnv, axeVersion: string): void {
  const check = async (page: Page, app: 'portal' | 'reception', path: string, state: string) => {
    env.blocking.push(...(await axe(page, { app, page: path, state, section: 'lab' })));
  };
  afterAll(() =>
    writeAxeSection(
      new URL('../../docs/accessibility.md', import.meta.url),
      'lab',
      'Laboratory pages',
      `axe-core ${axeVersion} on the doctor's «Анализы» of a visit, «Результаты к проверке» with the live
critical-value banner, the patient card's laboratory history and the portal's «Мои анализы» (phone width),
on the real platform (the lab subgraph, the sample partner client through the gateway):
\`A11Y_REPORT=1 npx vitest run --project e2e first-contact\`.`,
    ),
  );

  it('the doctor orders tests, the partner laboratory posts a critical value that arrives live; after the review the patient reads the results and their chart', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const { reception: R, portal: P } = s.urls;
    const { lab, schedule } = s.platform;
    const doctor = await newDoctor(s, 'Кузнецова Ольга Дмитриевна');
    const patient = await env.newPatient();
    onTestFinished(() => patient.context.close().catch(() => {}));
    const { patientId } = patient;
    // A year of fasting glucose ordered by the clinic's other doctor (the chart's history).
    await seedGlucoseHistory({
      lab,
      patientId,
      card: { birthDate: '1985-03-14', sex: 'FEMALE' },
      doctorAccountId: s.doctor.accountId,
      key: `e2e-lab:${patientId}`,
    });
    const { visitId } = await bookAndCheckInNow(s, doctor, patientId);
    // The schedule's appointment events reach the lab: the doctor's care relationship there.
    await until(
      async () => (await lab.stores.care.activeFor(doctor.accountId, [patientId])).has(patientId) || null,
      'the care relationship at the lab',
    );

    // «Анализы» of the visit: catalogue search, two tests of one specimen, urgent, a note.
    const context = await s.context({ width: 1400, height: 900 });
    onTestFinished(() => context.close().catch(() => {}));
    const desk = await context.newPage();
    await signInDoctor(desk, R, doctor);
    await desk.goto(`${R}/record/${patientId}/visits/${visitId}`);
    const labs = new VisitLabSection(desk);
    await labs.root.getByText('По этому приёму исследований не назначено.').waitFor();
    await check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'Анализы: nothing ordered');
    await labs.pick('калий', 'Калий');
    await labs.pick('глюк', 'Глюкоза');
    await expect.poll(() => labs.root.getByTestId('lab-chosen').getByRole('listitem').count()).toBe(2);
    await labs.order({ urgent: true, note: CLINICAL_NOTE });
    // One order for the one specimen (serum): potassium and glucose.
    const order = await labs.waitForStatus('Калий', 'ORDERED');
    const orderText = (await order.textContent()) ?? '';
    for (const t of ['Глюкоза', 'назначен', 'срочно']) expect(orderText).toContain(t);
    const specimenCode = (await labs.specimenCode('Калий'))!;
    expect(specimenCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]$/);
    const orderId = (await order.getAttribute('data-lab-order-id'))!;
    const stored = (await lab.stores.orders.byIds([orderId])).get(orderId);
    expect(stored).toMatchObject({ priority: 'URGENT', visitId, patientId, clinicalNote: CLINICAL_NOTE });
    await screenshot(desk, 'reception-visit-lab-orders', true);
    await check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'Анализы: an urgent order');
    await labs.collected('Калий');
    expect(await labs.orderWith('Калий').textContent()).toContain('биоматериал взят');
    await labs.sent('Калий');
    expect(await labs.orderWith('Калий').textContent()).toContain('отправлен');

    // The patient: the new order is only counted as in work; earlier released glucose is shown.
    const phone = patient.page;
    await phone.setViewportSize({ width: 390, height: 844 });
    await env.signInPortal(phone, P, patient.login, '/labs');
    const mine = new MyLabsPage(phone);
    await phone.getByTestId('lab-in-work').waitFor();
    await check(phone, 'portal', '/labs', 'an order in work, earlier results (phone)');

    // The doctor waits on «Результаты к проверке» with the live stream connected.
    const review = new LabReviewPage(desk);
    await review.open(R);
    await desk.locator('[data-testid=lab-alerts] [data-live=live]').waitFor();
    await desk.getByText('Непроверенных результатов нет.').waitFor();
    await desk.evaluate(() => {
      (window as Window & { labJourneyMark?: number }).labJourneyMark = 1;
    });

    // The partner laboratory: the sample client, once, with the demo laboratory's credentials,
    // through the gateway by document ids; potassium critical, glucose above the range.
    const output = await s.partnerLab(['--value', `${POTASSIUM.code}=6.9`, '--value', `${GLUCOSE.code}=7.4`]);
    expect(output).toContain(`${specimenCode}: 2 result(s) posted`);
    expect((await lab.stores.orders.byIds([orderId])).get(orderId)?.status).toBe('RESULTED');

    // Live: the banner and the alert arrive without a reload.
    await alertBanner(desk).filter({ hasText: '6,9 ммоль/л' }).waitFor();
    const banner = (await alertBanner(desk).textContent()) ?? '';
    expect(banner).toContain(`${POTASSIUM.name}: 6,9 ммоль/л`);
    expect(banner.toLowerCase()).toContain('критически высокое значение');
    await review.alert('Калий').waitFor();
    expect(await desk.evaluate(() => (window as Window & { labJourneyMark?: number }).labJourneyMark)).toBe(
      1,
    );
    // The on-call mailbox is told, without the patient's name or the value.
    const mail = await s.mailbox.waitFor((m) => m.to === LAB_ALERT_MAILBOX);
    expect(mail.subject).toBe('Критическое значение анализа');
    for (const secret of ['Соколова', '6,9', '6.9', specimenCode]) expect(mail.text).not.toContain(secret);

    // Nothing reaches the patient before the review (the page reloaded: still only "in work").
    await mine.open(P);
    await phone.getByTestId('lab-in-work').waitFor();
    expect(await mine.order('Калий').count()).toBe(0);
    expect(await phone.locator('main').textContent()).not.toContain('6,9');

    // The banner on every page of the doctor (here the visit, where the order is now resulted).
    await desk.goto(`${R}/record/${patientId}/visits/${visitId}`);
    await labs.waitForStatus('Калий', 'RESULTED');
    await alertBanner(desk).filter({ hasText: '6,9 ммоль/л' }).waitFor();
    await screenshot(desk, 'reception-lab-alert-banner');
    await check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'critical-value banner');

    // «Результаты к проверке»: the open alert, the order with values, norms, flags and history.
    await review.open(R);
    await review.alert('Калий').waitFor();
    await review.resultRow('Глюкоза').waitFor();
    // Flags in words (the text may start a sentence: compared in lower case).
    const glucose = ((await review.resultRow('Глюкоза').textContent()) ?? '').toLowerCase();
    for (const t of ['7,4 ммоль/л', '3,9–6,1 ммоль/л', 'выше нормы', '5,4 (']) expect(glucose).toContain(t);
    const potassium = ((await review.resultRow('Калий').textContent()) ?? '').toLowerCase();
    for (const t of ['6,9 ммоль/л', '3,5–5,1 ммоль/л', 'критически высокое значение'])
      expect(potassium).toContain(t);
    await screenshot(desk, 'reception-lab-review', true);
    await check(desk, 'reception', '/lab', 'an open alert, one order to review');
    await review.acknowledge('Калий');
    await alertBanner(desk).waitFor({ state: 'detached' });
    await review.review('Глюкоза', REVIEW_COMMENT);
    await desk.getByText('Непроверенных результатов нет.').waitFor();
    await check(desk, 'reception', '/lab', 'nothing to review');
    const released = (await lab.stores.orders.byIds([orderId])).get(orderId);
    expect(released).toMatchObject({ status: 'RELEASED', reviewComment: REVIEW_COMMENT });

    // The patient card: the laboratory history with the released order.
    await desk.goto(`${R}/record/${patientId}`);
    await desk
      .getByTestId('patient-lab-history')
      .locator(`[data-lab-order-id="${orderId}"][data-status="RELEASED"]`)
      .waitFor();
    await check(desk, 'reception', '/record/[patientId]', 'laboratory history');

    // The patient: the released results with norms and flags in words, the comment, the chart.
    await mine.open(P);
    const card = mine.order('Калий');
    await card.waitFor();
    const text = ((await card.textContent()) ?? '').toLowerCase();
    for (const t of [
      '6,9 ммоль/л',
      '3,5–5,1 ммоль/л',
      'критически высокое значение',
      '7,4 ммоль/л',
      'выше нормы',
      'Комментарий врача',
      REVIEW_COMMENT,
    ])
      expect(text).toContain(t.toLowerCase());
    expect(await phone.getByTestId('lab-in-work').count()).toBe(0);
    const chart = mine.chart(GLUCOSE.name);
    await chart.waitFor();
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Глюкоза в сыворотке: 6 значений, последнее 7,4 ммоль\/л/,
    );
    expect(await chart.locator('tbody tr').count()).toBe(6);
    expect((await chart.locator('tbody').textContent())?.toLowerCase()).toContain('выше нормы');
    await screenshot(phone, 'portal-my-labs', true);
    await check(phone, 'portal', '/labs', 'released results with charts (phone)');

    // `lab.results_released` (no values) reached the schedule's inbox. The e-mail "results are
    // ready" is not sent here: the e2e stack runs with reminders off (REMINDERS_ENABLED=false).
    const event = await until(async () => {
      const rows = await lab.database.query<{ payload: Record<string, unknown>; delivered: boolean }>(
        `select payload, delivered_at is not null as delivered from outbox
          where type = 'lab.results_released' and payload->>'orderId' = $1`,
        [orderId],
      );
      return rows[0]?.delivered ? rows[0] : null;
    }, 'the release event relayed to the schedule');
    expect(Object.keys(event.payload).sort()).toEqual(['orderId', 'patientId']);
    const taken = await schedule.database.query<{ n: number }>(
      `select count(*)::int as n from inbox where type = 'lab.results_released'`,
    );
    expect(taken[0]?.n).toBeGreaterThan(0);

    expect(env.blocking.slice(from)).toEqual([]);
    // Two apps, a child process and many axe runs: longer than one journey on a small machine.
  }, 180_000);
}
