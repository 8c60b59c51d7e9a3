/**
 * Billing away from the till, run inside an existing suite's stack: the accountant's
 * «Бухгалтерия» (a day's invoices of the branch with totals, the reconciliation and the 1C
 * export shown, the price list, a new price), the day's reconciliation against the API and a
 * tax-deduction certificate (PDF and FNS XML) for a patient who paid, and reception's read-only
 * view of a patient's invoices in the patient card.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, it, onTestFinished } from 'vitest';
import { axe } from './a11y';
import { downloadOf, StaffInvoicePage, signInStaff, textOf } from './billing-pages';
import {
  clinicToday,
  createInvoice,
  newStaff,
  payAtDesk,
  reconciliationOf,
  registerPatient,
  seedPrices,
  taxCertificatesOf,
} from './billing-seed';
import type { JourneyEnv } from './record-journeys';
import { screenshot } from './screens';

/** "2 500,00 ₽" with plain spaces, as `textOf` reads amounts. */
const rubles = (k: number) =>
  `${k < 0 ? '−' : ''}${String(Math.floor(Math.abs(k) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(Math.abs(k) % 100).padStart(2, '0')} ₽`;
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

  it('the accountant sees the day’s reconciliation as the API computes it and issues a tax certificate with its PDF and XML', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const R = s.urls.reception;
    const { therapy, certificate } = await seedPrices(s);
    const { patientId } = await registerPatient(s, 'Гусева');
    const invoice = await createInvoice(s, patientId, [{ priceItemId: therapy.id }]);
    await payAtDesk(s, invoice.id, 250000);
    // Marked as expensive treatment (code 02) below.
    const expensive = await createInvoice(s, patientId, [{ priceItemId: certificate.id }]);
    await payAtDesk(s, expensive.id, 50000);
    const today = clinicToday();

    const accountant = await newStaff(s, 'accountant', 'Кравец Ольга Павловна');
    const context = await s.context({ width: 1400, height: 900 });
    onTestFinished(() => context.close().catch(() => {}));
    const page = await context.newPage();
    await signInStaff(page, R, accountant, '/accounting');
    // The ledger of the day by method, as the API reconciles it (the journeys' payments included).
    const rec = page.getByTestId('reconciliation');
    await rec.locator('[data-method]').first().waitFor();
    const api = await reconciliationOf(s, today);
    expect(api.ledger.find((l) => l.method === 'CASH')?.paymentsKopecks).toBeGreaterThanOrEqual(300000);
    for (const l of api.ledger) {
      const row = await textOf(rec.locator(`tr[data-method="${l.method}"]`));
      expect(row).toContain(`${rubles(l.paymentsKopecks)} (${l.paymentsCount})`);
      expect(row).toContain(`${rubles(l.refundsKopecks)} (${l.refundsCount})`);
      expect(row).toContain(rubles(l.netKopecks));
    }
    expect(await rec.locator('tr[data-method]').count()).toBe(api.ledger.length);
    // The clean case: every payment has its receipt, every shift its report.
    expect(api.discrepancies).toEqual([]);
    expect(await rec.getAttribute('data-balanced')).toBe('true');

    // «Справки для налогового вычета»: the patient of today's invoices, this year, the patient pays.
    const panel = page.getByTestId('tax-certificates-panel');
    await panel.getByLabel('Пациент (из счетов дня)').selectOption(patientId);
    await panel.getByText('Справок для этого пациента ещё не выдавали.').waitFor();
    const taxpayer = panel.getByRole('group', { name: 'Налогоплательщик' });
    await taxpayer.getByLabel('ФИО').fill('Гусева Ирина Олеговна');
    await taxpayer.getByLabel('Дата рождения').fill('09.05.1972');
    await taxpayer.getByLabel('Серия и номер документа').fill('4510 123456');
    await taxpayer.getByLabel('Дата выдачи документа').fill('01.04.2005');
    await panel.getByRole('checkbox', { name: new RegExp(`^Счёт № ${expensive.number}:`) }).check();
    await check(page, 'reception', '/accounting', 'a tax certificate being filled');
    await panel.getByRole('button', { name: 'Выдать справку' }).click();
    await panel.locator('output.alert').filter({ hasText: 'Справка №' }).waitFor();
    const [issued] = await taxCertificatesOf(s, patientId);
    expect(issued).toMatchObject({ year: Number(today.slice(0, 4)), totalKopecks: 300000 });
    expect([...issued!.sums].sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: '01', kopecks: 250000 },
      { code: '02', kopecks: 50000 },
    ]);
    const row = panel.locator(`tr[data-certificate-id="${issued!.id}"]`);
    expect(await textOf(row.getByTestId('certificate-total'))).toBe('3 000,00 ₽');
    expect(await textOf(row)).toContain('код 02 — дорогостоящее лечение: 500,00 ₽');
    expect(await textOf(row)).toContain(`№ ${issued!.number}`);
    await check(page, 'reception', '/accounting', 'a tax certificate issued');
    const pdf = await downloadOf(page, row.getByRole('link', { name: /^PDF/ }));
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const xml = new TextDecoder('windows-1251').decode(
      await downloadOf(page, row.getByRole('link', { name: /^XML для ФНС/ })),
    );
    expect(xml).toMatch(/КНД="1151156"/);
    expect(env.blocking.slice(from)).toEqual([]);
  }, 180_000);
}
