/**
 * Page objects of the billing screens (roles, labels and data-* attributes the apps keep stable):
 * the staff app's «Касса» and invoice page, the portal's «Договоры и оплаты», the provider
 * emulator's checkout page. Amounts on screen use non-breaking spaces; `plain` reads them.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Text with non-breaking spaces as plain ones ("2 500,00 ₽"). */
export const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

export const textOf = async (l: Locator) => plain(await l.textContent());

/** Signs a staff member in (password, then the TOTP code) and waits for their start page. */
export async function signInStaff(
  page: Page,
  reception: string,
  who: { login: string; password: string; code(): string },
  landing: string,
): Promise<void> {
  await page.goto(`${reception}/signin`);
  await page.getByLabel('Логин (e-mail)').fill(who.login);
  await page.getByLabel('Пароль').fill(who.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Код из приложения-аутентификатора').fill(who.code());
  await page.getByRole('button', { name: 'Подтвердить' }).click();
  await page.waitForURL(`${reception}${landing}`);
}

/** «Касса» (/cashier): the shift, a new invoice for a patient, today's invoices. */
export class CashierDeskPage {
  readonly shift: Locator;
  constructor(readonly page: Page) {
    this.shift = page.getByTestId('fiscal-shift');
  }

  async open(reception: string): Promise<void> {
    await this.page.goto(`${reception}/cashier`);
    await this.page.getByRole('heading', { name: 'Касса', level: 1 }).waitFor();
    await this.shift.waitFor();
  }

  async openShift(): Promise<void> {
    await this.shift.getByRole('button', { name: 'Открыть смену' }).click();
    await this.page.locator('[data-testid=fiscal-shift][data-open=true]').waitFor();
  }

  async closeShift(): Promise<void> {
    await this.shift.getByRole('button', { name: 'Закрыть смену' }).click();
    await this.shift.getByRole('button', { name: 'Да, закрыть смену' }).click();
    await this.page.locator('[data-testid=fiscal-shift][data-open=false]').waitFor();
  }

  /** Finds the patient by phone and picks them for a new invoice. */
  async pickPatient(phone: string): Promise<void> {
    await this.page.getByLabel('Телефон', { exact: true }).fill(phone);
    await this.page.getByRole('button', { name: 'Найти пациента' }).click();
    await this.page.getByRole('button', { name: /^Выбрать пациента/ }).click();
    await this.page.getByTestId('picked-patient').waitFor();
  }

  line(n: number): Locator {
    return this.page.getByRole('group', { name: `Позиция ${n}` });
  }

  /** Fills line `n` (adding it when needed): the price item, quantity and an optional discount. */
  async fillLine(
    n: number,
    l: { priceItemId: string; quantity?: number; discount?: string; reason?: string },
  ): Promise<void> {
    if ((await this.line(n).count()) === 0)
      await this.page.getByRole('button', { name: 'Добавить позицию' }).click();
    const row = this.line(n);
    await row.getByLabel('Услуга').selectOption(l.priceItemId);
    if (l.quantity) await row.getByLabel('Количество').fill(String(l.quantity));
    if (l.discount) {
      await row.getByLabel('Скидка, ₽').fill(l.discount);
      await row.getByLabel('Причина скидки').fill(l.reason ?? '');
    }
  }

  /** Submits the invoice; resolves to its id once the invoice page is open. */
  async createInvoice(reception: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Выставить счёт' }).click();
    await this.page.waitForURL(new RegExp(`^${reception}/invoices/[0-9a-f-]{36}$`));
    return this.page.url().split('/').at(-1)!;
  }
}

/** An invoice in the staff app (/invoices/<id>): sums, payment form, payments, receipts, refunds. */
export class StaffInvoicePage {
  constructor(readonly page: Page) {}

  status(): Promise<string | null> {
    return this.page.locator('#invoice-title ~ [data-invoice-status]').getAttribute('data-invoice-status');
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`#invoice-title ~ [data-invoice-status="${status}"]`).waitFor();
  }

  balance(): Promise<string> {
    return textOf(this.page.getByTestId('invoice-balance'));
  }

  get payForm(): Locator {
    return this.page.getByTestId('take-payment');
  }

  payment(status: string): Locator {
    return this.page.locator(`[data-payment-id][data-status="${status}"]`);
  }

  receipts(operation: 'SELL' | 'SELL_RETURN'): Locator {
    return this.page.locator(`article.receipt[data-operation="${operation}"]`);
  }

  /** The notice after a payment, refund or retry. */
  notice(): Locator {
    return this.page.locator('output.alert');
  }
}

/** «Договоры и оплаты» (/payments) in the portal. */
export class PaymentsPage {
  constructor(readonly page: Page) {}

  async open(portal: string, query = ''): Promise<void> {
    await this.page.goto(`${portal}/payments${query}`);
    await this.page.getByRole('heading', { name: 'Договоры и оплаты', level: 1 }).waitFor();
  }

  invoice(id: string): Locator {
    return this.page.locator(`li[data-invoice-id="${id}"]`);
  }

  contract(id: string): Locator {
    return this.page.locator(`li[data-contract-id="${id}"]`);
  }

  /** Downloads the contract's PDF through the portal's route; resolves to its bytes. */
  async contractPdf(id: string): Promise<Buffer> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.contract(id)
        .getByRole('link', { name: /^Скачать договор \(PDF\)/ })
        .click(),
    ]);
    return readFileSync(await download.path());
  }

  /** Ticks the agreement and accepts the draft contract. */
  async acceptContract(id: string): Promise<void> {
    const card = this.contract(id);
    await card.getByRole('checkbox', { name: /^Я прочитал\(а\) договор/ }).check();
    await card.getByRole('button', { name: 'Принять договор' }).click();
    await this.page.locator(`li[data-contract-id="${id}"][data-status="ACCEPTED"]`).waitFor();
  }

  /** «Оплатить онлайн», then the provider's checkout page. */
  async payOnline(id: string): Promise<void> {
    await this.invoice(id)
      .getByRole('button', { name: /^Оплатить онлайн/ })
      .click();
    await this.page.waitForURL(/\/checkout\//);
  }
}

/** The payment provider emulator's checkout page: the payer presses «Оплатить» or «Отказаться». */
export async function checkout(page: Page, action: 'Оплатить' | 'Отказаться'): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click();
}

/** Clicks a download link (through the app's server); resolves to the file's bytes. */
export async function downloadOf(page: Page, link: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync(await download.path());
}
