import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type OneCClient, OneCError } from '../src/modules/accounting/onec.port';
import {
  COUNTERPARTIES,
  DOCUMENT_SETS,
  type ExportItem,
  marker,
} from '../src/modules/accounting/onec-documents';
import { type OneCEmulator, startOneCEmulator } from '../src/modules/accounting/onec-emulator';
import {
  createMemoryOneCMapStore,
  type ExportDeps,
  exportBatch,
  type OneCMapStore,
} from '../src/modules/accounting/onec-export';
import { createOneCODataClient } from '../src/modules/accounting/onec-odata.client';

const ORG = randomUUID();
const config = { organizationKey: ORG, cardPaymentKindKey: randomUUID(), onlinePaymentKindKey: randomUUID() };
const T0 = new Date('2025-03-03T09:30:00Z');

let emulators: OneCEmulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.map((e) => e.close()));
  emulators = [];
});

async function setup(opts: { timeoutMs?: number } = {}) {
  const emu = await startOneCEmulator({ user: 'exchange', password: 'секрет' });
  emulators.push(emu);
  const client = createOneCODataClient({
    baseUrl: emu.url,
    user: 'exchange',
    password: 'секрет',
    timeoutMs: opts.timeoutMs ?? 5000,
  });
  const map = createMemoryOneCMapStore();
  return { emu, client, map, deps: { client, map, config, now: () => T0 } satisfies ExportDeps };
}

const payment = (
  method: 'cash' | 'card' | 'online',
  patientId: string,
  kopecks: number,
  fd?: number,
): ExportItem => ({
  kind: 'payment',
  id: randomUUID(),
  method,
  amountKopecks: kopecks,
  at: T0,
  payer: { patientId },
  receiptFiscalNumber: fd ?? null,
});
const creates = (emu: OneCEmulator) =>
  emu
    .requests()
    .filter((r) => r.method === 'POST' && r.path.startsWith('Document_') && !r.path.includes('('));

