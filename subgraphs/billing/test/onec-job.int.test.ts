import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_SETS, marker } from '../src/modules/accounting/onec-documents';
import { type OneCEmulator, startOneCEmulator } from '../src/modules/accounting/onec-emulator';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator';
import { createInvoice, openShift, people, priceConsultation, refund, takePayment } from './billing-helpers';
import { type BillingHarness, startBillingSubgraph } from './harness';

// The 1C export job of the billing subgraph against the 1C OData emulator over real HTTP: captured
// payments and done refunds from the database, the export map in `onec_export`, the run lease.
let h: BillingHarness;
let atol: AtolEmulator;
let onec: OneCEmulator;
let who: Awaited<ReturnType<typeof people>>;
let priceId: string;
const ORG = randomUUID();
const today = DateTime.now().setZone('Europe/Moscow').toISODate()!;

beforeAll(async () => {
  atol = await startAtolEmulator();
  onec = await startOneCEmulator({ user: 'exchange', password: 'обмен' });
  h = await startBillingSubgraph({
    env: {
      FISCAL_REGISTER_URL: atol.url,
      ONEC_ODATA_URL: onec.url,
      ONEC_USER: 'exchange',
      ONEC_PASSWORD: 'обмен',
      ONEC_ORGANIZATION_KEY: ORG,
      ONEC_ORGANIZATION_NAME: 'ООО «Медикаменте»',
      ONEC_ORGANIZATION_INN: '7707083893',
      ONEC_TIMEOUT_MS: '3000',
      ONEC_BACKOFF_BASE_MS: '50',
      ONEC_BACKOFF_MAX_MS: '1000',
    },
  });
  who = await people(h);
  priceId = await priceConsultation(h, who.accountant);
  await openShift(h, who.cashier);
});
afterAll(async () => {
  await h?.stop();
  await Promise.all([atol?.close(), onec?.close()]);
});

const RUN = `mutation { runOneCExport { ok inputErrors { code } run { ran reason exported alreadyExported deferred failed
  status { enabled exported failed pending failures { kind id attempts lastError nextAttemptAt } } } } }`;
const STATUS = `{ oneCExportStatus { enabled fileEnabled exported failed pending
  lastRun { running finishedAt exported failed } failures { kind id attempts lastError nextAttemptAt } } }`;

async function run(token = who.accountant) {
  const r = await h.query(RUN, {}, token);
  expect(r.errors).toBeUndefined();
  return r.data.runOneCExport.run;
}

/** A captured desk payment of a new invoice; returns the payment id. */
async function pay(method: 'CASH' | 'CARD', amountKopecks = 250_000) {
  const inv = (await createInvoice(h, who.cashier, who.patientId, [{ priceItemId: priceId }])).data
    .createInvoice.invoice;
  const r = await takePayment(h, who.cashier, { invoiceId: inv.id, method, amountKopecks });
  return r.data.takeDeskPayment.payment as { id: string; status: string };
}

/** Our record's documents in "1C" (by the marker the export writes). */
const docsOf = (kind: 'payment' | 'refund', id: string) =>
  onec.documents().filter((d) => d.Комментарий === marker(kind, id));

