/**
 * The ATOL web-server adapter against the emulator over real HTTP on 127.0.0.1 (no database).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AtolEmulator, startAtolEmulator } from '../src/modules/fiscal/atol-emulator.js';
import { AtolWebServerRegister } from '../src/modules/fiscal/atol-web-server.adapter.js';
import {
  type FiscalOutcome,
  type FiscalRegister,
  type FiscalTask,
  FiscalUnavailableError,
} from '../src/modules/fiscal/fiscal.port.js';
import { buildReturnReceipt, buildSellReceipt, type InvoiceLine } from '../src/modules/fiscal/receipt.js';

const cashier = 'Кассир Петрова А. А.';
const line = (name: string, unitPriceKopecks: number, quantity: number, vat: InvoiceLine['vat']) => ({
  name,
  unitPriceKopecks,
  quantity,
  amountKopecks: unitPriceKopecks * quantity,
  vat,
});
const lines: InvoiceLine[] = [
  line('Приём терапевта первичный', 250_000, 1, 'none'),
  line('Общий анализ крови', 45_050, 2, 'none'),
  line('Справка для бассейна', 33_333, 1, 'vat22'),
];
const invoiceTotal = 373_433;

let emulator: AtolEmulator;
let register: FiscalRegister;

/** Runs `fn` with the emulator failing in `mode`, and recovers whatever happens. */
async function failing<T>(mode: 'down' | 'hang' | 'error', fn: () => Promise<T>): Promise<T> {
  await emulator.fail(mode);
  try {
    return await fn();
  } finally {
    await emulator.fail(null);
  }
}

/** Polls the outcome the way the payment flow will: until it stops being pending. */
async function settle(uuid: string, target: FiscalRegister = register): Promise<FiscalOutcome> {
  for (let i = 0; i < 200; i += 1) {
    const outcome = await target.outcome(uuid);
    if (outcome.status !== 'pending') return outcome;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`task ${uuid} still pending`);
}

/** A sale of `ls` paid whole by `method`. */
const sale = (ls: InvoiceLine[], method: 'cash' | 'card', customerContact?: string): FiscalTask => ({
  type: 'receipt',
  receipt: buildSellReceipt(ls, {
    method,
    amountKopecks: ls.reduce((a, l) => a + l.amountKopecks, 0),
    customerContact,
    operatorName: cashier,
  }),
});
const refused = (pattern: RegExp) => ({ status: 'error', description: expect.stringMatching(pattern) });

async function done(uuid: string) {
  const outcome = await settle(uuid);
  if (outcome.status !== 'done') throw new Error(`expected done, got ${JSON.stringify(outcome)}`);
  return outcome.fiscal;
}

beforeAll(async () => {
  emulator = await startAtolEmulator({ port: 0 });
  register = new AtolWebServerRegister({ baseUrl: emulator.url, timeoutMs: 2_000, pollIntervalMs: 10 });
});
afterAll(() => emulator.close());

