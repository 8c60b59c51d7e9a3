/**
 * Billing in Chromium, run inside an existing suite's stack: the patient accepts the contract
 * for paid services (and downloads its PDF), pays an invoice online
 * through the provider emulator's checkout page and sees it paid with the electronic receipt (and
 * a declined payment charges nothing); the cashier opens the shift, invoices from the price list
 * with a discount, takes cash with change, refunds part with a return receipt, sees a payment
 * waiting for an unreachable register and sends its receipt again, closes the shift. axe runs on
 * every billing page state (the «billing» section of docs/accessibility.md).
 */
import type { Page } from 'playwright-core';
import { afterAll, expect, it, onTestFinished } from 'vitest';
import { axe, writeAxeSection } from './a11y';
import {
  CashierDeskPage,
  checkout,
  PaymentsPage,
  plain,
  StaffInvoicePage,
  signInStaff,
  textOf,
} from './billing-pages';
import {
  contractOf,
  createContract,
  createInvoice,
  invoiceOf,
  newStaff,
  type Prices,
  registerPatient,
  seedPrices,
} from './billing-seed';
import type { JourneyEnv } from './record-journeys';
import { screenshot } from './screens';

/** Registers the billing journeys as tests of the calling suite; `axeVersion` for the report. */
export function billingJourneys(env: JourneyEnv, axeVersion: string): void {
  const check = async (page: Page, app: 'portal' | 'reception', path: string, state: string) => {
    env.blocking.push(...(await axe(page, { app, page: path, state, section: 'billing' })));
  };
  let seeded: Promise<Prices> | undefined;
  const prices = () => {
    seeded ??= seedPrices(env.stack());
    return seeded;
  };
  afterAll(() =>
    writeAxeSection(
      new URL('../../docs/accessibility.md', import.meta.url),
      'billing',
      'Billing pages',
      `axe-core ${axeVersion} on the portal's «Договоры и оплаты» (phone width) with a draft contract, before
and after an online payment, and the staff app's «Касса», invoice page (payment, refund, a payment waiting for the register),
receipt print view and «Бухгалтерия» (with the reconciliation and a tax-deduction certificate), the patient card's
contracts made at the desk, on the real platform (billing with the ATOL and YooKassa emulators):
\`A11Y_REPORT=1 npx vitest run --project e2e billing\`.`,
    ),
  );

  it('the patient accepts the contract, pays an invoice online through the provider and sees it paid with the receipt; a declined payment charges nothing', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const { therapy, certificate } = await prices();
    const patient = await env.newPatient();
    onTestFinished(() => patient.context.close().catch(() => {}));
    const contract = await createContract(s, patient.patientId, [{ priceItemId: therapy.id }]);
    const paid = await createInvoice(s, patient.patientId, [{ priceItemId: therapy.id }]);
    const declined = await createInvoice(s, patient.patientId, [{ priceItemId: certificate.id }]);
    const phone = patient.page;
    await phone.setViewportSize({ width: 390, height: 844 });
    await env.signInPortal(phone, s.urls.portal, patient.login, '/payments');
    const payments = new PaymentsPage(phone);
    await phone
      .getByRole('navigation', { name: 'Основное меню' })
      .getByRole('link', { name: 'Договоры и оплаты' })
      .waitFor();
    const card = payments.invoice(paid.id);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('UNPAID');
    const unpaid = await textOf(card);
    for (const t of [`Счёт № ${paid.number}`, 'Приём терапевта', '2 500,00 ₽', 'не оплачен'])
      expect(unpaid).toContain(t);
    // The contract reception prepared: services and prices, the PDF, accepted here.
    const draft = payments.contract(contract.id);
    expect(await draft.getAttribute('data-status')).toBe('DRAFT');
    expect(await textOf(draft)).toContain(`Договор № ${contract.number}`);
    expect(await textOf(draft)).toContain('2 500,00 ₽');
    await screenshot(phone, 'portal-payments-unpaid', true);
    await check(phone, 'portal', '/payments', 'unpaid invoices, a draft contract (phone)');
    expect((await payments.contractPdf(contract.id)).subarray(0, 5).toString()).toBe('%PDF-');
    await payments.acceptContract(contract.id);
    expect(await textOf(payments.contract(contract.id).getByTestId('contract-accepted'))).toMatch(
      /^Принят в личном кабинете \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/,
    );
    expect(await contractOf(s, contract.id)).toMatchObject({
      status: 'ACCEPTED',
      acceptanceChannel: 'PORTAL',
    });

    // «Оплатить онлайн» → the provider's page → «Оплатить» → back to /payments?invoice=<id>.
    await payments.payOnline(paid.id);
    expect(plain(await phone.locator('body').textContent())).toContain('2 500,00 ₽');
    await checkout(phone, 'Оплатить');
    await phone.waitForURL(`${s.urls.portal}/payments?invoice=${paid.id}`);
    await phone.locator('[data-testid=payment-return][data-settled=ok]').waitFor({ timeout: 30_000 });
    expect(await textOf(phone.getByTestId('payment-return'))).toContain(`Счёт № ${paid.number} оплачен`);
    await phone.locator(`li[data-invoice-id="${paid.id}"][data-status="PAID"]`).waitFor();
    const receipt = card.locator('article.receipt[data-operation="SELL"]');
    const receiptText = await textOf(receipt);
    for (const t of ['Приход', 'Приём терапевта', '1 × 2 500,00 ₽', 'ИТОГО', 'Безналичными', 'без НДС'])
      expect(receiptText).toContain(t);
    expect(await textOf(receipt.getByTestId('receipt-total'))).toBe('2 500,00 ₽');
    expect(await textOf(card.getByTestId('invoice-balance'))).toBe('0,00 ₽');
    // The fiscal sign shown is the one the online register printed for this sale.
    const sign = await textOf(receipt.locator('[data-field=fiscalSign]'));
    const printed = s.platform.emulators.onlineRegister.state.receipts.find(
      (r) => r.fiscalParams.fiscalDocumentSign === sign,
    );
    expect(printed).toMatchObject({ type: 'sell', totalKopecks: 250000, electronicKopecks: 250000 });
    const api = await invoiceOf(s, paid.id);
    expect(api).toMatchObject({ status: 'PAID', paidKopecks: 250000, balanceKopecks: 0 });
    expect(api.payments).toMatchObject([{ method: 'ONLINE', status: 'CAPTURED', amountKopecks: 250000 }]);
    await screenshot(phone, 'portal-payments-paid', true);
    await check(phone, 'portal', '/payments', 'paid online, the receipt shown (phone)');

    // «Отказаться» at the provider: back with the invoice unpaid and nothing charged.
    await payments.payOnline(declined.id);
    await checkout(phone, 'Отказаться');
    await phone.waitForURL(`${s.urls.portal}/payments?invoice=${declined.id}`);
    await phone.locator('[data-testid=payment-return][data-settled=warn]').waitFor({ timeout: 30_000 });
    expect(await textOf(phone.getByTestId('payment-return'))).toContain('не прошла');
    expect(await payments.invoice(declined.id).getAttribute('data-status')).toBe('UNPAID');
    expect(await textOf(payments.invoice(declined.id).getByTestId('invoice-balance'))).toBe('500,00 ₽');
    expect((await invoiceOf(s, declined.id)).payments).toMatchObject([{ status: 'CANCELED' }]);
    await check(phone, 'portal', '/payments', 'payment declined at the provider (phone)');
    expect(env.blocking.slice(from)).toEqual([]);
  }, 180_000);

  it('the cashier opens the shift, invoices with a discount, takes cash with change, refunds part with a return receipt, sends a waiting receipt again and closes the shift', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const R = s.urls.reception;
    const register = s.platform.emulators.deskRegister;
    const { therapy, certificate } = await prices();
    const { phone } = await registerPatient(s, 'Лебедева');
    const cashier = await newStaff(s, 'cashier', 'Орлова Дарья Игоревна');
    const context = await s.context({ width: 1400, height: 900 });
    onTestFinished(() => context.close().catch(() => {}));
    const page = await context.newPage();
    await signInStaff(page, R, cashier, '/cashier');
    expect(
      await page.getByRole('navigation', { name: 'Разделы' }).getByRole('link').allTextContents(),
    ).toEqual(['Касса', 'Двухфакторный вход']);

    const desk = new CashierDeskPage(page);
    await desk.open(R);
    await check(page, 'reception', '/cashier', 'shift not open');
    await desk.openShift();
    expect(await textOf(page.getByTestId('shift-state'))).toMatch(/^Смена № \d+ открыта с /);
    expect(register.state.shift.open).toBe(true);

    // A new invoice: the visit, and two certificates with a discount (within the cashier's 10 %).
    await desk.pickPatient(phone);
    await desk.fillLine(1, { priceItemId: therapy.id });
    await desk.fillLine(2, {
      priceItemId: certificate.id,
      quantity: 2,
      discount: '100',
      reason: 'Пенсионер',
    });
    expect(await textOf(page.getByTestId('invoice-form-total'))).toBe('3 400,00 ₽');
    await screenshot(page, 'reception-cashier-new-invoice', true);
    await check(page, 'reception', '/cashier', 'a new invoice with a discount');
    const invoiceId = await desk.createInvoice(R);
    const invoice = new StaffInvoicePage(page);
    await invoice.waitForStatus('UNPAID');
    const lines = await textOf(page.locator('table.invoice-lines'));
    for (const t of ['Приём терапевта', 'Справка для бассейна', '100,00 ₽', 'Пенсионер', '3 400,00 ₽'])
      expect(lines).toContain(t);
    expect(await invoice.balance()).toBe('3 400,00 ₽');
    await check(page, 'reception', '/invoices/[id]', 'unpaid, the payment form');

    // Cash: 5 000 ₽ tendered, 1 600 ₽ change; the receipt to the patient's phone.
    const form = invoice.payForm;
    expect(await form.getByLabel('Сумма оплаты, ₽').inputValue()).toBe('3\u00a0400,00');
    await form.getByLabel('Получено наличными, ₽').fill('5000');
    expect(await textOf(form.getByTestId('cash-change'))).toBe('Сдача: 1 600,00 ₽');
    await form.getByLabel('Телефон или e-mail для чека').fill(phone);
    await form.getByRole('button', { name: /^Принять наличные/ }).click();
    await invoice.waitForStatus('PAID');
    expect(await textOf(invoice.notice())).toBe(
      'Оплата 3 400,00 ₽ проведена, чек напечатан. Сдача: 1 600,00 ₽.',
    );
    const sale = invoice.receipts('SELL');
    const saleText = await textOf(sale);
    for (const t of ['Приход', 'Наличными', '3 400,00 ₽', phone, 'полный расчёт'])
      expect(saleText).toContain(t);
    const saleSign = await textOf(sale.locator('[data-field=fiscalSign]'));
    expect(register.state.receipts.find((r) => r.fiscalParams.fiscalDocumentSign === saleSign)).toMatchObject(
      {
        type: 'sell',
        cashKopecks: 340000,
      },
    );
    await screenshot(page, 'reception-invoice-paid', true);
    await check(page, 'reception', '/invoices/[id]', 'paid in cash, the receipt');

    // The print view of the receipt, then back.
    await page.getByRole('link', { name: /^Печать чека/ }).click();
    await page.waitForURL(new RegExp(`/invoices/${invoiceId}/receipts/`));
    expect(await textOf(page.locator('article.receipt [data-field=fiscalSign]'))).toBe(saleSign);
    await page.getByRole('button', { name: 'Печать' }).waitFor();
    await check(page, 'reception', '/invoices/[id]/receipts/[receiptId]', 'print view');
    await page.getByRole('link', { name: /^К счёту/ }).click();
    await invoice.waitForStatus('PAID');

    // A partial refund with a reason: the return receipt, the invoice owes the refunded part again.
    await invoice.payment('CAPTURED').getByRole('button', { name: 'Оформить возврат' }).click();
    const refund = page.getByTestId('refund-form');
    await refund.getByRole('radio', { name: 'Частично' }).check();
    await refund.getByLabel('Сумма возврата, ₽').fill('500');
    await refund.getByLabel('Причина возврата').selectOption('Услуга оказана частично');
    await check(page, 'reception', '/invoices/[id]', 'the refund form');
    await refund.getByRole('button', { name: /^Вернуть/ }).click();
    await invoice.waitForStatus('PARTIALLY_PAID');
    expect(await textOf(invoice.notice())).toBe('Возврат 500,00 ₽ выполнен, чек возврата напечатан.');
    const back = invoice.receipts('SELL_RETURN');
    expect(await textOf(back.getByTestId('receipt-total'))).toBe('500,00 ₽');
    expect(await textOf(back)).toContain('Возврат прихода');
    const backSign = await textOf(back.locator('[data-field=fiscalSign]'));
    expect(register.state.receipts.find((r) => r.fiscalParams.fiscalDocumentSign === backSign)).toMatchObject(
      {
        type: 'sellReturn',
        totalKopecks: 50000,
      },
    );
    expect(await invoice.balance()).toBe('500,00 ₽');
    await screenshot(page, 'reception-invoice-refund', true);
    await check(page, 'reception', '/invoices/[id]', 'partly refunded, the return receipt');

    // The register does not answer: the card payment waits for its receipt, clearly; then again.
    await register.fail('down');
    await page.getByRole('radio', { name: 'Банковская карта' }).check();
    await invoice.payForm.getByRole('button', { name: /^Провести оплату картой/ }).click();
    const waiting = invoice.payment('PENDING_FISCAL');
    await waiting.getByTestId('pending-fiscal').waitFor();
    expect(await textOf(invoice.notice())).toContain('Касса не ответила');
    expect(await textOf(waiting)).toContain('Платёж ждёт чека кассы');
    await check(page, 'reception', '/invoices/[id]', 'a payment waiting for the register');
    const pendingId = (await waiting.getAttribute('data-payment-id'))!;
    await register.fail(null);
    await waiting.getByRole('button', { name: 'Отправить чек повторно' }).click();
    await invoice.waitForStatus('PAID');
    expect(await textOf(invoice.notice())).toBe('Касса напечатала чек, оплата проведена.');
    await page.locator(`[data-payment-id="${pendingId}"][data-status="CAPTURED"] article.receipt`).waitFor();
    expect(register.state.executions(pendingId)).toBe(1);
    const api = await invoiceOf(s, invoiceId);
    expect(api).toMatchObject({
      status: 'PAID',
      totalKopecks: 340000,
      paidKopecks: 390000,
      refundedKopecks: 50000,
      balanceKopecks: 0,
    });
    expect(api.payments.flatMap((p) => p.receipts.map((r) => r.operation)).sort()).toEqual([
      'SELL',
      'SELL',
      'SELL_RETURN',
    ]);

    // Today's invoices of the branch list it; the shift is closed at the end of the day.
    await desk.open(R);
    await page.locator(`tr[data-invoice-id="${invoiceId}"]`).waitFor();
    await desk.closeShift();
    expect(register.state.shift.open).toBe(false);
    await check(page, 'reception', '/cashier', 'shift closed, today’s invoices');
    expect(env.blocking.slice(from)).toEqual([]);
  }, 240_000);
}