describe('1C export job', () => {
  it('exports captured payments and done refunds; a second run creates nothing new', async () => {
    const cash = await pay('CASH');
    const card = await pay('CARD');
    const back = (await refund(h, who.cashier, { paymentId: cash.id, amountKopecks: 100_000 })).data
      .refundPayment.refund;
    // Not captured (the register is down): not for 1C.
    await atol.fail('down');
    const pending = await pay('CASH');
    await atol.fail(null);
    expect(pending.status).toBe('PENDING_FISCAL');

    const first = await run();
    expect(first).toMatchObject({ ran: true, reason: null, exported: 3, failed: 0 });
    expect(first.status).toMatchObject({ enabled: true, exported: 3, failed: 0, pending: 0, failures: [] });
    const second = await run();
    expect(second).toMatchObject({ ran: true, exported: 0, failed: 0 });
    expect(docsOf('payment', cash.id)).toEqual([
      expect.objectContaining({ entitySet: DOCUMENT_SETS.cashIn, СуммаДокумента: 2500, Posted: true }),
    ]);
    expect(docsOf('payment', card.id)).toEqual([
      expect.objectContaining({ entitySet: DOCUMENT_SETS.card, СуммаДокумента: 2500, Posted: true }),
    ]);
    expect(docsOf('refund', back.id)).toEqual([
      expect.objectContaining({ entitySet: DOCUMENT_SETS.cashOut, СуммаДокумента: 1000, Posted: true }),
    ]);
    expect(docsOf('payment', pending.id)).toEqual([]);
    expect(onec.documents()).toHaveLength(3);
    // One pseudonymous counterparty for the payer; nothing of the patient but the opaque id's prefix.
    const payers = onec.catalog();
    expect(payers).toHaveLength(1);
    expect(payers[0]!.Description).toBe(`Пациент ${who.patientId.replaceAll('-', '').slice(0, 8)}`);
    expect(JSON.stringify(onec.documents())).not.toContain(who.patientId);

    // Printed later, the payment is captured and goes with the next round.
    await new Promise((r) => setTimeout(r, 80));
    await h.service.services.retry.runOnce();
    expect((await run()).exported).toBe(1);
    expect(docsOf('payment', pending.id)).toHaveLength(1);
  });

  it('a failure mid-batch is recorded with its error and next attempt, and the next run resumes without duplicates', async () => {
    const [a, b, c] = [await pay('CASH'), await pay('CARD'), await pay('CASH')];
    const before = onec.requests().length;
    // The payer's counterparty is known: a record takes find + create + Post. 1C fails b's Post,
    // after b's document was created (the crash window the lookup-before-create is for).
    onec.failNext(1, 500, 5);
    const round = await run();
    expect(round).toMatchObject({ ran: true, exported: 2, failed: 1 });
    expect(onec.requests()[before + 5]).toMatchObject({
      method: 'POST',
      path: expect.stringMatching(/\/Post$/),
    });
    const [failure] = round.status.failures;
    expect(failure).toMatchObject({ kind: 'PAYMENT', id: b.id, attempts: 1 });
    expect(failure.lastError).toMatch(/500/);
    expect(Date.parse(failure.nextAttemptAt)).toBeGreaterThan(Date.now() - 1000);
    expect(docsOf('payment', b.id)).toEqual([expect.objectContaining({ Posted: false })]);

    // Not due before its backoff (50 ms here) has passed.
    await new Promise((r) => setTimeout(r, 120));
    const resumed = await run();
    expect(resumed).toMatchObject({ exported: 1, failed: 0 });
    expect(resumed.status).toMatchObject({ failed: 0, pending: 0, failures: [] });
    for (const p of [a, b, c])
      expect(docsOf('payment', p.id)).toEqual([expect.objectContaining({ Posted: true })]);
    const status = (await h.query(STATUS, {}, who.accountant)).data.oneCExportStatus;
    expect(status).toMatchObject({ enabled: true, fileEnabled: true, exported: 7, failed: 0, pending: 0 });
    expect(status.lastRun).toMatchObject({ running: false, exported: 1, failed: 0 });
  });

  it('1C down: every record fails, nothing is lost, and it all goes once 1C is back', async () => {
    const [a, b] = [await pay('CARD'), await pay('CARD')];
    onec.failNext(2, 503);
    const down = await run();
    expect(down).toMatchObject({ exported: 0, failed: 2 });
    expect(down.status.failures.map((f: { id: string }) => f.id).sort()).toEqual([a.id, b.id].sort());
    await new Promise((r) => setTimeout(r, 120));
    expect(await run()).toMatchObject({ exported: 2, failed: 0 });
    expect(docsOf('payment', a.id)).toHaveLength(1);
    expect(docsOf('payment', b.id)).toHaveLength(1);
  });

  it('one round at a time: while another holds the lease, a run does nothing', async () => {
    const holder = randomUUID();
    expect(await h.service.stores.onecSource.acquire(holder, 60_000)).toBe(true);
    await pay('CASH');
    const busy = await run();
    expect(busy).toMatchObject({ ran: false, exported: 0 });
    expect(busy.reason).toMatch(/уже идёт/);
    expect(busy.status.pending).toBe(1);
    await h.service.stores.onecSource.release(holder, { exported: 0, failed: 0 });
    expect(await run()).toMatchObject({ ran: true, exported: 1 });
  });

  it('the day as an EnterpriseData file: every payment and refund of the day, payers pseudonymous', async () => {
    const r = await h.query(
      `query($d: String!) { enterpriseDataExport(day: $d) { day fileName xml paymentsCount refundsCount } }`,
      { d: today },
      who.accountant,
    );
    expect(r.errors).toBeUndefined();
    const file = r.data.enterpriseDataExport;
    expect(file).toMatchObject({
      day: today,
      fileName: `medikamente-1c-${today}.xml`,
      paymentsCount: 9,
      refundsCount: 1,
    });
    const body = new XMLParser({ ignoreAttributes: false }).parse(file.xml).Message.Body;
    const count = (k: string) => [body[k] ?? []].flat().length;
    expect(count('Документ.ПКОРасчетыСКонтрагентами')).toBe(5);
    expect(count('Документ.ОплатаПлатежнойКартой')).toBe(4);
    expect(count('Документ.РКОРасчетыСКонтрагентами')).toBe(1);
    expect(count('Справочник.Контрагенты')).toBe(1);
    expect(file.xml).not.toContain(who.patientId);
    expect(file.xml).toContain('7707083893');
  });

  it('is for accountants only', async () => {
    for (const token of [who.cashier, who.receptionist, who.patient]) {
      for (const q of [RUN, STATUS]) {
        const r = await h.query(q, {}, token);
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('1C export not configured', () => {
  it('says so: the run and the file are refused with ONEC_NOT_CONFIGURED, the status shows it off', async () => {
    const off = await startBillingSubgraph();
    try {
      const accountant = (await people(off)).accountant;
      const status = await off.query(STATUS, {}, accountant);
      expect(status.data.oneCExportStatus).toMatchObject({ enabled: false, fileEnabled: false, pending: 0 });
      const r = await off.query(RUN, {}, accountant);
      expect(r.data.runOneCExport).toMatchObject({
        ok: false,
        inputErrors: [{ code: 'ONEC_NOT_CONFIGURED' }],
        run: null,
      });
      const file = await off.query(
        `query($d: String!) { enterpriseDataExport(day: $d) { xml } }`,
        { d: today },
        accountant,
      );
      expect(file.errors?.[0]?.extensions?.code).toBe('ONEC_NOT_CONFIGURED');
    } finally {
      await off.stop();
    }
  });
});
