/**
 * The register behind the ATOL web-server emulator: one fiscal storage (FN), shifts, counters, and
 * the checks a register makes before it fiscalises a document. Executes one JSON task at a time.
 *
 * Driver error codes: 44 (paper out) as listed for driver 10; the other numbers are the emulator's
 * own (the driver's table was not available to check) — clients must treat codes as opaque.
 */
import { createHmac } from 'node:crypto';
import {
  type AtolError,
  type AtolFiscalParams,
  type AtolShiftStatusResult,
  type AtolShiftTotalsResult,
  isObject,
  kopecksToRubles,
  MEASUREMENT_UNITS,
  rublesToKopecks,
} from './atol-protocol.js';

export const ERRORS = {
  paperOut: { code: 44, description: 'Нет бумаги' },
  shiftClosed: { code: 68, description: 'Смена закрыта - операция невозможна' },
  shiftOpened: { code: 69, description: 'Смена открыта - операция невозможна' },
  shiftExpired: { code: 70, description: 'Смена превысила 24 часа' },
  notEnoughCash: { code: 81, description: 'Недостаточно наличности в кассе' },
  invalidData: { code: 5, description: 'Неверные данные' },
  unknownTask: { code: 10, description: 'Не поддерживается в данной версии' },
} as const satisfies Record<string, AtolError>;

const TAX_TYPES = new Set(
  'none vat0 vat5 vat7 vat10 vat20 vat22 vat105 vat107 vat110 vat120 vat122'.split(' '),
);
const PAYMENT_METHODS = new Set(
  'fullPrepayment prepayment advance fullPayment partialPayment credit creditPayment'.split(' '),
);
const PAYMENT_OBJECTS = new Set(['commodity', 'excise', 'job', 'service', 'payment', 'another']);
const FISCAL_TASKS = new Set(['openShift', 'closeShift', 'sell', 'sellReturn']);
const SHIFT_HOURS = 24;

/** A receipt the register fiscalised ("printed"), as it arrived plus what the register answered. */
export type EmulatedReceipt = {
  uuid: string;
  type: 'sell' | 'sellReturn';
  task: Record<string, unknown>;
  totalKopecks: number;
  cashKopecks: number;
  electronicKopecks: number;
  fiscalParams: AtolFiscalParams;
};

type Counter = { count: number; sumKopecks: number; cashKopecks: number; electronicKopecks: number };
const zero = (): Counter => ({ count: 0, sumKopecks: 0, cashKopecks: 0, electronicKopecks: 0 });

export type TaskOutcome = { ok: true; result: unknown } | { ok: false; error: AtolError };

class TaskError extends Error {
  constructor(
    readonly error: AtolError,
    detail?: string,
  ) {
    super(detail ? `${error.description}: ${detail}` : error.description);
  }
}

export class EmulatedRegister {
  readonly fnNumber = '9999078900012345';
  readonly registrationNumber = '0000000001012345';
  readonly receipts: EmulatedReceipt[] = [];
  shift = { number: 0, open: false, openedAt: 0, receiptNumber: 0, documentsCount: 0 };
  cashDrawerKopecks = 0;
  totals = { sell: zero(), sellReturn: zero() };
  private lastDocumentNumber = 0;

  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs one task; `paperOut` makes every fiscal task fail as a register without paper does. */
  execute(uuid: string, task: unknown, paperOut: boolean): TaskOutcome {
    try {
      if (!isObject(task) || typeof task.type !== 'string') throw new TaskError(ERRORS.invalidData, 'type');
      if (paperOut && FISCAL_TASKS.has(task.type)) throw new TaskError(ERRORS.paperOut);
      switch (task.type) {
        case 'openShift':
          return { ok: true, result: this.openShift() };
        case 'closeShift':
          return { ok: true, result: this.closeShift() };
        case 'sell':
        case 'sellReturn':
          return { ok: true, result: this.receipt(uuid, task.type, task) };
        case 'getShiftStatus':
          return { ok: true, result: this.shiftStatus() };
        case 'getShiftTotals':
          return { ok: true, result: this.shiftTotals() };
        default:
          throw new TaskError(ERRORS.unknownTask, task.type);
      }
    } catch (error) {
      if (error instanceof TaskError)
        return { ok: false, error: { ...error.error, description: error.message } };
      throw error;
    }
  }

