/**
 * Billing away from the till, run inside an existing suite's stack: the accountant's
 * «Бухгалтерия» (a day's invoices of the branch with totals, the reconciliation and the 1C
 * export shown, the price list, a new price) and reception's read-only view of a patient's
 * invoices in the patient card.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, it, onTestFinished } from 'vitest';
import { axe } from './a11y';
import { StaffInvoicePage, signInStaff, textOf } from './billing-pages';
import { clinicToday, createInvoice, newStaff, registerPatient, seedPrices } from './billing-seed';
import type { JourneyEnv } from './record-journeys';
import { screenshot } from './screens';

const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Registers the accountant's and reception's billing tests in the calling suite. */
export function billingOfficeJourney(env: JourneyEnv): void {
  const check = async (page: Page, app: 'portal' | 'reception', path: string, state: string) => {
    env.blocking.push(...(await axe(page, { app, page: path, state, section: 'billing' })));
  };

  it('the accountant sees the day’s invoices with totals and sets a price; reception reads a patient’s invoices without actions', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const R = s.urls.reception;
    const { therapy } = await seedPrices(s);
    const { patientId } = await registerPatient(s, 'Захарова');
    const invoice = await createInvoice(s, patientId, [{ priceItemId: therapy.id, quantity: 2 }]);

    const accountant = await newStaff(s, 'accountant', 'Белова Светлана Юрьевна');
    const context = await s.context({ width: 1400, height: 900 });
    onTestFinished(() => context.close().catch(() => {}));
    const page = await context.newPage();
    await signInStaff(page, R, accountant, '/accounting');
    expect(
      await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link').allTextContents(),
    ).toEqual(['Бухгалтерия', 'Двухфакторный вход']);
    await page.getByRole('heading', { name: `Счета за ${ruDate(clinicToday())}` }).waitFor();
    const row = page.locator(`tr[data-invoice-id="${invoice.id}"]`);
    await row.waitFor();
    expect(await textOf(row)).toContain('5 000,00 ₽');
    await page.getByTestId('invoice-totals').waitFor();
    // The day's reconciliation and the 1C export are shown (their figures: billing's own tests).
    await page.locator('[data-testid=reconciliation][data-balanced]').waitFor();
    await page.getByRole('heading', { name: 'Учёт по способам оплаты' }).waitFor();
    await page.getByTestId('onec-export').waitFor();
    await page.locator(`tr[data-price-code]`).first().waitFor();
    await screenshot(page, 'reception-accounting', true);
    await check(page, 'reception', '/accounting', 'a day’s invoices, the price list');

    // A new price from today: in the list, and on the API's price list.
    const code = `extract-${randomUUID().slice(0, 8)}`;
    await page.getByLabel('Вид позиции').selectOption('OTHER');
    await page.getByLabel('Код в прейскуранте').fill(code);
    await page.getByLabel('Наименование').fill('Выписка из медицинской карты');
    await page.getByLabel('Цена, ₽').fill('350');
    await page.getByRole('button', { name: 'Сохранить цену' }).click();
    await page.locator(`tr[data-price-code="${code}"]`).waitFor();
    expect(await textOf(page.locator('output.alert'))).toBe(
      `Цена «Выписка из медицинской карты» 350,00 ₽ действует с ${ruDate(clinicToday())}`,
    );
    const list = await s.platform.query(
      `query ($b: ID!) { priceList(branchId: $b) { code priceKopecks vat } }`,
      { b: s.branch.id },
      (await s.platform.account('cashier', { branchIds: [s.branch.id] })).token,
    );
    expect(list.data.priceList).toContainEqual({ code, priceKopecks: 35000, vat: 'NONE' });
    await check(page, 'reception', '/accounting', 'a price saved');

    // Reception: the patient card lists the invoice; the invoice opens read-only.
    const front = await s.context({ width: 1400, height: 900 });
    onTestFinished(() => front.close().catch(() => {}));
    const desk = await front.newPage();
    await env.signInReception(desk, R, s.receptionCode);
    await desk.goto(`${R}/patients/${patientId}`);
    const section = desk.locator('[data-section=invoices]');
    await section.locator(`tr[data-invoice-id="${invoice.id}"]`).waitFor();
    await check(desk, 'reception', '/patients/[id]', 'the patient’s invoices');
    await section.getByRole('link', { name: `№ ${invoice.number}` }).click();
    const view = new StaffInvoicePage(desk);
    await view.waitForStatus('UNPAID');
    expect(await view.balance()).toBe('5 000,00 ₽');
    expect(await view.payForm.count()).toBe(0);
    expect(await desk.getByRole('button', { name: 'Оформить возврат' }).count()).toBe(0);
    await check(desk, 'reception', '/invoices/[id]', 'read-only for reception');
    expect(env.blocking.slice(from)).toEqual([]);
  }, 180_000);
}
