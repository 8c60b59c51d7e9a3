import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { axe } from '../src/a11y';
import { billingDeskContracts } from '../src/billing-contracts';
import { billingJourneys } from '../src/billing-journey';
import { billingOfficeJourney } from '../src/billing-office';
import type { JourneyEnv } from '../src/record-journeys';
import { hasChromium, type Stack, startStack } from '../src/stack';

const run = hasChromium() || process.env.CI ? describe : describe.skip;
const require = createRequire(import.meta.url);
const AXE_VERSION = (require('axe-core/package.json') as { version: string }).version;
const PASSWORD = 'billing-e2e-password';

run('billing: online payment in the portal, the cashier desk and accounting in Chromium', () => {
  let s: Stack;
  let staffToken: string;
  const blocking: string[] = [];

  beforeAll(async () => {
    s = await startStack({
      receptionTotp: true,
      // Receipts of payments waiting for the register are sent again only by the cashier here
      // (the background retry would race the journey's «Отправить чек повторно»).
      billingEnv: { PAYMENT_RETRY_MS: '600000' },
    });
    staffToken = (await s.platform.account('receptionist', { branchIds: [s.branch.id] })).token;
  });
  afterAll(async () => {
    await s?.stop();
  });

  const env: JourneyEnv = {
    stack: () => s,
    /** A patient with a record and a portal account (own login), on a new page. */
    async newPatient() {
      const phone = `+7916${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      const reg = await s.platform.query(
        `mutation ($input: PatientInput!) { registerPatient(input: $input, confirmNotDuplicate: true) { patient { id } } }`,
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
      const login = `bill-${randomUUID().slice(0, 8)}@example.ru`;
      await s.platform.identity.createAccount({ role: 'patient', login, password: PASSWORD, patientId });
      const context = await s.context({ width: 420, height: 900 });
      return { page: await context.newPage(), login, patientId, context };
    },
    async signInPortal(page: Page, portal: string, login: string, next: string) {
      await page.goto(`${portal}/signin?next=${encodeURIComponent(next)}`);
      await page.getByLabel('Телефон или e-mail').fill(login);
      await page.getByLabel('Пароль').fill(PASSWORD);
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.waitForURL(`${portal}${next}`);
    },
    async signInReception(page: Page, reception: string, code: () => string) {
      await page.goto(`${reception}/signin`);
      await page.getByLabel('Логин (e-mail)').fill('reception@e2e.medikamente.test');
      await page.getByLabel('Пароль').fill('reception-e2e-password');
      await page.getByRole('button', { name: 'Войти' }).click();
      await page.getByLabel('Код из приложения-аутентификатора').fill(code());
      await page.getByRole('button', { name: 'Подтвердить' }).click();
      await page.waitForURL(`${reception}/`);
    },
    async check(page, app, path, state) {
      blocking.push(...(await axe(page, { app, page: path, state, section: 'billing' })));
    },
    blocking,
  };
  billingJourneys(env, AXE_VERSION);
  billingOfficeJourney(env);
  billingDeskContracts(env);
});
