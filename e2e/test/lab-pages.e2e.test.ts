/**
 * The laboratory pages in Chromium on the built apps, against the stand-in gateway
 * (src/lab-fake.ts) until the lab subgraph runs in the e2e stack: the doctor orders tests in a
 * visit and records the specimen's steps, a critical value arrives live, the doctor reviews, the
 * patient reads the released result and its chart. axe runs on every page state on the way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApps } from '../../scripts/dev-apps';
import { axe, writeAxeSection } from '../src/a11y';
import { type LabFakeGateway, startLabFakeGateway } from '../src/lab-fake';
import { FIXTURE, GLUCOSE, GLUCOSE_RANGE, POTASSIUM, POTASSIUM_RANGE } from '../src/lab-fixtures';
import { alertBanner, LabReviewPage, MyLabsPage, VisitLabSection } from '../src/lab-pages';
import { screenshot } from '../src/screens';
import { freePort, hasChromium, launchChromium, withBuildLock } from '../src/stack';

const run = hasChromium() || process.env.CI ? describe : describe.skip;
const require = createRequire(import.meta.url);
const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version;

run(
  'laboratory pages (stand-in gateway): order, steps, live critical alert, review, the patient’s results',
  () => {
    let fake: LabFakeGateway;
    let apps: Awaited<ReturnType<typeof startApps>>;
    let browser: Browser;
    let dataDir: string;
    const blocking: string[] = [];
    const check = async (page: Page, app: 'portal' | 'reception', path: string, state: string) => {
      blocking.push(...(await axe(page, { app, page: path, state })));
    };

    beforeAll(async () => {
      fake = await startLabFakeGateway();
      dataDir = mkdtempSync(join(tmpdir(), 'mk-e2e-lab-'));
      const [portalPort, receptionPort] = [await freePort(), await freePort()];
      apps = await withBuildLock(() =>
        startApps({
          gatewayUrl: fake.url,
          identityUrl: fake.url,
          dataDir,
          portalPort,
          receptionPort,
          stdio: 'ignore',
          log: () => {},
        }),
      );
      browser = await launchChromium();
    });
    afterAll(async () => {
      writeAxeSection(
        new URL('../../docs/accessibility.md', import.meta.url),
        'lab',
        'Laboratory pages',
        `axe-core ${AXE_VERSION} on the doctor's «Анализы» of a visit, «Результаты к проверке» with the live
critical-value banner, the patient card's laboratory history and the portal's «Мои анализы» (phone width),
served by the built apps against a stand-in gateway (\`e2e/src/lab-fake.ts\`):
\`A11Y_REPORT=1 npx vitest run --project e2e lab-pages\`.`,
      );
      await browser?.close().catch(() => {});
      await apps?.stop();
      await fake?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('the doctor orders, the lab reports a critical value live, the doctor reviews; the patient sees it with its chart', async () => {
      const { reception: R, portal: P } = apps.urls;
      const { patient, visit } = FIXTURE;
      const doctorContext = await browser.newContext({
        locale: 'ru-RU',
        viewport: { width: 1400, height: 900 },
      });
      const desk = await doctorContext.newPage();
      await desk.goto(`${R}/signin`);
      await desk.getByLabel('Логин (e-mail)').fill('doctor@e2e.medikamente.test');
      await desk.getByLabel('Пароль').fill('doctor-e2e-password');
      await desk.getByRole('button', { name: 'Войти' }).click();
      await desk.waitForURL(`${R}/doctor`);
      const nav = desk.getByRole('navigation', { name: 'Разделы' });
      await nav.getByRole('link', { name: 'Результаты к проверке' }).waitFor();

      // «Анализы» of the visit: catalogue search, several tests, priority, note.
      await desk.goto(`${R}/record/${patient.id}/visits/${visit.id}`);
      const labs = new VisitLabSection(desk);
      await labs.root.getByText('По этому приёму исследований не назначено.').waitFor();
      await check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'Анализы: nothing ordered');
      await labs.pick('глюк', 'Глюкоза');
      await labs.pick('кал', 'Калий');
      await labs.pick('моч', 'Общий анализ мочи');
      await expect.poll(() => labs.root.getByTestId('lab-chosen').getByRole('listitem').count()).toBe(3);
      await labs.order({ urgent: true, note: 'Натощак, контроль после коррекции терапии' });
      // One order per specimen type: blood (glucose + potassium) and urine.
      const blood = await labs.waitForStatus('Глюкоза', 'ORDERED');
      expect(await blood.textContent()).toContain('Калий');
      expect(await blood.getByTestId('specimen-code').textContent()).toMatch(/^S-[0-9A-F]{4}-[0-9A-F]{4}$/);
      await labs.waitForStatus('Общий анализ мочи', 'ORDERED');
      expect(await blood.textContent()).toContain('назначен');
      expect(await blood.textContent()).toContain('срочно');
      await screenshot(desk, 'reception-visit-lab-orders', true);
      await check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'Анализы: two orders');

      await labs.collected('Глюкоза');
      expect(await labs.orderWith('Глюкоза').textContent()).toContain('биоматериал взят');
      await labs.sent('Глюкоза');
      expect(await labs.orderWith('Глюкоза').textContent()).toContain('отправлен');
      await labs.cancel('Общий анализ мочи', 'Пациент отказался');
      expect(await labs.orderWith('Общий анализ мочи').textContent()).toContain('отменён: Пациент отказался');

      // The patient sees nothing of the new order's results before the review.
      const patientContext = await browser.newContext({
        locale: 'en-US',
        viewport: { width: 390, height: 844 },
      });
      const phone = await patientContext.newPage();
      await phone.goto(`${P}/signin?next=${encodeURIComponent('/labs')}`);
      await phone.getByLabel('Телефон или e-mail').fill('anna@example.ru');
      await phone.getByLabel('Пароль').fill('patient-password');
      await phone.getByRole('button', { name: 'Войти' }).click();
      await phone.waitForURL(`${P}/labs`);
      await phone.getByTestId('lab-in-work').waitFor();

      // The laboratory reports: glucose high, potassium critical — the banner arrives live.
      await expect.poll(() => fake.subscribers()).toBeGreaterThan(0);
      const order = fake.orders.find(
        (o) => o.tests.some((t) => t.testId === GLUCOSE.id) && o.status === 'SENT',
      )!;
      fake.postResults(order.id, [
        {
          testId: GLUCOSE.id,
          testName: 'Глюкоза',
          kind: 'NUMERIC',
          numeric: 7.4,
          unit: 'ммоль/л',
          coded: null,
          text: null,
          ...GLUCOSE_RANGE,
          flag: 'H',
          flagText: 'выше нормы',
          critical: false,
          partnerComment: 'Образец взят не натощак?',
          resultedAt: new Date().toISOString(),
        },
        {
          testId: POTASSIUM.id,
          testName: 'Калий',
          kind: 'NUMERIC',
          numeric: 6.8,
          unit: 'ммоль/л',
          coded: null,
          text: null,
          ...POTASSIUM_RANGE,
          flag: 'HH',
          flagText: 'критически высокое значение',
          critical: true,
          partnerComment: null,
          resultedAt: new Date().toISOString(),
        },
      ]);
      await alertBanner(desk).getByText('Калий: 6,8 ммоль/л').waitFor();
      expect(await alertBanner(desk).textContent()).toContain('критически высокое значение');
      await screenshot(desk, 'reception-lab-alert-banner');
      await check(desk, 'reception', '/record/[patientId]/visits/[visitId]', 'critical-value banner');

      const review = new LabReviewPage(desk);
      await review.open(R);
      await review.alert('Калий').waitFor();
      await review.resultRow('Глюкоза').waitFor();
      const glucose = (await review.resultRow('Глюкоза').textContent()) ?? '';
      for (const text of [
        '7,4 ммоль/л',
        '3,9–6,1 ммоль/л',
        'выше нормы',
        '5,9 (',
        '5,2 (',
        'Образец взят не натощак?',
      ])
        expect(glucose).toContain(text);
      await screenshot(desk, 'reception-lab-review', true);
      await check(desk, 'reception', '/lab', 'an open alert, one order to review');
      await review.acknowledge('Калий');
      await alertBanner(desk).waitFor({ state: 'detached' });
      await review.review(
        'Глюкоза',
        'Глюкоза повышена: повторите натощак через неделю. Калий пересдать срочно.',
      );
      await desk.getByText('Непроверенных результатов нет.').waitFor();
      await check(desk, 'reception', '/lab', 'nothing to review');

      // The patient card: the laboratory history with the released order.
      await desk.goto(`${R}/record/${patient.id}`);
      const history = desk.getByTestId('patient-lab-history');
      await history
        .locator('[data-lab-order-id][data-status="RELEASED"]')
        .filter({ hasText: 'Калий' })
        .waitFor();
      await check(desk, 'reception', '/record/[patientId]', 'laboratory history');

      // The patient: the released results with norms and flags in words, the doctor's comment, the chart.
      const mine = new MyLabsPage(phone);
      await mine.open(P);
      const released = mine.order('Калий');
      await released.waitFor();
      const text = (await released.textContent()) ?? '';
      for (const t of [
        '6,8 ммоль/л',
        '3,5–5,1 ммоль/л',
        'критически высокое значение',
        '7,4 ммоль/л',
        'Комментарий врача',
      ])
        expect(text).toContain(t);
      const chart = mine.chart('Глюкоза');
      await chart.waitFor();
      expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(
        /^Глюкоза: 3 значения, последнее 7,4 ммоль\/л/,
      );
      expect(await chart.locator('tbody tr').count()).toBe(3);
      await screenshot(phone, 'portal-my-labs', true);
      await check(phone, 'portal', '/labs', 'released results with charts (phone)');

      await patientContext.close();
      await doctorContext.close();
      expect(blocking).toEqual([]);
    }, 180_000);
  },
);