  private get expired(): boolean {
    return this.shift.open && this.now() - this.shift.openedAt > SHIFT_HOURS * 3_600_000;
  }

  private openShift() {
    if (this.shift.open) throw new TaskError(ERRORS.shiftOpened);
    this.shift = {
      number: this.shift.number + 1,
      open: true,
      openedAt: this.now(),
      receiptNumber: 0,
      documentsCount: 0,
    };
    this.totals = { sell: zero(), sellReturn: zero() };
    return { fiscalParams: this.document('openShift', 0), warnings: { notPrinted: false } };
  }

  private closeShift() {
    if (!this.shift.open) throw new TaskError(ERRORS.shiftClosed);
    const fiscalParams = { ...this.document('closeShift', 0), receiptsCount: this.shift.receiptNumber };
    this.shift.open = false;
    return { fiscalParams, warnings: { notPrinted: false } };
  }

  private receipt(uuid: string, type: 'sell' | 'sellReturn', task: Record<string, unknown>) {
    if (!this.shift.open) throw new TaskError(ERRORS.shiftClosed);
    if (this.expired) throw new TaskError(ERRORS.shiftExpired);
    const { totalKopecks, cashKopecks, electronicKopecks } = checkReceipt(task);
    if (type === 'sellReturn' && cashKopecks > this.cashDrawerKopecks)
      throw new TaskError(ERRORS.notEnoughCash);
    this.shift.receiptNumber += 1;
    const fiscalParams: AtolFiscalParams = {
      ...this.document(type, totalKopecks),
      fiscalReceiptNumber: this.shift.receiptNumber,
      total: kopecksToRubles(totalKopecks),
    };
    const sign = type === 'sell' ? 1 : -1;
    this.cashDrawerKopecks += sign * cashKopecks;
    const counter = this.totals[type];
    counter.count += 1;
    counter.sumKopecks += totalKopecks;
    counter.cashKopecks += cashKopecks;
    counter.electronicKopecks += electronicKopecks;
    this.receipts.push({ uuid, type, task, totalKopecks, cashKopecks, electronicKopecks, fiscalParams });
    return { fiscalParams, warnings: null };
  }

  /** Numbers the next fiscal document (continuous across shifts, as in the FN) and signs it. */
  private document(kind: string, totalKopecks: number): AtolFiscalParams {
    this.lastDocumentNumber += 1;
    this.shift.documentsCount += 1;
    const dateTime = moscowDateTime(this.now());
    const mac = createHmac('sha256', this.secret)
      .update(`${this.fnNumber}|${this.lastDocumentNumber}|${dateTime}|${kind}|${totalKopecks}`)
      .digest();
    return {
      fiscalDocumentNumber: this.lastDocumentNumber,
      // The fiscal sign (ФПД) is a 4-byte value printed in decimal (up to 10 digits).
      fiscalDocumentSign: String(mac.readUInt32BE(0)),
      fiscalDocumentDateTime: dateTime,
      fnNumber: this.fnNumber,
      registrationNumber: this.registrationNumber,
      shiftNumber: this.shift.number,
      fnsUrl: 'www.nalog.gov.ru',
    };
  }

  private shiftStatus(): AtolShiftStatusResult {
    const state = !this.shift.open ? 'closed' : this.expired ? 'expired' : 'opened';
    return {
      shiftStatus: {
        state,
        number: this.shift.number,
        documentsCount: this.shift.documentsCount,
        ...(this.shift.open
          ? { expiredTime: moscowDateTime(this.shift.openedAt + SHIFT_HOURS * 3_600_000) }
          : {}),
      },
    };
  }

  private shiftTotals(): AtolShiftTotalsResult {
    const out = (c: Counter) => ({
      count: c.count,
      sum: kopecksToRubles(c.sumKopecks),
      payments: {
        cash: kopecksToRubles(c.cashKopecks),
        electronically: kopecksToRubles(c.electronicKopecks),
        credit: 0,
        prepaid: 0,
        other: 0,
      },
    });
    return {
      shiftTotals: {
        shiftNumber: this.shift.number,
        cashDrawer: { sum: kopecksToRubles(this.cashDrawerKopecks) },
        income: { count: 0, sum: 0 },
        outcome: { count: 0, sum: 0 },
        receipts: {
          sell: out(this.totals.sell),
          sellReturn: out(this.totals.sellReturn),
          buy: out(zero()),
          buyReturn: out(zero()),
        },
      },
    };
  }
}