describe('export to 1C over OData (emulator)', () => {
  it('exporting twice leaves exactly one posted document per record, with our marker and amount', async () => {
    const { emu, deps, map } = await setup();
    const [a, b] = [randomUUID(), randomUUID()];
    const cash = payment('cash', a, 150_050, 41);
    const items: ExportItem[] = [
      cash,
      payment('card', a, 99_900, 42),
      payment('online', b, 250_000),
      {
        kind: 'refund',
        id: randomUUID(),
        paymentId: cash.id,
        method: 'cash',
        amountKopecks: 50_000,
        at: T0,
        payer: { patientId: a },
        receiptFiscalNumber: 43,
      },
    ];
    const first = await exportBatch(items, deps);
    const second = await exportBatch(items, deps);
    expect([first.exported, first.failed, second.skipped, second.exported]).toEqual([4, 0, 4, 0]);

    const docs = emu.documents();
    expect(docs).toHaveLength(4);
    for (const item of items) {
      const mine = docs.filter((d) => d.Комментарий === marker(item.kind, item.id));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.Posted).toBe(true);
      expect(Math.round(Number(mine[0]!.СуммаДокумента) * 100)).toBe(item.amountKopecks);
      expect(mine[0]!.Организация_Key).toBe(ORG);
      expect((await map.get(item.kind, item.id))?.refKey).toBe(mine[0]!.Ref_Key);
    }
    expect(docs.map((d) => d.entitySet).sort()).toEqual(
      [DOCUMENT_SETS.cashIn, DOCUMENT_SETS.cashOut, DOCUMENT_SETS.card, DOCUMENT_SETS.card].sort(),
    );
    const refund = docs.find((d) => d.entitySet === DOCUMENT_SETS.cashOut)!;
    expect(refund.ВидОперации).toBe('ВозвратДенежныхСредствПокупателю');
    expect(refund.Приложение).toBe('Кассовый чек возврата ФД № 43');
    const online = docs.find((d) => Number(d.СуммаДокумента) === 2500)!;
    expect(online.ВидОплаты_Key).toBe(config.onlinePaymentKindKey);
    // Tabular rows travel inside the document and come back with LineNumber.
    expect(
      docs.every((d) => (d.РасшифровкаПлатежа as Array<{ LineNumber: string }>)[0]?.LineNumber === '1'),
    ).toBe(true);
    // One pseudonymous counterparty per payer, referenced by every document of that payer.
    const counterparties = emu.catalog(COUNTERPARTIES);
    expect(counterparties).toHaveLength(2);
    const ofA = counterparties.find((c) => c.Комментарий === marker('counterparty', a))!;
    expect(docs.filter((d) => d.Контрагент === ofA.Ref_Key)).toHaveLength(3);
    expect(docs.every((d) => d.Контрагент_Type === `StandardODATA.${COUNTERPARTIES}`)).toBe(true);

    // Even with the map lost, the lookup by our id finds every object: nothing is created.
    const before = emu.requests().filter((r) => r.method === 'POST').length;
    const again = await exportBatch(items, { ...deps, map: createMemoryOneCMapStore() });
    expect(again.outcomes.every((o) => o.result === 'exported' && o.found)).toBe(true);
    expect(emu.requests().filter((r) => r.method === 'POST').length).toBe(before);
    expect(emu.documents()).toHaveLength(4);
    expect(emu.catalog(COUNTERPARTIES)).toHaveLength(2);
  });

  it('a failure mid-batch (500, then a hang) is recorded with backoff; re-runs resume and the count is exact', async () => {
    const { emu, client, map, deps } = await setup({ timeoutMs: 400 });
    const patient = randomUUID();
    const items = Array.from({ length: 5 }, (_, i) => payment('cash', patient, 10_000 * (i + 1)));
    // Failure injection over HTTP: when the export starts on item 3, 1C answers 500; on item 4, it hangs.
    let finds = 0;
    const injecting: OneCClient = {
      ...client,
      async find(set, filter) {
        if (set.startsWith('Document_')) {
          finds++;
          if (finds === 3) emu.failNext(1, 500);
          if (finds === 4) emu.failNext(1, 'hang');
        }
        return client.find(set, filter);
      },
    };
    const first = await exportBatch(items, { ...deps, client: injecting });
    expect(first.outcomes.map((o) => o.result)).toEqual([
      'exported',
      'exported',
      'failed',
      'failed',
      'exported',
    ]);
    const e3 = await map.get('payment', items[2]!.id);
    const e4 = await map.get('payment', items[3]!.id);
    expect(e3).toMatchObject({
      status: 'failed',
      attempts: 1,
      nextAttemptAt: new Date(T0.getTime() + 60_000),
    });
    expect(e3?.lastError).toMatch(/500/);
    expect(e4?.lastError).toMatch(/did not answer/);
    expect(emu.documents()).toHaveLength(3);

    // Not due yet: the re-run leaves them alone.
    const early = await exportBatch(items, deps);
    expect(early.outcomes.map((o) => o.result)).toEqual([
      'skipped',
      'skipped',
      'deferred',
      'deferred',
      'skipped',
    ]);

    const later = await exportBatch(items, { ...deps, now: () => new Date(T0.getTime() + 2 * 60_000) });
    expect(later.exported).toBe(2);
    const docs = emu.documents();
    expect(docs).toHaveLength(5);
    for (const item of items)
      expect(docs.filter((d) => d.Комментарий === marker('payment', item.id))).toHaveLength(1);
    expect(await map.get('payment', items[3]!.id)).toMatchObject({ status: 'exported', lastError: null });
  });

  it('a crash after 1C created the document, before our map knew it, creates nothing on the re-run', async () => {
    const { emu, map, deps } = await setup();
    const item = payment('card', randomUUID(), 77_700, 501);
    // The process "dies" right after 1C answered the create: neither put nor markFailed happen.
    const crashing: OneCMapStore = {
      get: (k, id) => map.get(k, id),
      put: async (k, id, ref) =>
        k === 'payment' ? Promise.reject(new Error('killed')) : map.put(k, id, ref),
      markFailed: async () => Promise.reject(new Error('killed')),
    };
    const crashed = await exportBatch([item], { ...deps, map: crashing });
    expect(crashed.failed).toBe(1);
    expect(await map.get('payment', item.id)).toBeNull();
    expect(creates(emu)).toHaveLength(1);

    const doc = emu.documents()[0]!;
    expect(doc.Posted).toBe(true);
    const rerun = await exportBatch([item], deps);
    expect(rerun.outcomes[0]).toMatchObject({ result: 'exported', refKey: doc.Ref_Key, found: true });
    expect(creates(emu)).toHaveLength(1);
    expect(emu.documents()).toHaveLength(1);
  });

  it('a document created but not posted is found and posted by the re-run', async () => {
    const { emu, client, deps } = await setup();
    const item = payment('cash', randomUUID(), 5_000);
    const failPost: OneCClient = {
      ...client,
      async post(set, ref) {
        emu.failNext(1, 503);
        return client.post(set, ref);
      },
    };
    expect((await exportBatch([item], { ...deps, client: failPost })).failed).toBe(1);
    expect(emu.documents()[0]?.Posted).toBe(false);
    const rerun = await exportBatch([item], { ...deps, now: () => new Date(T0.getTime() + 3_600_000) });
    expect(rerun.outcomes[0]).toMatchObject({ result: 'exported', found: true });
    expect(emu.documents()).toHaveLength(1);
    expect(emu.documents()[0]?.Posted).toBe(true);
  });

  it('documents and counterparties carry no personal data: a pseudonym, amounts, dates, our ids', async () => {
    const { emu, deps } = await setup();
    const patientId = randomUUID();
    // A caller handing over a richer record than the type asks for must still send nothing more.
    const record = {
      patientId,
      fullName: 'Иванова Мария Петровна',
      phone: '+79161234567',
      email: 'm.ivanova@example.ru',
    };
    const items: ExportItem[] = [
      payment('cash', patientId, 1_000, 7),
      payment('online', patientId, 2_000),
    ].map((i) => ({ ...i, payer: record }));
    expect((await exportBatch(items, deps)).exported).toBe(2);
    const everything = JSON.stringify([emu.documents(), emu.catalog(COUNTERPARTIES)]);
    for (const secret of ['Иванова', 'Мария', '79161234567', 'ivanova'])
      expect(everything).not.toContain(secret);
    const [payer] = emu.catalog(COUNTERPARTIES);
    const pseudonym = `Пациент ${patientId.replaceAll('-', '').slice(0, 8)}`;
    expect(payer).toMatchObject({
      Description: pseudonym,
      НаименованиеПолное: pseudonym,
      ЮридическоеФизическоеЛицо: 'ФизическоеЛицо',
    });
    expect(emu.documents().find((d) => d.entitySet === DOCUMENT_SETS.cashIn)?.ПринятоОт).toBe(pseudonym);
  });

  it('speaks 1C errors: bad credentials, unknown entity set, rows without LineNumber, quotes in filters', async () => {
    const { emu, client } = await setup();
    const wrong = createOneCODataClient({ baseUrl: emu.url, user: 'exchange', password: 'нет' });
    await expect(wrong.find(COUNTERPARTIES, { Description: 'x' })).rejects.toMatchObject({
      details: { status: 401, retryable: false },
    });
    await expect(client.find('Catalog_Нет', { Description: 'x' })).rejects.toMatchObject({
      details: { status: 404, code: '9' },
    });
    const noLine = client.create(DOCUMENT_SETS.cashIn, {
      СуммаДокумента: 1,
      РасшифровкаПлатежа: [{ СуммаПлатежа: 1 }],
    });
    await expect(noLine).rejects.toBeInstanceOf(OneCError);
    await expect(noLine).rejects.toMatchObject({ details: { status: 500, code: '-1', retryable: true } });
    const created = await client.create(COUNTERPARTIES, { Description: "O'Брайен", Комментарий: "MK:x'y" });
    expect(created.DataVersion).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await client.find(COUNTERPARTIES, { Комментарий: "MK:x'y", IsFolder: false })).toEqual([
      expect.objectContaining({ Ref_Key: created.Ref_Key }),
    ]);
    expect((await client.get(COUNTERPARTIES, created.Ref_Key))?.Description).toBe("O'Брайен");
    expect(await client.get(COUNTERPARTIES, randomUUID())).toBeNull();
  });
});
