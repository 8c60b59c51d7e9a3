import { randomUUID } from 'node:crypto';
import {
  appError,
  type Database,
  ErrorCode,
  IdempotencyStore,
  type InputError,
  inputError,
  type Principal,
} from '@medikamente/runtime';
import { DateTime } from 'luxon';
import { codes } from '../../error-codes.generated';
import { requireOwnBranch } from '../branches';
import { MAX_KOPECKS } from '../money';
import type { PriceStore } from '../prices/prices.store';
import type { InvoiceLineRecord, InvoiceRecord, InvoiceStore } from './invoices.store';

export type InvoiceLineInput = {
  priceItemId: string;
  quantity: number;
  discountKopecks: number;
  discountReason: string | null;
};

import { idempotentWrite, type Outcome } from '../refused';

export type { Outcome };

/** Today in the clinic's zone (prices are valid by calendar date). */
export const clinicToday = (zone: string, now = new Date()) =>
  DateTime.fromJSDate(now, { zone }).toISODate()!;

/**
 * Invoices: from a completed appointment (the schedule's event) or by the desk. Lines come from
 * the branch's price list in effect today; a discount needs a reason, and beyond the cashier's
 * limit an accountant; reception gives none. The total is charged to the ledger once.
 */
export class InvoiceService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: {
      database: Database;
      invoices: InvoiceStore;
      prices: PriceStore;
      clinicTimeZone: string;
      cashierDiscountPercent: number;
    },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  async createAtDesk(
    principal: Principal,
    input: { patientId: string; branchId: string; lines: InvoiceLineInput[]; idempotencyKey: string },
  ): Promise<Outcome<InvoiceRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    requireOwnBranch(principal, input.branchId, 'Счёт другого филиала');
    const today = clinicToday(this.deps.clinicTimeZone);
    const items = await this.deps.prices.byIds(input.lines.map((l) => l.priceItemId));
    const errors: InputError[] = [];
    const lines: InvoiceLineRecord[] = input.lines.map((l, i) => {
      const field = `input.lines.${i}`;
      const item = items.get(l.priceItemId);
      if (!item || item.branchId !== input.branchId) {
        errors.push(
          inputError(
            `${field}.priceItemId`,
            codes.UNKNOWN_PRICE_ITEM,
            'Нет такой позиции в прейскуранте филиала',
          ),
        );
        return null as never;
      }
      if (item.validFrom > today || (item.validTo !== null && item.validTo <= today))
        errors.push(
          inputError(
            `${field}.priceItemId`,
            codes.PRICE_NOT_VALID,
            `Цена «${item.name}» сегодня не действует`,
          ),
        );
      const gross = item.priceKopecks * l.quantity;
      const discountError = this.discountError(principal, field, l, gross);
      if (discountError) errors.push(discountError);
      if (gross - l.discountKopecks > MAX_KOPECKS)
        errors.push(
          inputError(`${field}.quantity`, ErrorCode.BAD_USER_INPUT, 'Сумма позиции больше допустимой'),
        );
      return {
        lineNo: i + 1,
        priceItemId: item.id,
        name: item.name,
        unitPriceKopecks: item.priceKopecks,
        quantity: l.quantity,
        discountKopecks: l.discountKopecks,
        discountReason: l.discountKopecks > 0 ? l.discountReason : null,
        amountKopecks: gross - l.discountKopecks,
        vat: item.vat,
      };
    });
    // One bill (and so any payment of it) stays within MAX_KOPECKS, the domain's limit of a single
    // amount; only sums over many invoices (certificates, reconciliation) go beyond it.
    if (!errors.length && lines.reduce((s, l) => s + l.amountKopecks, 0) > MAX_KOPECKS)
      errors.push(inputError('input.lines', ErrorCode.BAD_USER_INPUT, 'Сумма счёта больше допустимой'));
    if (errors.length) return { ok: false, inputErrors: errors };
    return idempotentWrite(
      { database: this.deps.database, idempotency: this.idempotency },
      { principal, key: input.idempotencyKey, operation: 'createInvoice', request: input },
      (id) =>
        this.deps.invoices.insert(
          {
            id,
            patientId: input.patientId,
            branchId: input.branchId,
            source: 'DESK',
            sourceId: null,
            createdBy: by,
          },
          lines,
        ),
      async (id) => (await this.deps.invoices.byIds([id])).get(id)!,
    );
  }

  private discountError(
    principal: Principal,
    field: string,
    l: InvoiceLineInput,
    gross: number,
  ): InputError | null {
    if (l.discountKopecks === 0) return null;
    if (l.discountKopecks > gross)
      return inputError(`${field}.discountKopecks`, ErrorCode.BAD_USER_INPUT, 'Скидка больше суммы позиции');
    if (!l.discountReason)
      return inputError(`${field}.discountReason`, ErrorCode.REQUIRED, 'Укажите причину скидки');
    const role = principal.role;
    if (role === 'accountant') return null;
    if (role === 'cashier' && l.discountKopecks * 100 <= gross * this.deps.cashierDiscountPercent)
      return null;
    return inputError(
      `${field}.discountKopecks`,
      codes.DISCOUNT_NOT_ALLOWED,
      role === 'cashier'
        ? `Кассир может дать скидку до ${this.deps.cashierDiscountPercent}% — больше согласует бухгалтер`
        : 'Скидку даёт кассир или бухгалтер',
    );
  }

  /**
   * A completed appointment: an invoice for its service at the branch's price of the visit's day
   * (inside the event's inbox transaction; once per appointment). Without a price the visit waits
   * for the cashier (billable_visit without invoice) — nothing is guessed.
   */
  async fromCompletedVisit(v: {
    appointmentId: string;
    patientId: string;
    branchId: string;
    serviceId: string | null;
    completedAt: Date;
  }): Promise<InvoiceRecord | null> {
    const existing = await this.deps.invoices.bySource('APPOINTMENT', v.appointmentId);
    if (existing) return existing;
    const day = clinicToday(this.deps.clinicTimeZone, v.completedAt);
    const price = v.serviceId ? await this.deps.prices.forRef(v.branchId, 'SERVICE', v.serviceId, day) : null;
    if (!price) return null;
    return this.deps.invoices.insert(
      {
        id: randomUUID(),
        patientId: v.patientId,
        branchId: v.branchId,
        source: 'APPOINTMENT',
        sourceId: v.appointmentId,
        createdBy: 'schedule',
      },
      [
        {
          lineNo: 1,
          priceItemId: price.id,
          name: price.name,
          unitPriceKopecks: price.priceKopecks,
          quantity: 1,
          discountKopecks: 0,
          discountReason: null,
          amountKopecks: price.priceKopecks,
          vat: price.vat,
        },
      ],
    );
  }
}
