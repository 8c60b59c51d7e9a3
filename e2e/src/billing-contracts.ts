/**
 * Contracts for paid services made at the desk, run inside an existing suite's stack: reception
 * opens the patient card, completes the patient's data the card prefilled, picks services from the
 * branch's price list and records the contract signed in the clinic; a second contract is left as
 * a draft, downloaded as PDF through the staff app's server, and accepted by the patient in the
 * portal. axe runs on the new states of the patient card.
 */
import type { Page } from 'playwright-core';
import { expect, it, onTestFinished } from 'vitest';
import { axe } from './a11y';
import { downloadOf, PaymentsPage, textOf } from './billing-pages';
import { contractOf, seedPrices } from './billing-seed';
import type { JourneyEnv } from './record-journeys';

/** Fills the open contract form: the rest of the patient's data and one service. */
async function fillContract(page: Page, priceItemId: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Новый договор' });
  const patient = form.getByRole('group', { name: 'Пациент (потребитель)' });
  // Prefilled from the card: the name and phone the API gives reception.
  expect(await patient.getByLabel('ФИО').inputValue()).toBe('Соколова Анна Петровна');
  expect(await patient.getByLabel('Дата рождения').inputValue()).toBe('14.03.1985');
  await patient.getByLabel('Адрес места жительства').fill('г. Москва, ул. Тверская, д. 20, кв. 5');
  await patient.getByLabel('Серия и номер').fill('45 10 123456');
  await patient.getByLabel('Кем выдан').fill('ОВД района Тверской г. Москвы');
  await patient.getByLabel('Дата выдачи').fill('01.04.2005');
  await form.getByLabel('Услуга из прейскуранта').selectOption(priceItemId);
}

/** Registers the desk contract test in the calling suite. */
export function billingDeskContracts(env: JourneyEnv): void {
  const check = async (page: Page, path: string, state: string) => {
    env.blocking.push(...(await axe(page, { app: 'reception', page: path, state, section: 'billing' })));
  };

  it('reception makes a contract at the desk and records it signed; a draft made there is accepted by the patient in the portal', async () => {
    const s = env.stack();
    const from = env.blocking.length;
    const R = s.urls.reception;
    const { therapy } = await seedPrices(s);
    const patient = await env.newPatient();
    onTestFinished(() => patient.context.close().catch(() => {}));
    const front = await s.context({ width: 1400, height: 900 });
    onTestFinished(() => front.close().catch(() => {}));
    const desk = await front.newPage();
    await env.signInReception(desk, R, s.receptionCode);
    await desk.goto(`${R}/patients/${patient.patientId}`);
    const section = desk.locator('[data-section=contracts]');
    await section.getByText('Договоров на платные услуги пока нет.').waitFor();

    // Signed at the desk.
    await section.getByRole('button', { name: 'Оформить договор' }).click();
    await fillContract(desk, therapy.id);
    expect(await textOf(section.getByTestId('contract-form-total'))).toBe('2 500,00 ₽');
    await check(desk, '/patients/[id]', 'a new contract being filled');
    await section.getByRole('button', { name: 'Подписать в клинике', exact: true }).click();
    const signedRow = section.locator('tr[data-contract-id][data-status="SIGNED"]');
    await signedRow.waitFor();
    expect(await textOf(section.locator('output.alert'))).toMatch(/^Договор № \S+ подписан в клинике\.$/);
    const signedId = (await signedRow.getAttribute('data-contract-id'))!;
    expect(await contractOf(s, signedId)).toMatchObject({ status: 'SIGNED', acceptanceChannel: 'DESK' });
    expect(await textOf(signedRow)).toContain('Приём терапевта × 1');
    expect(await textOf(signedRow)).toContain('2 500,00 ₽');

    // Left as a draft for the patient; its PDF through the staff app's server.
    await section.getByRole('button', { name: 'Оформить договор' }).click();
    await fillContract(desk, therapy.id);
    await section.getByRole('button', { name: 'Сохранить черновик для пациента' }).click();
    const draftRow = section.locator('tr[data-contract-id][data-status="DRAFT"]');
    await draftRow.waitFor();
    const draftId = (await draftRow.getAttribute('data-contract-id'))!;
    expect(await textOf(draftRow.getByTestId('contract-status'))).toBe('черновик — ждёт согласия пациента');
    await check(desk, '/patients/[id]', 'contracts signed and draft');
    const pdf = await downloadOf(desk, draftRow.getByRole('link', { name: /^PDF/ }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await contractOf(s, draftId)).toMatchObject({ status: 'DRAFT', acceptanceChannel: null });

    // The patient accepts the draft in the portal; reception sees it accepted.
    await env.signInPortal(patient.page, s.urls.portal, patient.login, '/payments');
    const payments = new PaymentsPage(patient.page);
    await payments.contract(draftId).waitFor();
    expect(await payments.contract(signedId).getAttribute('data-status')).toBe('SIGNED');
    await payments.acceptContract(draftId);
    expect(await contractOf(s, draftId)).toMatchObject({ status: 'ACCEPTED', acceptanceChannel: 'PORTAL' });
    await desk.reload();
    await section.locator(`tr[data-contract-id="${draftId}"][data-status="ACCEPTED"]`).waitFor();
    expect(env.blocking.slice(from)).toEqual([]);
  }, 180_000);
}