describe('ATOL web server adapter ↔ emulator', () => {
  let cashSale = 0;
  let cardSale = 0;
  let cashReturn = 0;

  it('opens the shift', async () => {
    expect(await register.shiftReport()).toMatchObject({ open: false, receiptCount: 0 });
    const uuid = randomUUID();
    await register.submit(uuid, { type: 'openShift', operatorName: cashier });
    const fiscal = await done(uuid);
    expect(fiscal.shiftNumber).toBe(1);
    expect(fiscal.fiscalDocumentSign).toMatch(/^\d{1,10}$/);
    expect(fiscal.fnNumber).toMatch(/^\d{16}$/);
    expect(await register.shiftReport()).toMatchObject({ shiftNumber: 1, open: true, expired: false });
  });

  it('sells for cash: the task is queued (pending), then fiscalised with the register params', async () => {
    const uuid = randomUUID();
    await register.submit(uuid, sale(lines, 'cash', '+79161234567'));
    expect(await register.outcome(uuid)).toEqual({ status: 'pending' });
    const fiscal = await done(uuid);
    cashSale += invoiceTotal;
    expect(fiscal).toMatchObject({ shiftNumber: 1, fiscalReceiptNumber: 1, totalKopecks: invoiceTotal });
    expect(fiscal.fiscalAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const printed = emulator.state.receipts.at(-1)!;
    expect(printed.uuid).toBe(uuid);
    expect(printed.fiscalParams.fiscalDocumentSign).toBe(fiscal.fiscalDocumentSign);
    expect(printed.task).toMatchObject({
      type: 'sell',
      operator: { name: cashier },
      clientInfo: { emailOrPhone: '+79161234567' },
      payments: [{ type: 'cash', sum: 3734.33 }],
      total: 3734.33,
    });
    expect(printed.task.items).toEqual([
      expect.objectContaining({
        type: 'position',
        price: 2500,
        quantity: 1,
        amount: 2500,
        tax: { type: 'none' },
      }),
      expect.objectContaining({ price: 450.5, quantity: 2, amount: 901, measurementUnit: 'piece' }),
      expect.objectContaining({
        price: 333.33,
        amount: 333.33,
        paymentMethod: 'fullPayment',
        paymentObject: 'service',
        tax: { type: 'vat22' },
      }),
    ]);
  });

  it('sells by card (electronically)', async () => {
    const uuid = randomUUID();
    await register.submit(uuid, sale(lines.slice(0, 1), 'card'));
    const fiscal = await done(uuid);
    cardSale += 250_000;
    expect(fiscal.fiscalReceiptNumber).toBe(2);
    expect(emulator.state.receipts.at(-1)!.task).toMatchObject({
      payments: [{ type: 'electronically', sum: 2500 }],
    });
    expect(emulator.state.receipts.at(-1)!.task.clientInfo).toBeUndefined();
  });

  it('a repeated uuid prints one receipt (sequential and concurrent repeats)', async () => {
    const uuid = randomUUID();
    const task = sale(lines.slice(1, 2), 'cash');
    const before = emulator.state.receipts.length;
    await Promise.all([register.submit(uuid, task), register.submit(uuid, task)]);
    await done(uuid);
    await register.submit(uuid, task);
    const again = await done(uuid);
    cashSale += 90_100;
    expect(emulator.state.receipts.length).toBe(before + 1);
    expect(emulator.state.executions(uuid)).toBe(1);
    expect(again.fiscalReceiptNumber).toBe(3);
  });

  it('register down: FiscalUnavailableError, nothing printed; after recovery the same uuid prints once', async () => {
    const uuid = randomUUID();
    const task = sale(lines.slice(0, 1), 'card');
    const before = emulator.state.receipts.length;
    await failing('down', async () => {
      await expect(register.submit(uuid, task)).rejects.toBeInstanceOf(FiscalUnavailableError);
      await expect(register.outcome(uuid)).rejects.toBeInstanceOf(FiscalUnavailableError);
      await expect(register.shiftReport()).rejects.toBeInstanceOf(FiscalUnavailableError);
      expect(emulator.state.receipts.length).toBe(before);
    });
    expect(await register.outcome(uuid)).toEqual({ status: 'unknown' });
    await register.submit(uuid, task);
    await done(uuid);
    cardSale += 250_000;
    expect(emulator.state.receipts.length).toBe(before + 1);
  });

  it('register hangs: the call times out with FiscalUnavailableError', async () => {
    const impatient = new AtolWebServerRegister({ baseUrl: emulator.url, timeoutMs: 150 });
    const uuid = randomUUID();
    const before = emulator.state.receipts.length;
    const started = Date.now();
    const error = await failing('hang', () =>
      impatient.submit(uuid, { type: 'openShift', operatorName: cashier }).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(FiscalUnavailableError);
    expect((error as Error).message).toMatch(/did not answer within 150 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(emulator.state.receipts.length).toBe(before);
    // Nothing arrived: the same uuid is free to submit (the shift is open, so the register refuses it).
    expect(await register.outcome(uuid)).toEqual({ status: 'unknown' });
  });

  it('register error (paper out): the outcome is an error and nothing is printed', async () => {
    const uuid = randomUUID();
    const before = emulator.state.receipts.length;
    const task = sale(lines.slice(0, 1), 'cash');
    const outcome = await failing('error', async () => {
      await register.submit(uuid, task);
      return settle(uuid);
    });
    expect(outcome).toEqual({ status: 'error', code: '44', description: 'Нет бумаги' });
    expect(emulator.state.receipts.length).toBe(before);
    // The uuid stays taken by the failed task: submitting it again changes nothing.
    await register.submit(uuid, task);
    expect(await settle(uuid)).toMatchObject({ status: 'error', code: '44' });
    expect(emulator.state.executions(uuid)).toBe(1);
  });

  it('the register validates receipts: totals must match, tax types must be known', async () => {
    const { receipt } = sale(lines.slice(0, 1), 'cash') as Extract<FiscalTask, { type: 'receipt' }>;
    const wrongTotal = randomUUID();
    await register.submit(wrongTotal, {
      type: 'receipt',
      receipt: { ...receipt, totalKopecks: 249_999, payments: [{ type: 'cash', sumKopecks: 249_999 }] },
    });
    expect(await settle(wrongTotal)).toMatchObject(refused(/total/));
    const badTax = randomUUID();
    const line = { ...receipt.lines[0]!, vat: 'vat18' as never };
    await register.submit(badTax, { type: 'receipt', receipt: { ...receipt, lines: [line] } });
    expect(await settle(badTax)).toMatchObject(refused(/tax/));
  });

  it('refunds part of the cash payment (sellReturn)', async () => {
    const uuid = randomUUID();
    const receipt = buildReturnReceipt(lines, {
      method: 'cash',
      amountKopecks: 100_001,
      operatorName: cashier,
    });
    expect(receipt.lines.reduce((a, l) => a + l.amountKopecks, 0)).toBe(100_001);
    await register.submit(uuid, { type: 'receipt', receipt });
    const fiscal = await done(uuid);
    cashReturn += 100_001;
    expect(fiscal.totalKopecks).toBe(100_001);
    expect(emulator.state.receipts.at(-1)).toMatchObject({
      type: 'sellReturn',
      totalKopecks: 100_001,
      cashKopecks: 100_001,
    });
  });

  it('a cash refund above the cash in the drawer is refused', async () => {
    const uuid = randomUUID();
    const big = [{ ...lines[0]!, unitPriceKopecks: 10_000_000, amountKopecks: 10_000_000 }];
    await register.submit(uuid, {
      type: 'receipt',
      receipt: buildReturnReceipt(big, { method: 'cash', amountKopecks: 10_000_000, operatorName: cashier }),
    });
    expect(await settle(uuid)).toMatchObject(refused(/наличности/));
  });

  it('the shift report matches the receipts the register printed', async () => {
    const report = await register.shiftReport();
    const printed = emulator.state.receipts;
    expect(report).toEqual({
      shiftNumber: 1,
      open: true,
      expired: false,
      sellCashKopecks: cashSale,
      sellElectronicKopecks: cardSale,
      returnCashKopecks: cashReturn,
      returnElectronicKopecks: 0,
      receiptCount: printed.length,
    });
    const of = (type: string, kind: 'cashKopecks' | 'electronicKopecks') =>
      printed.filter((r) => r.type === type).reduce((a, r) => a + r[kind], 0);
    expect(report.sellCashKopecks).toBe(of('sell', 'cashKopecks'));
    expect(report.sellElectronicKopecks).toBe(of('sell', 'electronicKopecks'));
    expect(report.returnCashKopecks).toBe(of('sellReturn', 'cashKopecks'));
  });

  it('closes the shift; a closed shift refuses receipts and a second close', async () => {
    const close = randomUUID();
    await register.submit(close, { type: 'closeShift', operatorName: cashier });
    expect((await done(close)).shiftNumber).toBe(1);
    expect(await register.shiftReport()).toMatchObject({
      shiftNumber: 1,
      open: false,
      receiptCount: emulator.state.receipts.length,
    });
    const again = randomUUID();
    await register.submit(again, { type: 'closeShift', operatorName: cashier });
    expect(await settle(again)).toMatchObject(refused(/Смена закрыта/));
    const late = randomUUID();
    await register.submit(late, sale(lines.slice(0, 1), 'cash'));
    expect(await settle(late)).toMatchObject(refused(/Смена закрыта/));
  });

  it('unknown uuid → unknown; 5xx → FiscalUnavailableError', async () => {
    expect(await register.outcome(randomUUID())).toEqual({ status: 'unknown' });
    const failing = new AtolWebServerRegister({
      baseUrl: emulator.url,
      timeoutMs: 1_000,
      fetch: async () => new Response('{"error":{"code":500,"description":"internal"}}', { status: 503 }),
    });
    await expect(failing.outcome(randomUUID())).rejects.toBeInstanceOf(FiscalUnavailableError);
    await expect(
      failing.submit(randomUUID(), { type: 'openShift', operatorName: cashier }),
    ).rejects.toBeInstanceOf(FiscalUnavailableError);
  });
});