function invalid(detail: string): never {
  throw new TaskError(ERRORS.invalidData, detail);
}

function kopecks(value: unknown, what: string): number {
  let k: number;
  try {
    k = rublesToKopecks(value);
  } catch {
    invalid(what);
  }
  return k >= 0 ? k : invalid(`${what} < 0`);
}

/** Quantity in thousandths (the register keeps three decimals). */
function thousandths(value: unknown): number {
  const match = typeof value === 'number' && value > 0 ? /^(\d+)(?:\.(\d{1,3}))?$/.exec(String(value)) : null;
  if (!match) invalid('quantity');
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** What the register checks in a receipt; returns its totals in kopecks. */
function checkReceipt(task: Record<string, unknown>) {
  if (task.operator !== undefined && !(isObject(task.operator) && typeof task.operator.name === 'string')) {
    invalid('operator');
  }
  if (task.clientInfo !== undefined) {
    const contact = isObject(task.clientInfo) ? task.clientInfo.emailOrPhone : undefined;
    if (typeof contact !== 'string' || !/^(\+\d{11,15}|[^@\s]+@[^@\s]+\.[^@\s]+)$/.test(contact)) {
      invalid('clientInfo.emailOrPhone');
    }
  }
  if (!Array.isArray(task.items) || task.items.length === 0) invalid('items');
  let itemsKopecks = 0;
  for (const item of task.items) {
    if (!isObject(item) || item.type !== 'position') invalid('items[].type');
    if (typeof item.name !== 'string' || item.name.trim() === '' || item.name.length > 128) invalid('name');
    const price = kopecks(item.price, 'price');
    const amount = kopecks(item.amount, 'amount');
    // amount = price × quantity after discount: never above the undiscounted sum.
    if (amount > Math.round((price * thousandths(item.quantity)) / 1000))
      invalid('amount > price × quantity');
    const unit = item.measurementUnit;
    const units = Object.values(MEASUREMENT_UNITS);
    if (!(typeof unit === 'string' ? unit in MEASUREMENT_UNITS : units.includes(unit as number))) {
      invalid('measurementUnit');
    }
    if (!isObject(item.tax) || !TAX_TYPES.has(String(item.tax.type))) invalid('tax.type');
    if (item.paymentMethod !== undefined && !PAYMENT_METHODS.has(String(item.paymentMethod)))
      invalid('paymentMethod');
    if (item.paymentObject !== undefined && !PAYMENT_OBJECTS.has(String(item.paymentObject)))
      invalid('paymentObject');
    itemsKopecks += amount;
  }
  const totalKopecks = task.total === undefined ? itemsKopecks : kopecks(task.total, 'total');
  if (totalKopecks !== itemsKopecks) invalid('total differs from the sum of the positions');
  if (totalKopecks === 0) invalid('total = 0');
  if (!Array.isArray(task.payments) || task.payments.length === 0) invalid('payments');
  let cashKopecks = 0;
  let electronicKopecks = 0;
  for (const payment of task.payments) {
    if (!isObject(payment)) invalid('payments[]');
    const sum = kopecks(payment.sum, 'payments[].sum');
    if (payment.type === 'cash' || payment.type === 0) cashKopecks += sum;
    else if (payment.type === 'electronically' || payment.type === 1) electronicKopecks += sum;
    else invalid('payments[].type');
  }
  // Only cash can exceed the total (the change is handed back from it).
  if (electronicKopecks > totalKopecks) invalid('electronic payment exceeds the total');
  if (cashKopecks + electronicKopecks < totalKopecks) invalid('payments less than the total');
  return { totalKopecks, cashKopecks: totalKopecks - electronicKopecks, electronicKopecks };
}

/** `2026-03-02T14:05:00+03:00`: the register's clock runs on Moscow time. */
function moscowDateTime(epochMs: number): string {
  return `${new Date(epochMs + 3 * 3_600_000).toISOString().slice(0, 19)}+03:00`;
}
