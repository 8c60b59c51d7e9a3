import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '../../supergraph/test/platform';
import { hasChromium, launchChromium, seedClinic } from '../src/stack';

const run = hasChromium() || process.env.CI ? describe : describe.skip;

/** Text of a GraphiQL CodeMirror editor (query, variables, headers or the result). */
const editorValue = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel) as (Element & { CodeMirror?: { getValue(): string } }) | null;
    return el?.CodeMirror?.getValue() ?? null;
  }, selector);

const setEditorValue = (page: Page, selector: string, value: string) =>
  page.evaluate(
    ({ sel, value }) => {
      const el = document.querySelector(sel) as
        | (Element & { CodeMirror?: { setValue(v: string): void } })
        | null;
      if (!el?.CodeMirror) throw new Error(`no editor ${sel}`);
      el.CodeMirror.setValue(value);
    },
    { sel: selector, value },
  );

const QUERY = '.graphiql-query-editor .CodeMirror';
const RESULT = '.result-window .CodeMirror';
const TOOL = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';

/** Runs the active tab and returns the parsed response shown in the result pane. */
async function execute(page: Page, expectText: string) {
  await setEditorValue(page, RESULT, '').catch(() => {});
  await page.locator('.graphiql-execute-button').click();
  await page
    .waitForFunction(
      ({ sel, text }) => {
        const el = document.querySelector(sel) as (Element & { CodeMirror?: { getValue(): string } }) | null;
        return el?.CodeMirror?.getValue().includes(text) ?? false;
      },
      { sel: RESULT, text: expectText },
      { timeout: 15_000 },
    )
    .catch(async (e) => {
      throw new Error(
        `${e.message}; result pane: ${await editorValue(page, RESULT)}; query: ${await editorValue(page, QUERY)}`,
      );
    });
  return JSON.parse((await editorValue(page, RESULT))!);
}

run('GraphiQL of the gateway (development mode) in Chromium', () => {
  let platform: Platform;
  let browser: Browser;
  let patient: { login: string; password: string; appointmentId: string };

  beforeAll(async () => {
    platform = await startPlatform();
    const clinic = await seedClinic(platform);
    const login = `graphiql-${randomUUID().slice(0, 8)}@example.ru`;
    const account = await platform.identity.createAccount({
      role: 'patient',
      login,
      password: 'graphiql-patient-password',
    });
    const token = await platform.identity.issueTokenFor(account.accountId);
    const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Moscow' }).format(
      new Date(Date.now() + 86_400_000),
    );
    const booked = await platform.query(
      `mutation ($input: BookingInput!) { bookAppointment(input: $input) { appointment { id } inputErrors { code } } }`,
      {
        input: {
          specialistId: clinic.doctor.id,
          branchId: clinic.branch.id,
          serviceId: clinic.service.id,
          startsAt: `${tomorrow}T12:00`,
          idempotencyKey: randomUUID(),
        },
      },
      token,
    );
    expect(booked.data.bookAppointment.inputErrors).toEqual([]);
    patient = {
      login,
      password: 'graphiql-patient-password',
      appointmentId: booked.data.bookAppointment.appointment.id,
    };
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('runs the example sign-in as served, then a query with its token, and loads the schema for the docs', async () => {
    const page = await (await browser.newContext({ locale: 'ru-RU' })).newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(m.text());
    });
    const introspection = page.waitForResponse(
      (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema'),
    );
    await page.goto(`${platform.gatewayUrl}/graphiql`);
    // Introspection succeeds: the documentation explorer and autocomplete have a schema.
    const schema = await (await introspection).json();
    expect(schema.data.__schema.queryType.name).toBe('Query');
    await page.locator('.graphiql-execute-button').waitFor();
    expect(await editorValue(page, QUERY)).toContain('signIn(');
    // The default headers are plain ASCII (no Authorization placeholder).
    await page.getByRole('button', { name: 'Headers' }).click();
    expect(JSON.parse((await editorValue(page, TOOL)) ?? 'null')).toEqual({});
    await page.getByRole('button', { name: 'Variables' }).click();

    // The example as served: a real request and a typed answer (the demo password differs here).
    const asServed = await execute(page, '"signIn"');
    expect(asServed.data.signIn.ok).toBe(false);
    expect(asServed.data.signIn.inputErrors[0].code).toBe('INVALID_CREDENTIALS');

    // With this machine's patient: a token.
    await setEditorValue(page, TOOL, JSON.stringify({ login: patient.login, password: patient.password }));
    const signedIn = await execute(page, 'accessToken');
    expect(signedIn.data.signIn.ok).toBe(true);
    const token = signedIn.data.signIn.accessToken as string;
    expect(token).toMatch(/^ey/);

    // The «Мои записи» tab, with the token put in the Headers tab as the example's comment says.
    await page.locator('.graphiql-tab', { hasText: 'Mine' }).click();
    const mine = (await editorValue(page, QUERY))!;
    expect(mine).toContain('"Authorization": "Bearer ');
    await page.getByRole('button', { name: 'Headers' }).click();
    await setEditorValue(page, TOOL, JSON.stringify({ Authorization: `Bearer ${token}` }));
    const result = await execute(page, '"myAppointments"');
    expect(result.errors).toBeUndefined();
    expect(result.data.myAppointments.map((a: { id: string }) => a.id)).toContain(patient.appointmentId);

    // A Cyrillic header (the old default) is refused with a readable answer, not a broken page.
    await setEditorValue(page, TOOL, '{ "Authorization": "Bearer <accessToken из signIn>" }');
    const refused = await execute(page, 'латиницы');
    expect(refused.errors[0].message).toContain('Authorization');
    expect(failures.filter((f) => /ISO-8859-1|Failed to fetch/.test(f))).toEqual([]);
  });
});
