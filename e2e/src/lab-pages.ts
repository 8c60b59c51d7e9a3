/**
 * Page objects of the laboratory screens (roles, labels and data-* attributes the apps keep
 * stable), for the laboratory journey (lab-journey.ts).
 */
import type { Locator, Page } from 'playwright-core';

/** A name at the start of an accessible name (JS `\\b` knows no Cyrillic letters). */
const startsWith = (name: string) => new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);

/** «Анализы» of a visit (/record/<patientId>/visits/<visitId>) in the staff app. */
export class VisitLabSection {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('visit-lab-orders');
  }

  /** Finds a test in the catalogue by words or code and ticks it. */
  async pick(search: string, testName: string): Promise<void> {
    await this.root.getByLabel('Найти в справочнике').fill(search);
    await this.root.getByRole('checkbox', { name: startsWith(testName) }).check();
  }

  /** Orders what is picked (optionally urgent, with a note for the laboratory). */
  async order(opts: { urgent?: boolean; note?: string } = {}): Promise<void> {
    if (opts.urgent) await this.root.getByRole('radio', { name: 'срочно', exact: true }).check();
    if (opts.note) await this.root.getByLabel('Комментарий для лаборатории').fill(opts.note);
    await this.root.getByTestId('lab-order-submit').click();
    await this.root.getByText(/^Назначено\./).waitFor();
  }

  /** The order that holds a test (by the test's name in the order's title). */
  orderWith(testName: string): Locator {
    return this.root.locator('[data-lab-order-id]').filter({ hasText: testName });
  }

  /** Waits until the order with that test shows a status (ORDERED, COLLECTED, SENT, …). */
  async waitForStatus(testName: string, status: string): Promise<Locator> {
    const o = this.root.locator(`[data-lab-order-id][data-status="${status}"]`).filter({ hasText: testName });
    await o.waitFor();
    return o;
  }

  async collected(testName: string): Promise<void> {
    await this.orderWith(testName).getByRole('button', { name: 'Биоматериал взят' }).click();
    await this.waitForStatus(testName, 'COLLECTED');
  }

  async sent(testName: string): Promise<void> {
    await this.orderWith(testName).getByRole('button', { name: 'Отправлен в лабораторию' }).click();
    await this.waitForStatus(testName, 'SENT');
  }

  async cancel(testName: string, reason: string): Promise<void> {
    const o = this.orderWith(testName);
    await o.getByRole('button', { name: 'Отменить', exact: true }).click();
    await o.getByLabel('Причина отмены').selectOption(reason);
    await o.getByRole('button', { name: 'Отменить заказ' }).click();
    await this.waitForStatus(testName, 'CANCELLED');
  }

  /** The specimen code printed on the order with that test. */
  specimenCode(testName: string): Promise<string | null> {
    return this.orderWith(testName).getByTestId('specimen-code').textContent();
  }
}

/** The live banner every page of a doctor shows while critical values are open. */
export const alertBanner = (page: Page): Locator => page.getByTestId('lab-alert-banner');

/** «Результаты к проверке» (/lab): open critical values and the orders waiting for review. */
export class LabReviewPage {
  constructor(readonly page: Page) {}

  async open(reception: string): Promise<void> {
    await this.page.goto(`${reception}/lab`);
    await this.page.getByRole('heading', { name: 'Результаты к проверке', level: 1 }).waitFor();
  }

  /** The open alert about a test (its name and value are in the alert's text). */
  alert(testName: string): Locator {
    return this.page.getByTestId('lab-alerts').locator('[data-lab-alert-id]').filter({ hasText: testName });
  }

  async acknowledge(testName: string): Promise<void> {
    const a = this.alert(testName);
    await a.getByRole('button', { name: /^Подтвердить/ }).click();
    await a.waitFor({ state: 'detached' });
  }

  /** The order waiting for review that holds a test. */
  order(testName: string): Locator {
    return this.page.getByTestId('lab-review').locator('[data-lab-order-id]').filter({ hasText: testName });
  }

  /** A result row of an order: value, norm, flag and earlier values are its cells. */
  resultRow(testName: string): Locator {
    return this.order(testName).getByRole('row', { name: startsWith(testName) });
  }

  async review(testName: string, comment?: string): Promise<void> {
    const o = this.order(testName);
    if (comment) await o.getByLabel('Комментарий для пациента (необязательно)').fill(comment);
    await o.getByRole('button', { name: 'Проверено и выдано пациенту' }).click();
    await this.page.getByText('Результаты проверены и выданы пациенту').waitFor();
  }
}

/** «Мои анализы» (/labs) in the portal: released results by order, and each test's chart. */
export class MyLabsPage {
  constructor(readonly page: Page) {}

  async open(portal: string): Promise<void> {
    await this.page.goto(`${portal}/labs`);
    await this.page.getByRole('heading', { name: 'Мои анализы', level: 1 }).waitFor();
  }

  /** The released order that holds a test (newest first). */
  order(testName: string): Locator {
    return this.page.locator('li[data-lab-order-id]').filter({ hasText: testName });
  }

  /** The chart of a test's values (an SVG with a text summary, and a table of the same values). */
  chart(testName: string): Locator {
    return this.page.getByTestId('lab-chart').filter({ has: this.page.getByText(testName, { exact: true }) });
  }
}
